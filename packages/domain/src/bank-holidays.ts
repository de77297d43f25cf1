import { addDays, calendarDate, dayOfWeek, isCalendarDate, isWeekend, type CalendarDate } from "./calendar-date.ts";

export { ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS } from "./bank-holiday-exceptions.ts";

/** A one-off change to the usual bank holidays, made by royal proclamation. */
export interface BankHolidayException {
  readonly date: CalendarDate;
  readonly change: "ADDITIONAL" | "REMOVED";
  readonly name: string;
}

export interface BankHoliday {
  readonly date: CalendarDate;
  readonly name: string;
}

/**
 * The present pattern of eight holidays dates from 1978, when the early May bank holiday was
 * first held. Earlier years followed other rules, so they are refused rather than guessed.
 */
export const FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES = 1978;
const LAST_SUPPORTED_YEAR = 9999;

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Bank holidays are computed for ${FIRST_YEAR_OF_CURRENT_BANK_HOLIDAY_RULES}-9999, not ${year}`,
    );
  }
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day);
}

function firstMondayOf(year: number, month: number): CalendarDate {
  const first = calendarDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMondayOf(year: number, month: number): CalendarDate {
  const last = calendarDate(year, month + 1, 0);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

/**
 * Fixed-date holidays that fall at a weekend are taken on a substitute weekday. A holiday that
 * already falls on a weekday keeps its day, and the weekend ones then take, in order, the next
 * weekdays still free: so when Christmas is a Sunday, Boxing Day keeps Monday 26th and
 * Christmas moves to Tuesday 27th, as GOV.UK publishes it.
 */
function withSubstituteDays(holidays: readonly BankHoliday[]): BankHoliday[] {
  const taken = new Set(holidays.filter((holiday) => !isWeekend(holiday.date)).map((holiday) => holiday.date));
  return holidays.map((holiday) => {
    if (!isWeekend(holiday.date)) return holiday;
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, name: `${holiday.name} (substitute day)` };
  });
}

const byDate = (a: BankHoliday, b: BankHoliday) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The eight England and Wales bank holidays a year has by the standing rules. */
export function regularBankHolidays(year: number): BankHoliday[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  return [
    ...withSubstituteDays([{ date: calendarDate(year, 1, 1), name: "New Year’s Day" }]),
    { date: addDays(easter, -2), name: "Good Friday" },
    { date: addDays(easter, 1), name: "Easter Monday" },
    { date: firstMondayOf(year, 5), name: "Early May bank holiday" },
    { date: lastMondayOf(year, 5), name: "Spring bank holiday" },
    { date: lastMondayOf(year, 8), name: "Summer bank holiday" },
    ...withSubstituteDays([
      { date: calendarDate(year, 12, 25), name: "Christmas Day" },
      { date: calendarDate(year, 12, 26), name: "Boxing Day" },
    ]),
  ].sort(byDate);
}

/**
 * The bank holidays in force in a year: the standing rules, less any REMOVED dates, plus any
 * ADDITIONAL ones. An ADDITIONAL entry wins over a REMOVED one for the same date, so the
 * result does not depend on the order of the table.
 */
export function bankHolidaysIn(year: number, exceptions: readonly BankHolidayException[]): BankHoliday[] {
  const inYear = exceptions.filter((exception) => exception.date.startsWith(`${year}-`));
  const removed = new Set(inYear.filter((e) => e.change === "REMOVED").map((e) => e.date));
  const holidays = new Map<CalendarDate, BankHoliday>();
  for (const holiday of regularBankHolidays(year)) {
    if (!removed.has(holiday.date)) holidays.set(holiday.date, holiday);
  }
  for (const exception of inYear) {
    if (exception.change === "ADDITIONAL") holidays.set(exception.date, { date: exception.date, name: exception.name });
  }
  return [...holidays.values()].sort(byDate);
}

export function isBankHoliday(date: CalendarDate, exceptions: readonly BankHolidayException[]): boolean {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return bankHolidaysIn(Number(date.slice(0, 4)), exceptions).some((holiday) => holiday.date === date);
}
