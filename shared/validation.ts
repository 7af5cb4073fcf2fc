import { SETTINGS, SETTING_NAMES, type PerSetting, type SettingName } from './settings';

export type Validation = { ok: true; value: number } | { ok: false; message: string };

/** Long enough for any number in range with a little slack; anything longer is surely a mistake. */
const MAX_INPUT_LENGTH = 10;

/**
 * The one check every entry point uses (renderer, main process, CLI): a whole decimal number
 * within the setting's range, given as typed text or as a number.
 */
export function validateSetting(name: SettingName, input: unknown): Validation {
  const { min, max } = SETTINGS[name];
  const reject = (reason: string): Validation => ({
    ok: false,
    message: `${name} must be a whole number from ${min} to ${max}; ${reason}.`,
  });

  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return reject(`${String(input)} is not a number`);
    if (!Number.isInteger(input)) return reject(`${input} has a fraction`);
    return inRange(input, min, max) ? { ok: true, value: input } : reject(`${input} is out of range`);
  }
  if (typeof input !== 'string') return reject('no number was given');

  const text = input.trim();
  const shown = `"${text.length > 12 ? `${text.slice(0, 12)}…` : text}"`;
  if (text === '') return reject('nothing was entered');
  if (text.length > MAX_INPUT_LENGTH) return reject(`${shown} is too long`);
  if (/^[+-]/.test(text)) return reject(`${shown} has a sign`);
  if (/^\d+(\.\d*)?[eE]/.test(text)) return reject(`${shown} uses an exponent`);
  if (/^\d*[.,]\d*$/.test(text)) return reject(`${shown} has a fraction`);
  if (!/^\d+$/.test(text)) return reject(`${shown} is not a number`);

  const value = Number(text);
  return inRange(value, min, max) ? { ok: true, value } : reject(`${value} is out of range`);
}

/** Both settings checked at once: the numbers when both are valid, otherwise every message. */
export function validatePair(input: PerSetting<unknown>): { ok: true; values: PerSetting<number> } | { ok: false; messages: string[] } {
  const values: Partial<PerSetting<number>> = {};
  const messages: string[] = [];
  for (const name of SETTING_NAMES) {
    const result = validateSetting(name, input[name]);
    if (result.ok) values[name] = result.value;
    else messages.push(result.message);
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, values: values as PerSetting<number> };
}

function inRange(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}
