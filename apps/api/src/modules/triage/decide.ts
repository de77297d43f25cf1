import { outcomeLabels, type Outcome, type TeamReferralDetail } from "@cse/contracts";
import { noFurtherActionNeedsApprovalBecause } from "@cse/domain";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange, type ChronologyEntry } from "./referral-change.ts";

export interface DecisionInput {
  readonly outcome: Outcome;
  readonly reason: string;
  readonly messageToReferrer: string;
}

const REFERRER_TOLD: ChronologyEntry = {
  type: "REFERRER_NOTIFIED",
  summary: "The outcome and the message were shared with the referrer",
};

/**
 * The decision on the response (Working Together: within one working day). No further action
 * for a child under 13, with a learning disability or of unknown age waits for a lead's
 * approval (DESIGN §3); a lead's own decision carries that approval. Once in force, the
 * referrer sees the outcome and the message, never the team's notes or reasons.
 */
export function createDecide({ db, audit, clock, alerts, file }: TriageDependencies) {
  return {
    async record(
      user: AuthenticatedUser,
      referralId: string,
      decision: DecisionInput,
      context: RequestContext,
    ): Promise<TeamReferralDetail> {
      await db.$transaction(async (tx) => {
        const { referral, triage } = await file.loadState(tx, user, referralId, "referral.decide", context);
        assertActionOpen(user, triage, "decide");
        const child = await tx.referralChild.findUniqueOrThrow({
          where: { referralId },
          select: { ageAtReferral: true, learningDisability: true },
        });
        const approvalBecause =
          decision.outcome === "NO_FURTHER_ACTION"
            ? noFurtherActionNeedsApprovalBecause({
                ageYears: child.ageAtReferral,
                learningDisability: child.learningDisability,
              })
            : null;
        const waitsForLead = approvalBecause !== null && user.role !== "LEAD";
        const now = clock.now();
        if (!waitsForLead) {
          await alerts.resolveForReferral(tx, referralId, now);
          await alerts.raiseOutcome(tx, referral, now);
        }
        const outcome = outcomeLabels[decision.outcome];
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            update: {
              status: waitsForLead ? "AWAITING_APPROVAL" : "DECIDED",
              outcome: decision.outcome,
              outcomeReason: decision.reason,
              messageToReferrer: decision.messageToReferrer,
              decidedAt: now,
              decidedById: user.id,
              ...(approvalBecause && !waitsForLead ? { decisionApprovedById: user.id, decisionApprovedAt: now } : {}),
            },
            chronology: waitsForLead
              ? [
                  {
                    type: "DECISION_RECORDED",
                    summary: `${outcome} proposed; it needs a lead's approval. ${approvalBecause}`,
                    details: { outcome: decision.outcome },
                  },
                ]
              : [
                  {
                    type: "DECISION_RECORDED",
                    summary: `Decision: ${outcome}`,
                    details: { outcome: decision.outcome },
                  },
                  REFERRER_TOLD,
                ],
            audit: {
              action: waitsForLead ? "decision.propose" : "decision.record",
              details: { outcome: decision.outcome, needsApproval: waitsForLead },
            },
          },
          context,
          now,
        );
      });
      return file.read(user, referralId, context);
    },

    /** The lead approves the decision, which then takes effect, or sends it back with a reason. */
    async answerApproval(
      user: AuthenticatedUser,
      referralId: string,
      answer: { approve: boolean; reason: string | null },
      context: RequestContext,
    ): Promise<TeamReferralDetail> {
      await db.$transaction(async (tx) => {
        const { referral, triage } = await file.loadState(tx, user, referralId, "decision.approve", context);
        assertActionOpen(user, triage, "decide-approval");
        const proposed = await tx.referral.findUniqueOrThrow({ where: { id: referralId }, select: { outcome: true } });
        const outcome = proposed.outcome ? outcomeLabels[proposed.outcome] : "The decision";
        const now = clock.now();
        if (answer.approve) {
          await alerts.resolveForReferral(tx, referralId, now);
          await alerts.raiseOutcome(tx, referral, now);
        }
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            update: answer.approve
              ? { status: "DECIDED", decisionApprovedById: user.id, decisionApprovedAt: now }
              : // Back to the member who holds it; the proposal stays in the chronology.
                {
                  status: "IN_TRIAGE",
                  outcome: null,
                  outcomeReason: null,
                  messageToReferrer: null,
                  decidedAt: null,
                  decidedById: null,
                },
            chronology: answer.approve
              ? [{ type: "DECISION_APPROVED", summary: `The lead approved: ${outcome}` }, REFERRER_TOLD]
              : [
                  {
                    type: "DECISION_REJECTED",
                    summary: `The lead did not approve ${outcome.toLowerCase()}: ${answer.reason ?? ""}`,
                  },
                ],
            audit: {
              action: answer.approve ? "decision.approve" : "decision.reject",
              details: { outcome: proposed.outcome },
            },
          },
          context,
          now,
        );
      });
      return file.read(user, referralId, context);
    },
  };
}
