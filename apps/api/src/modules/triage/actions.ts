import type { TriageAction } from "@cse/contracts";
import { Conflict, Forbidden } from "../../errors.ts";
import type { ReferralStatus } from "../../generated/prisma/enums.ts";
import { roleMay, type Action } from "../../policy/permissions.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

/** What decides which triage actions are open on a referral right now. */
export interface TriageState {
  readonly status: ReferralStatus;
  readonly assigneeId: string | null;
  readonly teamIsHub: boolean;
  readonly hasPendingRiskOverride: boolean;
  /** Another team's lead has been asked to take the referral and has not answered. */
  readonly hasPendingTransfer: boolean;
}

const OPEN_FOR_WORK: readonly ReferralStatus[] = ["SUBMITTED", "IN_TRIAGE"];

interface Rule {
  readonly permission: Action;
  /** Why the action is not open in this state, or null when it is. */
  readonly blockedBecause: (state: TriageState, user: AuthenticatedUser) => string | null;
}

/**
 * The state rules of triage, as data. The same rules decide what the referral file offers and
 * what each use case accepts, so the page can never offer what the API would refuse.
 */
const RULES: Record<TriageAction, Rule> = {
  "assign-self": {
    permission: "referral.assign",
    blockedBecause: (state, user) =>
      !OPEN_FOR_WORK.includes(state.status)
        ? "This referral can no longer be assigned."
        : state.assigneeId === user.id
          ? "This referral is already assigned to you."
          : state.assigneeId !== null
            ? "Someone else has already taken this referral. Ask the lead if it should be reassigned."
            : null,
  },
  reassign: {
    permission: "referral.reassign",
    blockedBecause: (state) =>
      OPEN_FOR_WORK.includes(state.status) ? null : "This referral can no longer be reassigned.",
  },
  "add-note": { permission: "note.create", blockedBecause: () => null },
  "override-risk": {
    permission: "risk.override",
    blockedBecause: (state) =>
      state.status === "DECIDED"
        ? "The decision has been made: risk can no longer change."
        : state.hasPendingRiskOverride
          ? "A change of risk is already waiting for the lead's approval."
          : null,
  },
  "decide-risk-override": {
    permission: "risk.approve",
    blockedBecause: (state) => (state.hasPendingRiskOverride ? null : "No change of risk is waiting for approval."),
  },
  decide: {
    permission: "referral.decide",
    blockedBecause: (state, user) => {
      if (!OPEN_FOR_WORK.includes(state.status))
        return state.status === "DECIDED"
          ? "The decision has already been made."
          : "A decision is already waiting for the lead's approval.";
      // A lead may decide any open referral of the team; a member decides what they hold.
      if (user.role !== "LEAD" && state.assigneeId !== user.id)
        return "Assign the referral to yourself before recording a decision.";
      return null;
    },
  },
  "decide-approval": {
    permission: "decision.approve",
    blockedBecause: (state) => (state.status === "AWAITING_APPROVAL" ? null : "No decision is waiting for approval."),
  },
  "route-from-hub": {
    permission: "referral.route-from-hub",
    blockedBecause: (state) =>
      !state.teamIsHub
        ? "Only referrals held by the hub are routed this way."
        : OPEN_FOR_WORK.includes(state.status)
          ? null
          : "This referral can no longer be routed.",
  },
  // The sending team keeps the referral, its clock and its duties while a transfer waits, so
  // every other action stays open; only a second transfer is refused (database guard too).
  "request-transfer": {
    permission: "transfer.request",
    blockedBecause: (state) =>
      state.teamIsHub
        ? "The hub sends referrals to a district team with “Send to a district team”, not by a transfer."
        : state.status === "DECIDED"
          ? "The decision has been made: a decided referral cannot be transferred."
          : state.status === "AWAITING_APPROVAL"
            ? "A decision is waiting for the lead's approval: a referral cannot be transferred until it is answered."
            : state.hasPendingTransfer
              ? "A transfer of this referral is already waiting for the other team's lead."
              : null,
  },
  "cancel-transfer": {
    permission: "transfer.cancel",
    blockedBecause: (state) => (state.hasPendingTransfer ? null : "No transfer of this referral is waiting."),
  },
};

/** Every action the user may take on the referral now, for the referral file. */
export function availableActions(user: AuthenticatedUser, state: TriageState): TriageAction[] {
  return (Object.keys(RULES) as TriageAction[]).filter((action) => {
    const rule = RULES[action];
    return roleMay(user.role, rule.permission) && rule.blockedBecause(state, user) === null;
  });
}

/** Throws 403 when the role may never do it, 409 when the referral's state does not allow it. */
export function assertActionOpen(user: AuthenticatedUser, state: TriageState, action: TriageAction): void {
  const rule = RULES[action];
  if (!roleMay(user.role, rule.permission)) throw new Forbidden("Your role does not allow this.");
  const blocked = rule.blockedBecause(state, user);
  if (blocked) throw new Conflict(blocked);
}
