import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS as EXCEPTIONS,
  bankHolidaysIn,
  easterSunday,
  isBankHoliday,
  regularBankHolidays,
  type BankHolidayException,
} from "./bank-holidays.ts";
import { dayOfWeek, isCalendarDate } from "./calendar-date.ts";

const datesIn = (year: number) => bankHolidaysIn(year, EXCEPTIONS).map((holiday) => holiday.date);

describe("England and Wales bank holidays, as GOV.UK publishes them", () => {
  it.each([
    [1995, ["01-02", "04-14", "04-17", "05-08", "05-29", "08-28", "12-25", "12-26"]],
    [1999, ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28", "12-31"]],
    [2002, ["01-01", "03-29", "04-01", "05-06", "06-03", "06-04", "08-26", "12-25", "12-26"]],
    [2011, ["01-03", "04-22", "04-25", "04-29", "05-02", "05-30", "08-29", "12-26", "12-27"]],
    [2012, ["01-02", "04-06", "04-09", "05-07", "06-04", "06-05", "08-27", "12-25", "12-26"]],
    [2016, ["01-01", "03-25", "03-28", "05-02", "05-30", "08-29", "12-26", "12-27"]],
    [2019, ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"]],
    [2020, ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"]],
    [2021, ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"]],
    [2022, ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"]],
    [2023, ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"]],
    [2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"]],
    [2025, ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"]],
    [2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"]],
    [2027, ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"]],
    [2028, ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"]],
  ])("%i", (year, monthDays) => {
    expect(datesIn(year)).toEqual(monthDays.map((monthDay) => `${year}-${monthDay}`));
  });

  it("names substitute days as GOV.UK does, whichever day Christmas falls on", () => {
    const named = (year: number, from: string) =>
      bankHolidaysIn(year, EXCEPTIONS).filter((holiday) => holiday.date >= `${year}-${from}`);
    // Christmas on a Saturday: both move.
    expect(named(2021, "12-01")).toEqual([
      { date: "2021-12-27", name: "Christmas Day (substitute day)" },
      { date: "2021-12-28", name: "Boxing Day (substitute day)" },
    ]);
    // Christmas on a Sunday: Boxing Day keeps Monday 26th; Christmas moves to Tuesday 27th.
    expect(named(2022, "12-01")).toEqual([
      { date: "2022-12-26", name: "Boxing Day" },
      { date: "2022-12-27", name: "Christmas Day (substitute day)" },
    ]);
    // Christmas on a Friday: Boxing Day moves over the weekend to Monday 28th.
    expect(named(2026, "12-01")).toEqual([
      { date: "2026-12-25", name: "Christmas Day" },
      { date: "2026-12-28", name: "Boxing Day (substitute day)" },
    ]);
    expect(named(2022, "01-01")[0]).toEqual({ date: "2022-01-03", name: "New Year’s Day (substitute day)" });
    expect(named(2023, "01-01")[0]).toEqual({ date: "2023-01-02", name: "New Year’s Day (substitute day)" });
  });

  it("names the regular holidays", () => {
    expect(regularBankHolidays(2026).map((holiday) => holiday.name)).toEqual([
      "New Year’s Day",
      "Good Friday",
      "Easter Monday",
      "Early May bank holiday",
      "Spring bank holiday",
      "Summer bank holiday",
      "Christmas Day",
      "Boxing Day (substitute day)",
    ]);
  });

  it("answers isBankHoliday for single dates", () => {
    expect(isBankHoliday("2022-09-19", EXCEPTIONS)).toBe(true);
    expect(isBankHoliday("2022-09-19", [])).toBe(false);
    expect(isBankHoliday("2022-05-30", EXCEPTIONS)).toBe(false);
    expect(isBankHoliday("2022-05-30", [])).toBe(true);
    expect(isBankHoliday("2026-12-28", [])).toBe(true);
    expect(isBankHoliday("2026-12-29", [])).toBe(false);
    expect(() => isBankHoliday("2026-02-29", [])).toThrow(RangeError);
  });
});

describe("the one-off exceptions", () => {
  it("are real dates, each listed once, each a weekday", () => {
    expect(new Set(EXCEPTIONS.map((exception) => exception.date)).size).toBe(EXCEPTIONS.length);
    for (const exception of EXCEPTIONS) {
      expect(isCalendarDate(exception.date), exception.date).toBe(true);
      expect([0, 6], exception.date).not.toContain(dayOfWeek(exception.date));
      expect(exception.name.trim(), exception.date).not.toBe("");
    }
  });

  it("only ever remove a date the rules would have made a holiday", () => {
    for (const exception of EXCEPTIONS.filter((e) => e.change === "REMOVED")) {
      const year = Number(exception.date.slice(0, 4));
      expect(
        regularBankHolidays(year).map((holiday) => holiday.date),
        exception.date,
      ).toContain(exception.date);
    }
  });

  it("let an ADDITIONAL date win over a REMOVED one, in any order", () => {
    const add: BankHolidayException = { date: "2026-07-01", change: "ADDITIONAL", name: "Extra" };
    const remove: BankHolidayException = { date: "2026-07-01", change: "REMOVED", name: "Not after all" };
    expect(isBankHoliday("2026-07-01", [add, remove])).toBe(true);
    expect(isBankHoliday("2026-07-01", [remove, add])).toBe(true);
  });

  it("keep the exception's own name, and touch no other year", () => {
    const exceptions: BankHolidayException[] = [
      { date: "2030-06-14", change: "ADDITIONAL", name: "A future celebration" },
      { date: "2030-05-27", change: "REMOVED", name: "Moved" },
    ];
    expect(bankHolidaysIn(2030, exceptions)).toContainEqual({ date: "2030-06-14", name: "A future celebration" });
    expect(bankHolidaysIn(2030, exceptions).map((holiday) => holiday.date)).not.toContain("2030-05-27");
    expect(bankHolidaysIn(2031, exceptions)).toEqual(regularBankHolidays(2031));
  });

  it("ignore a REMOVED date that is not a holiday", () => {
    const exceptions: BankHolidayException[] = [{ date: "2026-07-01", change: "REMOVED", name: "Nothing" }];
    expect(bankHolidaysIn(2026, exceptions)).toEqual(regularBankHolidays(2026));
  });
});

describe("the rules", () => {
  it("compute Easter Sunday by the Gregorian algorithm", () => {
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2008)).toBe("2008-03-23");
    expect(easterSunday(2019)).toBe("2019-04-21");
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2285)).toBe("2285-03-22");
  });

  it("put Easter on a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(dayOfWeek(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });

  it("give eight distinct weekday holidays in every year, with Monday holidays on Mondays", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 9999 }), (year) => {
        const holidays = regularBankHolidays(year);
        expect(new Set(holidays.map((holiday) => holiday.date)).size).toBe(8);
        for (const { date, name } of holidays) {
          expect(date.startsWith(`${year}-`)).toBe(true);
          expect([0, 6]).not.toContain(dayOfWeek(date));
          if (/Monday|bank holiday/.test(name)) expect(dayOfWeek(date)).toBe(1);
          if (name === "Good Friday") expect(dayOfWeek(date)).toBe(5);
        }
        const christmas = holidays.filter(({ date }) => date >= `${year}-12-25`).map(({ date }) => date);
        expect(christmas).toHaveLength(2);
        expect(christmas.every((date) => date <= `${year}-12-28`)).toBe(true);
      }),
    );
  });

  it("refuse years before the present rules began", () => {
    expect(() => regularBankHolidays(1977)).toThrow(RangeError);
    expect(() => regularBankHolidays(2026.5)).toThrow(RangeError);
    expect(regularBankHolidays(1978)).toHaveLength(8);
  });
});
