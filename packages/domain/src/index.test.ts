import { describe, expect, it } from "vitest";
import * as domain from "./index.ts";

describe("the package's public API", () => {
  it("exports every module's entry points", () => {
    const expected = [
      "parsePostcode",
      "parseOutwardCode",
      "parsePartialPostcode",
      "normalisePostcode",
      "routeByPostcode",
      "normaliseRoutingPrefix",
      "WEST_YORKSHIRE_DEFAULT_ROUTING_RULES",
      "bankHolidaysIn",
      "isBankHoliday",
      "ENGLAND_AND_WALES_BANK_HOLIDAY_EXCEPTIONS",
      "isWorkingDay",
      "nextWorkingDay",
      "decisionDueAt",
      "redEscalationDueAt",
      "isOverdue",
      "noFurtherActionNeedsApprovalBecause",
      "ageInYears",
      "londonDateOf",
      "assessRisk",
      "DEFAULT_RISK_RULES",
      "compareRisk",
      "isDowngrade",
      "normalisePersonName",
      "normaliseFreeName",
      "normaliseDateOfBirth",
      "normalisePhone",
      "normaliseVehicleRegistration",
      "normaliseSocialHandle",
      "normaliseAddress",
      "extractReferralIdentifiers",
      "scoreLinks",
      "DEFAULT_LINK_WEIGHTS",
      "formatReferralReference",
      "parseReferralReference",
    ];
    for (const name of expected) expect(domain, name).toHaveProperty(name);
  });
});
