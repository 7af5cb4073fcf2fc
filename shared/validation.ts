import { SETTINGS, SETTING_NAMES, type PerSetting, type SettingName } from './settings';

export type Validation = { ok: true; value: number } | { ok: false; message: string };

/** Long enough for any number in range with a little slack; anything longer is surely a mistake. */
const MAX_INPUT_LENGTH = 10;

/**
 * The one check every entry point uses (renderer, main process, CLI): a whole decimal number
 * from `min` to `max`, given as typed text or as a number. `label` names it in the message.
 */
export function validateWholeNumber(label: string, min: number, max: number, input: unknown): Validation {
  const reject = (reason: string): Validation => ({
    ok: false,
    message: `${label} must be a whole number from ${min} to ${max}; ${reason}.`,
  });

  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return reject(`${String(input)} is not a number`);
    if (!Number.isInteger(input)) return reject(`${input} has a fraction`);
    return inRange(input, min, max) ? { ok: true, value: input } : reject(`${input} is out of range`);
  }
  if (typeof input !== 'string') return reject('no number was given');

  // Taken exactly as typed: a space is a mistake to show, not to repair silently (' 5000' is not 5000).
  const text = input;
  const shown = `"${text.length > 12 ? `${text.slice(0, 12)}…` : text}"`;
  if (text === '') return reject('nothing was entered');
  if (/^\s+$/.test(text)) return reject('only spaces were entered');
  if (/^\s|\s$/.test(text)) return reject(`${shown} has a space before or after it`);
  if (text.length > MAX_INPUT_LENGTH) return reject(`${shown} is too long`);
  if (/^[+-]/.test(text)) return reject(`${shown} has a sign`);
  if (/^\d+(\.\d*)?[eE]/.test(text)) return reject(`${shown} uses an exponent`);
  // "65,534" or "65.534": a thousands separator in one locale is a decimal point in another.
  if (/^\d{1,3}([,.])\d{3}$/.test(text))
    return reject(`${shown} has a thousands separator; type ${text.replace(/[,.]/, '')}`);
  if (/^\d*[.,]\d*$/.test(text)) return reject(`${shown} has a fraction`);
  if (!/^\d+$/.test(text)) return reject(`${shown} is not a number`);

  const value = Number(text);
  return inRange(value, min, max) ? { ok: true, value } : reject(`${value} is out of range`);
}

export function validateSetting(name: SettingName, input: unknown): Validation {
  return validateWholeNumber(name, SETTINGS[name].min, SETTINGS[name].max, input);
}

export type SettingsValidation = { ok: true; values: Partial<PerSetting<number>> } | { ok: false; messages: string[] };

/** The settings given (undefined means "leave it"): their numbers when all are valid, otherwise every message. */
export function validateSettings(input: Partial<PerSetting<unknown>>): SettingsValidation {
  const values: Partial<PerSetting<number>> = {};
  const messages: string[] = [];
  for (const name of SETTING_NAMES) {
    if (input[name] === undefined) continue;
    const result = validateSetting(name, input[name]);
    if (result.ok) values[name] = result.value;
    else messages.push(result.message);
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, values };
}

function inRange(value: number, min: number, max: number): boolean {
  return value >= min && value <= max;
}
