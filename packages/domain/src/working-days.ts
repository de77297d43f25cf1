import { isBankHoliday, type BankHolidayException } from "./bank-holidays.ts";
import { addDays, isWeekend, type CalendarDate } from "./calendar-date.ts";
import { endOfLondonDay, londonDateOf } from "./london-time.ts";

/**
 * Long enough for any real run of non-working days (Christmas and New Year give at most five),
 * short enough that a broken exceptions table fails loudly instead of looping.
 */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 14;

/** A London calendar date that is neither a weekend nor an England and Wales bank holiday. */
export function isWorkingDay(londonDate: CalendarDate, exceptions: readonly BankHolidayException[]): boolean {
  return !isWeekend(londonDate) && !isBankHoliday(londonDate, exceptions);
}

/** The first working day strictly after the given London date. */
export function nextWorkingDay(londonDate: CalendarDate, exceptions: readonly BankHolidayException[]): CalendarDate {
  let day = londonDate;
  for (let step = 0; step < MAX_CONSECUTIVE_NON_WORKING_DAYS; step += 1) {
    day = addDays(day, 1);
    if (isWorkingDay(day, exceptions)) return day;
  }
  throw new RangeError(`No working day within ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days of ${londonDate}`);
}

/**
 * Working Together to Safeguard Children: a decision on the response within one working day
 * of receipt. Due at the end (23:59:59.999 London time) of the first working day after the
 * London day the referral arrived on, whatever the hour it came and whether or not that day
 * was itself a working day.
 */
export function decisionDueAt(receivedAt: Date, exceptions: readonly BankHolidayException[]): Date {
  return endOfLondonDay(nextWorkingDay(londonDateOf(receivedAt), exceptions));
}

/** A RED referral still unassigned this long after receipt shows as overdue (DESIGN §5). */
export const RED_ESCALATION_MINUTES = 60;

export function redEscalationDueAt(receivedAt: Date): Date {
  if (Number.isNaN(receivedAt.getTime())) throw new RangeError("Invalid instant");
  return new Date(receivedAt.getTime() + RED_ESCALATION_MINUTES * 60_000);
}

/** Overdue once the due instant has passed; at the due instant itself there is still time. */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
