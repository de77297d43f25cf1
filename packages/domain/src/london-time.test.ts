import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar-date.ts";
import { endOfLondonDay, londonDateOf, londonOffsetMinutes, startOfLondonDay } from "./london-time.ts";

const at = (iso: string) => new Date(iso);

describe("londonDateOf", () => {
  it("is the UTC date in winter, when London is on GMT", () => {
    expect(londonDateOf(at("2026-01-15T23:59:59.999Z"))).toBe("2026-01-15");
    expect(londonDateOf(at("2026-01-16T00:00:00.000Z"))).toBe("2026-01-16");
  });

  it("moves to the next day an hour early in summer, when London is on BST", () => {
    expect(londonDateOf(at("2026-06-01T22:59:59.999Z"))).toBe("2026-06-01");
    expect(londonDateOf(at("2026-06-01T23:00:00.000Z"))).toBe("2026-06-02");
    expect(londonDateOf(at("2026-06-01T23:30:00.000Z"))).toBe("2026-06-02");
  });

  it("refuses an invalid Date", () => {
    expect(() => londonDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("londonOffsetMinutes", () => {
  it("changes at 01:00 UTC on the last Sundays of March and October", () => {
    // 2026: clocks go forward on 29 March, back on 25 October.
    expect(londonOffsetMinutes(at("2026-03-29T00:59:59.999Z"))).toBe(0);
    expect(londonOffsetMinutes(at("2026-03-29T01:00:00.000Z"))).toBe(60);
    expect(londonOffsetMinutes(at("2026-10-25T00:59:59.999Z"))).toBe(60);
    expect(londonOffsetMinutes(at("2026-10-25T01:00:00.000Z"))).toBe(0);
    expect(londonOffsetMinutes(at("2027-03-28T01:00:00.000Z"))).toBe(60);
    expect(londonOffsetMinutes(at("2027-10-31T01:00:00.000Z"))).toBe(0);
  });
});

describe("start and end of a London day", () => {
  it("is midnight and 23:59:59.999 on GMT", () => {
    expect(startOfLondonDay("2026-01-15").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(endOfLondonDay("2026-01-15").toISOString()).toBe("2026-01-15T23:59:59.999Z");
  });

  it("is an hour earlier in UTC on BST", () => {
    expect(startOfLondonDay("2026-06-02").toISOString()).toBe("2026-06-01T23:00:00.000Z");
    expect(endOfLondonDay("2026-06-02").toISOString()).toBe("2026-06-02T22:59:59.999Z");
  });

  it("handles the 23-hour and 25-hour days when the clocks change", () => {
    expect(startOfLondonDay("2026-03-29").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(endOfLondonDay("2026-03-29").toISOString()).toBe("2026-03-29T22:59:59.999Z");
    expect(startOfLondonDay("2026-10-25").toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(endOfLondonDay("2026-10-25").toISOString()).toBe("2026-10-25T23:59:59.999Z");
  });

  it("refuses a date that does not exist", () => {
    expect(() => endOfLondonDay("2026-02-29")).toThrow(RangeError);
  });

  it("gives, for every day, the last instant before the next London day begins", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 60 }), (offset) => {
        const day = addDays("1990-01-01", offset);
        const end = endOfLondonDay(day);
        const start = startOfLondonDay(day);
        expect(londonDateOf(end)).toBe(day);
        expect(londonDateOf(new Date(end.getTime() + 1))).toBe(addDays(day, 1));
        expect(londonDateOf(start)).toBe(day);
        expect(londonDateOf(new Date(start.getTime() - 1))).toBe(addDays(day, -1));
        expect([23, 24, 25]).toContain(Math.round((end.getTime() + 1 - start.getTime()) / 3_600_000));
      }),
      { numRuns: 1000 },
    );
  });
});
