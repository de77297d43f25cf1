import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageInYears } from "./age.ts";
import { addDays } from "./calendar-date.ts";

describe("ageInYears", () => {
  it("counts whole years, turning on the birthday itself", () => {
    expect(ageInYears("2013-06-15", "2026-06-14")).toBe(12);
    expect(ageInYears("2013-06-15", "2026-06-15")).toBe(13);
    expect(ageInYears("2013-06-15", "2026-06-16")).toBe(13);
    expect(ageInYears("2013-06-15", "2013-06-15")).toBe(0);
    expect(ageInYears("2013-12-31", "2014-01-01")).toBe(0);
  });

  it("gives a 29 February baby their birthday on 1 March in common years", () => {
    expect(ageInYears("2012-02-29", "2025-02-28")).toBe(12);
    expect(ageInYears("2012-02-29", "2025-03-01")).toBe(13);
    // In leap years the birthday is 29 February itself.
    expect(ageInYears("2012-02-29", "2024-02-28")).toBe(11);
    expect(ageInYears("2012-02-29", "2024-02-29")).toBe(12);
  });

  it("refuses impossible dates and a birth after the date asked about", () => {
    expect(() => ageInYears("2013-02-29", "2026-01-01")).toThrow(RangeError);
    expect(() => ageInYears("2013-01-01", "2026-02-30")).toThrow(RangeError);
    expect(() => ageInYears("2026-06-02", "2026-06-01")).toThrow(RangeError);
  });

  it("goes up by exactly one on each birthday and never otherwise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 365 * 25 }), (born, lived) => {
        const dateOfBirth = addDays("1950-01-01", born);
        const today = addDays(dateOfBirth, lived);
        const tomorrow = addDays(today, 1);
        const change = ageInYears(dateOfBirth, tomorrow) - ageInYears(dateOfBirth, today);
        const birthdayTomorrow =
          tomorrow.slice(5) === dateOfBirth.slice(5) ||
          (dateOfBirth.slice(5) === "02-29" && tomorrow.slice(5) === "03-01" && !today.endsWith("02-29"));
        expect(change).toBe(birthdayTomorrow ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });
});
