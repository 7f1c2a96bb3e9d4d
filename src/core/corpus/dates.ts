const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date as the Daily Papers site prints it: `Oct 9, 2024` or, for the current year, `Oct 9`. */
export interface SiteDate {
  /** 1-12 */
  month: number;
  day: number;
  /** null when the site left the year out. */
  year: number | null;
}

/** Reads `Mon D` or `Mon D, YYYY`; null when the text is not such a date or the day does not exist. */
export function parseSiteDate(text: string): SiteDate | null {
  const match = /^([A-Z][a-z]{2}) (\d{1,2})(?:, (\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]) + 1;
  const day = Number(match[2]);
  if (month === 0 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return null;
  return { month, day, year: match[3] ? Number(match[3]) : null };
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

/** "YYYY-MM-DD" */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
