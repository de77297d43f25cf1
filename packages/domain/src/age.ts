import { parseCalendarDate, type CalendarDate } from "./calendar-date.ts";

/**
 * Whole years of age on a London calendar date. Someone born on 29 February is taken to reach
 * each new age on 1 March in common years: the Family Law Reform Act 1969 (s.9) counts an age
 * from the start of the anniversary of birth, and a common year has no 29 February.
 */
export function ageInYears(dateOfBirth: CalendarDate, onLondonDate: CalendarDate): number {
  const born = parseCalendarDate(dateOfBirth);
  const today = parseCalendarDate(onLondonDate);
  if (!born) throw new RangeError(`Not a date of birth: ${JSON.stringify(dateOfBirth)}`);
  if (!today) throw new RangeError(`Not a calendar date: ${JSON.stringify(onLondonDate)}`);
  if (dateOfBirth > onLondonDate) throw new RangeError("The date of birth is after the date of the age");
  // Comparing month then day puts 28 February before a 29 February birthday and 1 March after
  // it, which is exactly the leap-day rule above.
  const birthdayReached = today.month > born.month || (today.month === born.month && today.day >= born.day);
  return today.year - born.year - (birthdayReached ? 0 : 1);
}
