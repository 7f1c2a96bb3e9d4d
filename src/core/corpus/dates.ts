const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The years a paper's date may fall in. Machine-learning papers on the Daily Papers site date from the
 * 2010s on; 1900..2100 leaves room for old classics and for pages captured decades from now, while a
 * year such as 0 or 10000 (a typo, or a yearless date inferred after "Jan 3, 9999") is refused.
 */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** A date as the Daily Papers site prints it: `Oct 9, 2024` or, for the current year, `Oct 9`. */
export interface SiteDate {
  /** 1-12 */
  month: number;
  day: number;
  /** null when the site left the year out. */
  year: number | null;
}

/**
 * Reads `Mon D` or `Mon D, YYYY`; null when the text is not such a date, the year is outside
 * `YEAR_RANGE`, or the day does not exist (Feb 29 only in a leap year; without a year it may be one).
 */
export function parseSiteDate(text: string): SiteDate | null {
  const match = /^([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]) + 1;
  const day = Number(match[2]);
  const year = match[3] ? Number(match[3]) : null;
  if (month === 0) return null;
  if (year === null ? day < 1 || day > DAYS_IN_MONTH[month - 1] : !isCalendarDate(year, month, day)) return null;
  return { month, day, year };
}

/**
 * The year a yearless date falls in. The site omits the year only for the current year, which is the
 * page's capture year (one more than the latest explicit year on the page); a date later in the
 * calendar than the page's own date must then be from the year before. Null when the page has no
 * explicit year to reason from.
 */
export function inferYear(date: SiteDate, pageDate: SiteDate | null, captureYear: number | null): number | null {
  if (date.year !== null) return date.year;
  if (captureYear === null) return null;
  if (pageDate && (date.month > pageDate.month || (date.month === pageDate.month && date.day > pageDate.day))) {
    return captureYear - 1;
  }
  return captureYear;
}

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

/**
 * Whether `text` is a date as far as it is known: "YYYY-MM-DD" (see `isIsoCalendarDate`), "YYYY-MM" or
 * "YYYY", with the year in `YEAR_RANGE` (a library often knows only the year, or year and month).
 */
export function isPublishedDate(text: string): boolean {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  if (!match) return isIsoCalendarDate(text);
  return isCalendarDate(Number(match[1]), match[2] === undefined ? 1 : Number(match[2]), 1);
}

/** "YYYY-MM-DD" */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
