import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDate,
  dayOfWeek,
  daysBetween,
  isCalendarDate,
  isWeekend,
  parseCalendarDate,
} from "./calendar-date.ts";

describe("parseCalendarDate", () => {
  it("reads real dates", () => {
    expect(parseCalendarDate("2026-06-01")).toEqual({ year: 2026, month: 6, day: 1 });
    expect(parseCalendarDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate("2000-02-29")).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each([
    "2026-02-29",
    "1900-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-4-1",
    "26-04-01",
    "",
    "2026-04-01T00:00:00Z",
    " 2026-04-01",
  ])("refuses %j", (input) => {
    expect(parseCalendarDate(input)).toBeNull();
    expect(isCalendarDate(input)).toBe(false);
  });
});

describe("date arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });

  it("rolls out-of-range parts over when building a date", () => {
    expect(calendarDate(2026, 3, 0)).toBe("2026-02-28");
    expect(calendarDate(2026, 13, 1)).toBe("2027-01-01");
  });

  it("knows the day of the week", () => {
    expect(dayOfWeek("2026-06-01")).toBe(1);
    expect(dayOfWeek("2026-12-25")).toBe(5);
    expect(isWeekend("2026-12-26")).toBe(true);
    expect(isWeekend("2026-12-27")).toBe(true);
    expect(isWeekend("2026-12-28")).toBe(false);
  });

  it("counts whole days between dates", () => {
    expect(daysBetween("2026-06-01", "2026-06-02")).toBe(1);
    expect(daysBetween("2026-06-02", "2026-06-01")).toBe(-1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("throws on dates that do not exist", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => dayOfWeek("nope")).toThrow(RangeError);
  });

  it("keeps addDays and daysBetween consistent", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (instant, days) => {
          const start = instant.toISOString().slice(0, 10);
          const end = addDays(start, days);
          expect(isCalendarDate(end)).toBe(true);
          expect(daysBetween(start, end)).toBe(days);
          expect(dayOfWeek(end)).toBe((((dayOfWeek(start) + days) % 7) + 7) % 7);
        },
      ),
    );
  });
});
