/** Registry value types as reg.exe names them. */
export const REG_TYPES = [
  'REG_SZ',
  'REG_EXPAND_SZ',
  'REG_BINARY',
  'REG_DWORD',
  'REG_DWORD_BIG_ENDIAN',
  'REG_LINK',
  'REG_MULTI_SZ',
  'REG_RESOURCE_LIST',
  'REG_FULL_RESOURCE_DESCRIPTOR',
  'REG_RESOURCE_REQUIREMENTS_LIST',
  'REG_QWORD',
  'REG_NONE',
] as const;
export type RegType = (typeof REG_TYPES)[number];

/**
 * One registry value as the product reports it. `data` is a number for REG_DWORD, text for the
 * string types, a list for REG_MULTI_SZ, a decimal string for REG_QWORD and lowercase hex for
 * the rest; it is absent when the registry tool could not show it.
 */
export type ValueState = { present: false } | { present: true; type: RegType; data?: number | string | string[] };

export function describeValue(state: ValueState): string {
  if (!state.present) return 'not set';
  if (state.data === undefined) return `${state.type} (data not readable)`;
  const data = Array.isArray(state.data) ? state.data.join(', ') : String(state.data);
  return state.type === 'REG_DWORD' ? data : `${state.type} "${data}"`;
}

export function isDword(state: ValueState, value: number): boolean {
  return state.present && state.type === 'REG_DWORD' && state.data === value;
}

/**
 * Same type and data, as reported; data one side could not show (Wine prints no QWORD) is not
 * held against it. An exact comparison needs the exported payloads.
 */
export function sameState(a: ValueState, b: ValueState): boolean {
  if (!a.present || !b.present) return a.present === b.present;
  if (a.data === undefined || b.data === undefined) return a.type === b.type;
  return a.type === b.type && JSON.stringify(a.data) === JSON.stringify(b.data);
}
