import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS as EXCEPTIONS, type BankHolidayException } from "./bank-holidays.ts";
import { addDays, daysBetween } from "./calendar-date.ts";
import { endOfLondonDay, londonDateOf } from "./london-time.ts";
import {
  RED_ESCALATION_MINUTES,
  decisionDueAt,
  isOverdue,
  isWorkingDay,
  nextWorkingDay,
  redEscalationDueAt,
} from "./working-days.ts";

const due = (received: string) => decisionDueAt(new Date(received), EXCEPTIONS).toISOString();

describe("isWorkingDay and nextWorkingDay", () => {
  it("skip weekends and bank holidays, including one-off ones", () => {
    expect(isWorkingDay("2026-12-24", EXCEPTIONS)).toBe(true);
    expect(isWorkingDay("2026-12-25", EXCEPTIONS)).toBe(false);
    expect(isWorkingDay("2026-12-26", EXCEPTIONS)).toBe(false);
    expect(isWorkingDay("2026-12-28", EXCEPTIONS)).toBe(false);
    expect(isWorkingDay("2022-09-19", EXCEPTIONS)).toBe(false);
    expect(isWorkingDay("2022-05-30", EXCEPTIONS)).toBe(true);
    expect(nextWorkingDay("2026-12-24", EXCEPTIONS)).toBe("2026-12-29");
    expect(nextWorkingDay("2026-04-02", EXCEPTIONS)).toBe("2026-04-07");
    expect(nextWorkingDay("2022-06-01", EXCEPTIONS)).toBe("2022-06-06");
    expect(nextWorkingDay("2026-06-01", EXCEPTIONS)).toBe("2026-06-02");
  });

  it("is strictly after the given day, even when that day is a working day", () => {
    expect(nextWorkingDay("2026-06-02", EXCEPTIONS)).toBe("2026-06-03");
  });

  it("fails loudly rather than looping when a table removes every working day", () => {
    const everyDay: BankHolidayException[] = Array.from({ length: 40 }, (_, index) => ({
      date: addDays("2026-06-01", index),
      change: "ADDITIONAL",
      name: "Broken table",
    }));
    expect(() => nextWorkingDay("2026-06-01", everyDay)).toThrow(RangeError);
  });

  it("refuses a date that does not exist", () => {
    expect(() => isWorkingDay("2026-02-30", EXCEPTIONS)).toThrow(RangeError);
  });
});

