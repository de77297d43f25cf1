import type { NotificationKind } from "../../generated/prisma/enums.ts";

/** What each kind is called in an email's subject and the preferences page. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  NEW_REFERRAL: "New referral for your team",
  RED_REFERRAL: "New RED referral for your team",
  DECISION_DUE_SOON: "Decision due within two working hours",
  ESCALATED: "Escalated to you: overdue, or RED and unclaimed for an hour",
  TRANSFER_REQUESTED: "Another team asks yours to take a referral",
  TRANSFER_ACCEPTED: "Your transfer request was accepted",
  TRANSFER_REJECTED: "Your transfer request was refused",
  OUTCOME: "The outcome of your referral",
  INVITATION: "Your invitation to the CSE Referral Hub",
  PASSWORD_RESET: "A link to set a new password",
};

/**
 * A team's lead answers for its RED referrals and its escalations: they cannot switch these
 * off. One-time links go by email whatever the preferences say (there is no other way).
 */
export const LEAD_LOCKED_KINDS: readonly NotificationKind[] = ["RED_REFERRAL", "ESCALATED"];
export const ALWAYS_SENT_KINDS: readonly NotificationKind[] = ["INVITATION", "PASSWORD_RESET"];

/** The kinds a person may choose about, by role. */
export function choosableKinds(role: string): NotificationKind[] {
  if (role === "TRIAGE" || role === "LEAD") {
    const kinds: NotificationKind[] = [
      "NEW_REFERRAL",
      "RED_REFERRAL",
      "DECISION_DUE_SOON",
      "TRANSFER_ACCEPTED",
      "TRANSFER_REJECTED",
    ];
    return role === "LEAD" ? [...kinds, "ESCALATED", "TRANSFER_REQUESTED"] : kinds;
  }
  if (role === "REFERRER") return ["OUTCOME"];
  return [];
}

export function isLockedOn(role: string, kind: NotificationKind): boolean {
  return role === "LEAD" && LEAD_LOCKED_KINDS.includes(kind);
}
