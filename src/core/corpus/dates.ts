/** Dates as the Daily Papers site prints them, read into calendar dates (see `../calendar.ts`). */
import { DAYS_IN_MONTH, isCalendarDate } from '../calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