describe("decisionDueAt: end of the next working day (Working Together to Safeguard Children)", () => {
  it("is the end of Tuesday for a Monday referral", () => {
    // Mon 1 June 2026, BST: 23:59:59.999 London is 22:59:59.999 UTC.
    expect(due("2026-06-01T09:00:00Z")).toBe("2026-06-02T22:59:59.999Z");
    // Mon 30 November 2026, GMT.
    expect(due("2026-11-30T10:00:00Z")).toBe("2026-12-01T23:59:59.999Z");
  });

  it("is the same however early or late on the day the referral came", () => {
    expect(due("2026-11-30T00:00:00.000Z")).toBe("2026-12-01T23:59:59.999Z");
    expect(due("2026-11-30T23:59:59.999Z")).toBe("2026-12-01T23:59:59.999Z");
  });

  it("is the end of Monday for a Friday, Saturday or Sunday referral", () => {
    expect(due("2026-11-27T16:30:00Z")).toBe("2026-11-30T23:59:59.999Z");
    expect(due("2026-11-28T10:00:00Z")).toBe("2026-11-30T23:59:59.999Z");
    expect(due("2026-11-29T23:00:00Z")).toBe("2026-11-30T23:59:59.999Z");
  });

  it("is the end of Tuesday for a Friday referral before a bank holiday Monday", () => {
    // Spring bank holiday, Monday 25 May 2026.
    expect(due("2026-05-22T11:00:00Z")).toBe("2026-05-26T22:59:59.999Z");
    // Easter: Good Friday 3 April and Easter Monday 6 April 2026.
    expect(due("2026-04-02T11:00:00Z")).toBe("2026-04-07T22:59:59.999Z");
    expect(due("2026-04-03T11:00:00Z")).toBe("2026-04-07T22:59:59.999Z");
  });

  it("is Tuesday 29 December for a referral on Christmas Eve 2026", () => {
    // Fri 25 Dec is Christmas Day; Mon 28 Dec is the Boxing Day substitute.
    expect(due("2026-12-24T11:00:00Z")).toBe("2026-12-29T23:59:59.999Z");
    expect(due("2026-12-25T11:00:00Z")).toBe("2026-12-29T23:59:59.999Z");
    // Christmas 2027 is a Saturday: 27 and 28 December are substitutes.
    expect(due("2027-12-24T11:00:00Z")).toBe("2027-12-29T23:59:59.999Z");
    // The longest wait: Thursday 30 December 1999, before the millennium holiday, a weekend and
    // the New Year substitute on Monday 3 January 2000.
    expect(due("1999-12-30T11:00:00Z")).toBe("2000-01-04T23:59:59.999Z");
  });

  it("honours one-off bank holidays", () => {
    // Thu 2 and Fri 3 June 2022 (Platinum Jubilee); the usual Monday 30 May was a working day.
    expect(due("2022-06-01T11:00:00Z")).toBe("2022-06-06T22:59:59.999Z");
    expect(due("2022-05-27T11:00:00Z")).toBe("2022-05-30T22:59:59.999Z");
    // Without the table, the rules alone would wrongly skip 30 May.
    expect(decisionDueAt(new Date("2022-05-27T11:00:00Z"), []).toISOString()).toBe("2022-05-31T22:59:59.999Z");
  });

  it("uses the London day, not the UTC day, late in the evening during BST", () => {
    // 23:30 UTC on Monday 1 June is 00:30 on Tuesday 2 June in London.
    expect(due("2026-06-01T23:30:00Z")).toBe("2026-06-03T22:59:59.999Z");
    expect(due("2026-06-01T22:59:59.999Z")).toBe("2026-06-02T22:59:59.999Z");
    expect(due("2026-06-01T23:00:00.000Z")).toBe("2026-06-03T22:59:59.999Z");
    // 23:30 UTC on Friday 5 June is Saturday in London: due Monday.
    expect(due("2026-06-05T23:30:00Z")).toBe("2026-06-08T22:59:59.999Z");
  });

  it("is right across the spring clock change (last Sunday of March)", () => {
    // Clocks go forward 01:00 UTC Sunday 29 March 2026. Friday -> Monday, now on BST.
    expect(due("2026-03-27T12:00:00Z")).toBe("2026-03-30T22:59:59.999Z");
    // Received during the missing hour's morning, on the change day itself.
    expect(due("2026-03-29T01:30:00Z")).toBe("2026-03-30T22:59:59.999Z");
    // Saturday 23:30 UTC is still Saturday in London (GMT).
    expect(due("2026-03-28T23:30:00Z")).toBe("2026-03-30T22:59:59.999Z");
  });

  it("is right across the autumn clock change (last Sunday of October)", () => {
    // Clocks go back 01:00 UTC Sunday 25 October 2026. Friday -> Monday, now on GMT.
    expect(due("2026-10-23T12:00:00Z")).toBe("2026-10-26T23:59:59.999Z");
    // Friday 23:30 UTC is already Saturday in London (BST): still due Monday.
    expect(due("2026-10-23T23:30:00Z")).toBe("2026-10-26T23:59:59.999Z");
    // The repeated hour: 00:30 and 01:30 UTC are both 01:30 London on Sunday 25th.
    expect(due("2026-10-25T00:30:00Z")).toBe("2026-10-26T23:59:59.999Z");
    expect(due("2026-10-25T01:30:00Z")).toBe("2026-10-26T23:59:59.999Z");
  });

  it("refuses an invalid receipt time", () => {
    expect(() => decisionDueAt(new Date(Number.NaN), EXCEPTIONS)).toThrow(RangeError);
  });

  it("always falls at 23:59:59.999 London time on a working day after receipt, within five days", () => {
    const instant = fc.date({
      min: new Date("1995-01-01T00:00:00Z"),
      max: new Date("2060-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (received) => {
        const dueAt = decisionDueAt(received, EXCEPTIONS);
        const receivedDay = londonDateOf(received);
        const dueDay = londonDateOf(dueAt);
        expect(dueAt.getTime()).toBeGreaterThan(received.getTime());
        expect(dueAt.getTime()).toBe(endOfLondonDay(dueDay).getTime());
        expect(londonDateOf(new Date(dueAt.getTime() + 1))).toBe(addDays(dueDay, 1));
        expect(isWorkingDay(dueDay, EXCEPTIONS)).toBe(true);
        // The longest runs of non-working days are four long (Easter; Christmas at a weekend;
        // the 2022 jubilee), so the due day is at most five days after the day of receipt.
        const gap = daysBetween(receivedDay, dueDay);
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(5);
        // Every day strictly between receipt and due is not a working day.
        for (let day = addDays(receivedDay, 1); day < dueDay; day = addDays(day, 1)) {
          expect(isWorkingDay(day, EXCEPTIONS)).toBe(false);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("RED referrals", () => {
  it("are due for assignment an hour after receipt", () => {
    expect(RED_ESCALATION_MINUTES).toBe(60);
    expect(redEscalationDueAt(new Date("2026-11-30T09:00:00Z")).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    // Across the spring clock change an hour is still 60 minutes of real time.
    expect(redEscalationDueAt(new Date("2026-03-29T00:30:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(() => redEscalationDueAt(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("isOverdue", () => {
  it("is false up to and at the due instant, true a millisecond after", () => {
    const dueAt = new Date("2026-12-29T23:59:59.999Z");
    expect(isOverdue(dueAt, new Date("2026-12-29T12:00:00Z"))).toBe(false);
    expect(isOverdue(dueAt, new Date("2026-12-29T23:59:59.999Z"))).toBe(false);
    expect(isOverdue(dueAt, new Date("2026-12-30T00:00:00.000Z"))).toBe(true);
  });
});
