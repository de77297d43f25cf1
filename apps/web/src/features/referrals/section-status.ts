import { sectionOfPath, type FormIssue, type ReferralFormValues, type ReferralSectionId } from "@cse/contracts";
import type { TaskStatus } from "../../components/govuk/index.ts";

function hasAnswer(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === "object") return Object.values(value).some(hasAnswer);
  return false;
}

function sectionValue(values: ReferralFormValues, section: ReferralSectionId): unknown {
  switch (section) {
    case "immediate-safety":
      return values.immediateDanger;
    case "child":
      return values.child;
    case "concern":
      return values.concern;
    case "people-places-vehicles":
      return values.entities;
    case "information-sharing":
      return values.informationSharing;
    case "about-you":
      // Prefilled from the account, so only the phone number shows the section was visited.
      return values.aboutYou.phone;
  }
}

export function sectionStatus(
  values: ReferralFormValues,
  section: ReferralSectionId,
  issues: readonly FormIssue[],
): TaskStatus {
  const problems = issues.some((issue) => sectionOfPath(issue.path) === section);
  if (!hasAnswer(sectionValue(values, section))) {
    // The optional section is "Optional" until the user has been through it, never
    // "Completed" before they have seen it.
    if (section === "people-places-vehicles") return values.entitiesReviewed === "yes" ? "completed" : "optional";
    return "not-started";
  }
  return problems ? "incomplete" : "completed";
}
