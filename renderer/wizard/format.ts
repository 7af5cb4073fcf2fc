import { clockText, dateText } from '../../shared/port-text';

const numbers = new Intl.NumberFormat('en-US');

export function formatNumber(value: number): string {
  return numbers.format(value);
}

/** Every moment on every page in one format, "2026-12-07 15:25:03", the same as `watch` writes; the time alone where the day goes without saying. */
export { dateText as formatDate, clockText as formatTime };
