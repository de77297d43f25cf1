import { describe, expect, it } from "vitest";
import { decisionSummary, reReferralSummary, weekLabel } from "./wording.ts";

const week = (weekOf: string, decided: number, onTimeShare: number | null, medianHours: number | null) => ({
  weekOf,
  decided,
  onTimeShare,
  medianHours,
});

describe("the dashboard's charts in words", () => {
  it("says how the latest week with decisions did against the target, and how many weeks met it", () => {
    const weeks = [week("2026-11-16", 4, 1, 6), week("2026-11-23", 3, 2 / 3, 24), week("2026-11-30", 0, null, null)];
    expect(decisionSummary(weeks, 0.95)).toBe(
      "In the week of 23 Nov 2026, 3 referrals were decided: 67% within one working day (target 95%), median 24 hours. " +
        "1 of the 2 weeks with decisions met the target.",
    );
  });

  it("says so when nothing was decided", () => {
    expect(decisionSummary([week("2026-11-30", 0, null, null)], 0.95)).toBe(
      "No referrals were decided in the last 1 weeks.",
    );
  });

  it("puts the team's re-referral rate beside England's", () => {
    expect(reReferralSummary({ referrals: 7, reReferrals: 2, share: 2 / 7, england: 0.226 })).toBe(
      "29% of the 7 referrals received in the last 12 months (2) were about a child referred in the 12 months before. " +
        "For context, England's rate was 22.6% (children in need statistics, 2025).",
    );
    expect(reReferralSummary({ referrals: 1, reReferrals: 1, share: 1, england: 0.226 })).toMatch(
      /^100% of the 1 referral received in the last 12 months \(1\) was about/,
    );
    expect(weekLabel("2026-06-08")).toBe("8 Jun 2026");
  });
});
