import type { BankHolidayException } from "./bank-holidays.ts";
import { londonDateOf, londonOffsetMinutes } from "./london-time.ts";
import { isWorkingDay } from "./working-days.ts";

/** The team's working hours, London time: 09:00 to 17:00 on working days. */
export const WORKING_HOURS = { startMinute: 9 * 60, endMinute: 17 * 60 } as const;

/** Non-RED new referrals reach the team by email in a digest at these minutes past the hour. */
export const DIGEST_INTERVAL_MINUTES = 30;

const MINUTE = 60_000;
/** Longer than any run of non-working days (see working-days.ts), so a search always ends. */
const SEARCH_LIMIT_MINUTES = 15 * 24 * 60;

function londonMinuteOfDay(instant: Date): number {
  const local = instant.getTime() + londonOffsetMinutes(instant) * MINUTE;
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / MINUTE);
}

/** Within 09:00-17:00 London time on a working day (the end itself is outside). */
export function isWithinWorkingHours(instant: Date, exceptions: readonly BankHolidayException[]): boolean {
  const minute = londonMinuteOfDay(instant);
  return (
    minute >= WORKING_HOURS.startMinute &&
    minute < WORKING_HOURS.endMinute &&
    isWorkingDay(londonDateOf(instant), exceptions)
  );
}

/**
 * Working minutes from `from` until `to`, counted in whole minutes and no further than `cap`
 * (a caller asking "within two working hours?" needs no more), so a far deadline costs little.
 */
export function workingMinutesBetween(
  from: Date,
  to: Date,
  exceptions: readonly BankHolidayException[],
  cap = SEARCH_LIMIT_MINUTES,
): number {
  let counted = 0;
  for (let at = from.getTime(); at < to.getTime() && counted <= cap; at += MINUTE) {
    if (isWithinWorkingHours(new Date(at), exceptions)) counted += 1;
  }
  return Math.min(counted, cap + 1);
}

/** A decision due within this many working minutes reminds whoever holds it. */
export const DUE_SOON_WORKING_MINUTES = 120;

/** Not yet overdue, and no more than two working hours of the clock left. */
export function isDecisionDueSoon(dueAt: Date, now: Date, exceptions: readonly BankHolidayException[]): boolean {
  if (now.getTime() > dueAt.getTime()) return false;
  return workingMinutesBetween(now, dueAt, exceptions, DUE_SOON_WORKING_MINUTES) <= DUE_SOON_WORKING_MINUTES;
}

/**
 * When a non-RED new referral goes out in the team's digest: the next half-hour mark (or this
 * instant, if it is one) inside working hours. Outside them the digest waits for 09:00.
 */
export function nextDigestAt(instant: Date, exceptions: readonly BankHolidayException[]): Date {
  const step = DIGEST_INTERVAL_MINUTES * MINUTE;
  let slot = Math.ceil(instant.getTime() / step) * step;
  for (let tried = 0; tried < SEARCH_LIMIT_MINUTES / DIGEST_INTERVAL_MINUTES; tried += 1, slot += step) {
    if (isWithinWorkingHours(new Date(slot), exceptions)) return new Date(slot);
  }
  throw new RangeError("No working hours within fifteen days");
}
