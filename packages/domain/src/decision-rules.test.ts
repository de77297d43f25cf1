import { describe, expect, it } from "vitest";
import { noFurtherActionNeedsApprovalBecause } from "./decision-rules.ts";

describe("no further action needs a lead's approval", () => {
  it("for a child under 13, whatever else is true", () => {
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: 12, learningDisability: "NO" })).toBe(
      "The child is under 13.",
    );
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: 0, learningDisability: "UNKNOWN" })).toMatch(/under 13/);
  });

  it("for a child whose age is unknown", () => {
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: null, learningDisability: "NO" })).toMatch(/not known/);
  });

  it("for a child with a learning disability at any age", () => {
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: 16, learningDisability: "YES" })).toMatch(
      /learning disability/,
    );
  });

  it("not for a child of 13 or more without a learning disability", () => {
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: 13, learningDisability: "NO" })).toBeNull();
    expect(noFurtherActionNeedsApprovalBecause({ ageYears: 17, learningDisability: "UNKNOWN" })).toBeNull();
  });
});
