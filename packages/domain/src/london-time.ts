import { parseCalendarDate, type CalendarDate } from "./calendar-date.ts";

// Statutory clocks run on the calendar of England, whatever zone the server runs in.
// Intl carries the tz database, so GMT/BST changes come from it rather than from our own rules.
const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  // h23, not hour12: false, which some ICU versions render midnight as "24".
  hourCycle: "h23",
});

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function assertValid(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid instant");
}

function londonWallClock(instant: Date): WallClock {
  assertValid(instant);
  const parts: Record<string, string> = {};
  for (const part of londonClock.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts["year"]),
    month: Number(parts["month"]),
    day: Number(parts["day"]),
    hour: Number(parts["hour"]),
    minute: Number(parts["minute"]),
    second: Number(parts["second"]),
  };
}

/** The date London's calendars show at an instant. */
export function londonDateOf(instant: Date): CalendarDate {
  const { year, month, day } = londonWallClock(instant);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Minutes London is ahead of UTC at an instant: 0 on GMT, 60 on BST. */
export function londonOffsetMinutes(instant: Date): number {
  const clock = londonWallClock(instant);
  const wallAsUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSecond) / 60_000);
}

/**
 * The instant London's clocks show the given time on the given date, for midnight and late
 * evening only. The clocks change at 01:00 UTC, so no change ever falls between such a wall
 * time and its instant, and the offset London has at the wall time read as UTC is the right
 * one. Times between 01:00 and 02:00 local on a change day would need more care.
 */
function londonMidnightOrEveningToInstant(
  date: CalendarDate,
  hour: 0 | 23,
  minute: number,
  second: number,
  ms: number,
): Date {
  const parts = parseCalendarDate(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  const midnightAsUtc = new Date(0).setUTCFullYear(parts.year, parts.month - 1, parts.day);
  const wallAsUtc = midnightAsUtc + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  return new Date(wallAsUtc - londonOffsetMinutes(new Date(wallAsUtc)) * 60_000);
}

/** 00:00:00.000 London time on the given date. */
export function startOfLondonDay(date: CalendarDate): Date {
  return londonMidnightOrEveningToInstant(date, 0, 0, 0, 0);
}

/** 23:59:59.999 London time on the given date: the last moment of that day. */
export function endOfLondonDay(date: CalendarDate): Date {
  return londonMidnightOrEveningToInstant(date, 23, 59, 59, 999);
}
