import { isDecisionDueSoon } from "@cse/domain";
import type { Database } from "../../db/client.ts";
import type { Clock } from "../../services/clock.ts";
import type { AlertService } from "../alerts/service.ts";
import { bankHolidayExceptions } from "../referrals/working-calendar.ts";

const OPEN = ["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL"] as const;
/** A working day's referrals are a few dozen; the job runs every few minutes. */
const BATCH = 500;

export interface DeadlineReport {
  dueSoon: number;
  overdue: number;
  redUnclaimed: number;
}

/**
 * The statutory clock's reminders and escalations, run as a job every few minutes by any
 * instance. Idempotent: a reminder's outbox key names the deadline it is about, and an
 * escalation is claimed by setting its timestamp only where it is unset, in the transaction that
 * writes the ESCALATED chronology event, so two runs at once record it once.
 */
export function createDeadlineWatch({ db, clock, alerts }: { db: Database; clock: Clock; alerts: AlertService }) {
  async function escalate(
    referral: { id: string; teamId: string },
    which: "overdue" | "red-unclaimed",
    now: Date,
  ): Promise<boolean> {
    return db.$transaction(async (tx) => {
      const claimed = await tx.referral.updateMany({
        where:
          which === "overdue"
            ? { id: referral.id, escalatedAt: null, status: { in: [...OPEN] } }
            : { id: referral.id, redEscalatedAt: null, assigneeId: null, risk: "RED", status: { in: [...OPEN] } },
        data: which === "overdue" ? { escalatedAt: now } : { redEscalatedAt: now },
      });
      if (claimed.count === 0) return false;
      await tx.chronologyEvent.create({
        data: {
          referralId: referral.id,
          type: "ESCALATED",
          occurredAt: now,
          summary:
            which === "overdue"
              ? "Escalated to the team's lead: the decision is overdue"
              : "Escalated to the team's lead: RED and nobody has picked it up within an hour",
          details: { reason: which },
        },
      });
      await alerts.raiseEscalation(tx, referral, `${which}:${referral.id}:${now.toISOString()}`, now);
      return true;
    });
  }

  return {
    async scan(): Promise<DeadlineReport> {
      const now = clock.now();
      const report: DeadlineReport = { dueSoon: 0, overdue: 0, redUnclaimed: 0 };
      const exceptions = await bankHolidayExceptions(db);
      const select = { id: true, teamId: true, assigneeId: true, decisionDueAt: true } as const;

      const overdue = await db.referral.findMany({
        where: { status: { in: [...OPEN] }, escalatedAt: null, decisionDueAt: { lt: now } },
        select,
        take: BATCH,
      });
      for (const referral of overdue) if (await escalate(referral, "overdue", now)) report.overdue += 1;

      const unclaimed = await db.referral.findMany({
        where: {
          status: { in: [...OPEN] },
          risk: "RED",
          assigneeId: null,
          redEscalatedAt: null,
          redEscalationDueAt: { lt: now },
        },
        select,
        take: BATCH,
      });
      for (const referral of unclaimed) if (await escalate(referral, "red-unclaimed", now)) report.redUnclaimed += 1;

      // Due within the next day at most: two working hours never reach further.
      const soon = await db.referral.findMany({
        where: {
          status: { in: ["SUBMITTED", "IN_TRIAGE"] },
          decisionDueAt: { gte: now, lte: new Date(now.getTime() + 86_400_000) },
        },
        select,
        take: BATCH,
      });
      for (const referral of soon) {
        if (!isDecisionDueSoon(referral.decisionDueAt, now, exceptions)) continue;
        // The outbox key and the alert's (recipient, referral, kind) key make a second run a no-op.
        const already = await db.alert.count({
          where: {
            referralId: referral.id,
            kind: "DECISION_DUE_SOON",
            createdAt: { gte: new Date(now.getTime() - 86_400_000) },
          },
        });
        if (already > 0) continue;
        await db.$transaction((tx) => alerts.raiseDecisionDueSoon(tx, referral, now));
        report.dueSoon += 1;
      }
      return report;
    },
  };
}

export type DeadlineWatch = ReturnType<typeof createDeadlineWatch>;
