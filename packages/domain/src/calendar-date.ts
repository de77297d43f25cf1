/** A calendar date with no time or zone, written "YYYY-MM-DD". */
export type CalendarDate = string;

export interface CalendarDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The parts of a "YYYY-MM-DD" date, or null when it is malformed or does not exist (2026-02-29). */
export function parseCalendarDate(date: string): CalendarDateParts | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

function toUtcMidnight(date: CalendarDate): number {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}

function fromUtcMidnight(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Builds a date from parts; out-of-range days roll over, so (2026, 3, 0) is 28 February. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return fromUtcMidnight(Date.UTC(year, month - 1, day));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** 0 is Sunday, 1 is Monday, ... 6 is Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

/** Whole days from one date to another: 1 from a Monday to the Tuesday after. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}
