import type { TeamReferralDetail } from "@cse/contracts";
import { isDowngrade, redEscalationDueAt } from "@cse/domain";
import type { Transaction } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { Conflict, ValidationFailed } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { RiskRating } from "../../generated/prisma/enums.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange, type ReferralState } from "./referral-change.ts";

const label = (risk: RiskRating) => risk.charAt(0) + risk.slice(1).toLowerCase();

/**
 * Risk changed by the team, with a reason (DESIGN §5). Raising it applies at once; lowering it
 * waits for the lead, unless the lead is the one lowering it. The rules' own reasons stay
 * visible beside the change; the team's reason is kept on the override, never shown to the
 * referrer.
 */
export function createRiskOverride({ db, audit, clock, alerts, file }: TriageDependencies) {
  /** The referral's fields once a change of risk is in force. */
  async function riskInForce(
    tx: Transaction,
    referral: ReferralState,
    toRisk: RiskRating,
    now: Date,
  ): Promise<Prisma.ReferralUncheckedUpdateManyInput> {
    const current = await tx.referral.findUniqueOrThrow({
      where: { id: referral.id },
      select: { computedRiskReasons: true, redEscalationDueAt: true },
    });
    const becameRed = toRisk === "RED" && referral.risk !== "RED";
    if (toRisk !== "RED") await alerts.resolveForReferral(tx, referral.id, now);
    // RED means someone is told now, and an hour's grace to pick it up starts now.
    if (becameRed && referral.assigneeId === null) await alerts.raiseRedReferral(tx, referral, now);
    return {
      risk: toRisk,
      riskReasons: [
        ...current.computedRiskReasons,
        `Changed by the team from ${label(referral.risk)} to ${label(toRisk)}`,
      ],
      redEscalationDueAt: toRisk === "RED" ? (current.redEscalationDueAt ?? redEscalationDueAt(now)) : null,
    };
  }

  return {
    async request(
      user: AuthenticatedUser,
      referralId: string,
      change: { toRisk: RiskRating; reason: string },
      context: RequestContext,
    ): Promise<TeamReferralDetail> {
      await db.$transaction(async (tx) => {
        const { referral, triage } = await file.loadState(tx, user, referralId, "risk.override", context);
        assertActionOpen(user, triage, "override-risk");
        if (change.toRisk === referral.risk)
          throw new ValidationFailed([
            { path: "toRisk", message: `The risk is already ${label(referral.risk)}: choose a different rating` },
          ]);
        const now = clock.now();
        const downgrade = isDowngrade(referral.risk, change.toRisk);
        // A lead's own downgrade carries the lead's approval with it.
        const waitsForLead = downgrade && user.role !== "LEAD";
        const override = await tx.riskOverride
          .create({
            data: {
              referralId,
              fromRisk: referral.risk,
              toRisk: change.toRisk,
              reason: change.reason,
              status: !downgrade ? "APPLIED" : waitsForLead ? "PENDING_APPROVAL" : "APPROVED",
              requestedById: user.id,
              requestedAt: now,
              ...(downgrade && !waitsForLead ? { decidedById: user.id, decidedAt: now } : {}),
            },
          })
          .catch((error: unknown) => {
            // The one-pending index: another downgrade was asked for at the same moment.
            if (isUniqueViolation(error))
              throw new Conflict("A change of risk is already waiting for the lead's approval.");
            throw error;
          });
        const fromTo = `from ${label(referral.risk)} to ${label(change.toRisk)}`;
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            ...(waitsForLead ? {} : { update: await riskInForce(tx, referral, change.toRisk, now) }),
            chronology: [
              waitsForLead
                ? {
                    type: "RISK_OVERRIDE_REQUESTED",
                    summary: `Asked the lead to lower the risk ${fromTo}: ${change.reason}`,
                    details: { overrideId: override.id },
                  }
                : {
                    type: "RISK_OVERRIDDEN",
                    summary: `Risk ${downgrade ? "lowered" : "raised"} ${fromTo}: ${change.reason}`,
                    details: { overrideId: override.id },
                  },
            ],
            audit: {
              action: waitsForLead ? "risk.override-request" : "risk.override",
              entityType: "RiskOverride",
              entityId: override.id,
              details: { fromRisk: referral.risk, toRisk: change.toRisk },
            },
          },
          context,
          now,
        );
      });
      return file.read(user, referralId, context);
    },

    /** The lead approves or refuses a downgrade that is waiting. */
    async decide(
      user: AuthenticatedUser,
      referralId: string,
      decision: { approve: boolean; reason: string | null },
      context: RequestContext,
    ): Promise<TeamReferralDetail> {
      await db.$transaction(async (tx) => {
        const { referral, triage } = await file.loadState(tx, user, referralId, "risk.approve", context);
        assertActionOpen(user, triage, "decide-risk-override");
        const now = clock.now();
        const pending = await tx.riskOverride.findFirstOrThrow({
          where: { referralId, status: "PENDING_APPROVAL" },
        });
        // Conditional on still pending: two leads answering at once cannot both succeed.
        const { count } = await tx.riskOverride.updateMany({
          where: { id: pending.id, status: "PENDING_APPROVAL" },
          data: {
            status: decision.approve ? "APPROVED" : "REJECTED",
            decidedById: user.id,
            decidedAt: now,
            decisionReason: decision.reason,
          },
        });
        if (count !== 1) throw new Conflict("Someone else has already answered this change of risk.");
        if (decision.approve && pending.fromRisk !== referral.risk)
          throw new Conflict(
            "The risk has changed since this was asked for. Refuse it, and ask again if still needed.",
          );
        const fromTo = `from ${label(pending.fromRisk)} to ${label(pending.toRisk)}`;
        await applyReferralChange(
          tx,
          audit,
          user,
          {
            referral,
            ...(decision.approve ? { update: await riskInForce(tx, referral, pending.toRisk, now) } : {}),
            chronology: [
              decision.approve
                ? {
                    type: "RISK_OVERRIDDEN",
                    summary: `The lead approved lowering the risk ${fromTo}`,
                    details: { overrideId: pending.id },
                  }
                : {
                    type: "RISK_OVERRIDE_REJECTED",
                    summary: `The lead did not approve lowering the risk ${fromTo}: ${decision.reason ?? ""}`,
                    details: { overrideId: pending.id },
                  },
            ],
            audit: {
              action: decision.approve ? "risk.override-approve" : "risk.override-reject",
              entityType: "RiskOverride",
              entityId: pending.id,
              details: { fromRisk: pending.fromRisk, toRisk: pending.toRisk },
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
