/** Calendar dates as papers hold them: "YYYY-MM-DD", a real day, in the years a paper may date from. */

/** Days in each month, February in a leap year. */
export const DAYS_IN_MONTH: readonly number[] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The years a paper's date may fall in. Machine-learning papers on the Daily Papers site date from the
 * 2010s on; 1900..2100 leaves room for old classics and for pages captured decades from now, while a
 * year such as 0 or 10000 (a typo, or a yearless date inferred after "Jan 3, 9999") is refused.
 */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** Whether year-month-day is a day of the Gregorian calendar with the year in `YEAR_RANGE`. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
}

/** Whether `text` is "YYYY-MM-DD" naming a real day (see `isCalendarDate`). */
export function isIsoCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** "YYYY-MM-DD" */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
