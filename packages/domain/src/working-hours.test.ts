import { describe, expect, it } from "vitest";
import { isDecisionDueSoon, isWithinWorkingHours, nextDigestAt, workingMinutesBetween } from "./working-hours.ts";

const at = (iso: string) => new Date(iso);

describe("working hours", () => {
  it("are 09:00 to 17:00 London time on working days", () => {
    // 1 December 2026 is a Tuesday, on GMT; 1 July 2026 a Wednesday, on BST.
    expect(isWithinWorkingHours(at("2026-12-01T09:00:00Z"), [])).toBe(true);
    expect(isWithinWorkingHours(at("2026-12-01T08:59:00Z"), [])).toBe(false);
    expect(isWithinWorkingHours(at("2026-12-01T17:00:00Z"), [])).toBe(false);
    expect(isWithinWorkingHours(at("2026-07-01T08:00:00Z"), [])).toBe(true);
    expect(isWithinWorkingHours(at("2026-12-05T12:00:00Z"), [])).toBe(false);
    expect(isWithinWorkingHours(at("2026-12-25T12:00:00Z"), [])).toBe(false);
  });

  it("count working minutes across an evening and a weekend", () => {
    // Friday 16:30 to Monday 09:45: 30 minutes on Friday and 45 on Monday.
    expect(workingMinutesBetween(at("2026-12-04T16:30:00Z"), at("2026-12-07T09:45:00Z"), [])).toBe(75);
  });
});

describe("the decision reminder", () => {
  const due = at("2026-12-01T23:59:59.999Z");
  it("is due within two working hours from 15:00 on the last day, not before", () => {
    expect(isDecisionDueSoon(due, at("2026-12-01T14:59:00Z"), [])).toBe(false);
    expect(isDecisionDueSoon(due, at("2026-12-01T15:00:00Z"), [])).toBe(true);
    expect(isDecisionDueSoon(due, at("2026-12-01T20:00:00Z"), [])).toBe(true);
  });
  it("is not due once overdue (that is an escalation)", () => {
    expect(isDecisionDueSoon(due, at("2026-12-02T00:00:00Z"), [])).toBe(false);
  });
});

describe("the new-referral digest", () => {
  it("goes at the next half hour inside working hours", () => {
    expect(nextDigestAt(at("2026-12-01T10:07:00Z"), []).toISOString()).toBe("2026-12-01T10:30:00.000Z");
    expect(nextDigestAt(at("2026-12-01T10:30:00Z"), []).toISOString()).toBe("2026-12-01T10:30:00.000Z");
  });
  it("waits for 09:00 on the next working day outside them", () => {
    expect(nextDigestAt(at("2026-12-04T17:10:00Z"), []).toISOString()).toBe("2026-12-07T09:00:00.000Z");
    // BST: 09:00 London is 08:00 UTC.
    expect(nextDigestAt(at("2026-07-01T06:00:00Z"), []).toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });
});
