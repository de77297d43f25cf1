import { describe, expect, it } from "vitest";
import { describeDue, describeSpan, formatDueAt } from "./due.ts";

// 23:59:59.999 London time on Tuesday 1 December 2026 (GMT, so the same in UTC).
const DUE = "2026-12-01T23:59:59.999Z";

describe("the decision clock in words", () => {
  it("gives the due time as GOV.UK writes it, in London time", () => {
    expect(formatDueAt(DUE)).toBe("11:59pm on Tuesday 1 December 2026");
    expect(formatDueAt("2026-06-02T16:00:00.000Z")).toBe("5pm on Tuesday 2 June 2026");
  });

  it("says how long is left before the decision is due", () => {
    const due = describeDue(DUE, new Date("2026-12-01T19:00:00.000Z"));
    expect(due).toEqual({
      overdue: false,
      short: "Due 11:59pm on Tuesday 1 December 2026",
      sentence: "Decision due in 4 hours, by 11:59pm on Tuesday 1 December 2026",
    });
  });

  it("says how late an overdue decision is, never rounding it up to look kinder", () => {
    const due = describeDue(DUE, new Date("2026-12-02T03:30:00.000Z"));
    expect(due.overdue).toBe(true);
    expect(due.short).toBe("Overdue by 3 hours");
    expect(due.sentence).toBe("Decision overdue by 3 hours: it was due by 11:59pm on Tuesday 1 December 2026");
  });

  it("counts minutes, hours and days", () => {
    expect(describeSpan(0)).toBe("1 minute");
    expect(describeSpan(59 * 60_000)).toBe("59 minutes");
    expect(describeSpan(60 * 60_000)).toBe("1 hour");
    expect(describeSpan(47 * 3_600_000)).toBe("47 hours");
    expect(describeSpan(72 * 3_600_000)).toBe("3 days");
  });
});
