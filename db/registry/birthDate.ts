/**
 * Birth dates as SIS exports and people write them. Day first, as in France: `31/12/1999`,
 * `31-12-1999`, `31.12.1999`, `1/2/1999`; or ISO `1999-12-31`; either may carry a midnight time
 * (`1999-12-31 00:00:00`, as spreadsheet exports do). Two-digit years are refused rather than
 * guessed, and so are impossible dates (31/02) and dates before 1900 or in the future.
 */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const MIDNIGHT = /[ T]00:00(:00(\.0+)?)?Z?$/;

/** `YYYY-MM-DD`, or undefined when the text is not a plausible birth date. */
export function parseBirthDate(text: string, today: Date = new Date()): string | undefined {
  let value = text.trim();
  if (value.length > 10) value = value.replace(MIDNIGHT, '');
  const dayFirst = DAY_FIRST.exec(value);
  const iso = dayFirst ? null : ISO.exec(value);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900 || date.getTime() > today.getTime()) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
