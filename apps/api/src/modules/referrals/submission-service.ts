import { INDICATOR_LABELS, type ReferralCreated, type ValidReferral } from "@cse/contracts";
import { ageInYears, assessRisk, decisionDueAt, londonDateOf, redEscalationDueAt } from "@cse/domain";
import type { Transaction } from "../../db/client.ts";
import { Forbidden } from "../../errors.ts";
import { may } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { Clock } from "../../services/clock.ts";
import type { AlertService } from "../alerts/service.ts";
import type { LinkRequests } from "../links/link-requests.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { requestHash, type AnswerStore, type Idempotency } from "./idempotency.ts";
import { loadRoutingFacts, routeWithFacts, type PostcodeRouting } from "../routing/route-postcode.ts";
import { auditAppendSql } from "../audit/append-sql.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { reportedIndicators, writeSubmissionRows } from "./submission-rows.ts";
import { uuid7 } from "../../db/uuid7.ts";

/** The routing method as the chronology and audit have always named it. */
const ROUTED_BY = { POSTCODE_RULE: "RULE", POSTCODE_DIRECTORY: "DIRECTORY", HUB_FALLBACK: "HUB" } as const;

function routedSummaryOf(routing: PostcodeRouting): string {
  if (routing.method === "POSTCODE_DIRECTORY") {
    return `Routed to ${routing.team.name} by the ONS Postcode Directory (council ${routing.localAuthorityCode})`;
  }
  if (routing.method === "POSTCODE_RULE") {
    return `Routed to ${routing.team.name} by the postcode rule for ${routing.matchedPrefix}`;
  }
  const reason = (routing.hubReason ?? "NO_MATCHING_RULE").toLowerCase().replaceAll("_", " ");
  return `Sent to the ${routing.team.name} for manual routing (${reason})`;
}

/**
 * The reference, as formatReferralReference writes it ("WY-2026-000123", longer past a million),
 * for the sequence number the statement takes. reference.test.ts holds the two to agree.
 */
export const referenceSql = (year: number, sequence: Prisma.Sql) =>
  Prisma.sql`${`WY-${year}-`}::text || lpad((${sequence})::text, greatest(6, length((${sequence})::text)), '0')`;

/**
 * Submitting a referral: validated input in, and in one transaction the referral routed to a
 * team, rated, put on the statutory clock, given a reference, entered in its chronology and
 * the audit trail, and its draft removed. All of it is stored, or none of it.
 */
export function createReferralSubmissionService({
  idempotency,
  alerts,
  clock,
  linkRequests,
}: {
  idempotency: Idempotency;
  alerts: AlertService;
  clock: Clock;
  linkRequests: LinkRequests;
}) {
  async function store(
    tx: Transaction,
    user: AuthenticatedUser,
    referral: ValidReferral,
    draftId: string | null,
    context: RequestContext,
    answer: AnswerStore,
  ): Promise<ReferralCreated> {
    const submittedAt = clock.now();
    const today = londonDateOf(submittedAt);
    const { child, concern } = referral;
    const ageAtReferral = child.dateOfBirth ? ageInYears(child.dateOfBirth, today) : child.estimatedAgeYears;

    const risk = assessRisk(
      {
        immediateDanger: referral.immediateDanger,
        childAgeYears: ageAtReferral,
        // Only the signs the referrer reported: any other is not known, and raises nothing.
        indicators: Object.fromEntries(reportedIndicators(concern).map(([code, rating]) => [code, rating.level])),
      },
      INDICATOR_LABELS,
    );

    // The child's home area owns the referral; where the home is unknown, where they were found.
    const routingPostcode = child.homePostcode ?? child.currentPostcode;
    const facts = await loadRoutingFacts(tx, routingPostcode);
    const routing = routeWithFacts(routingPostcode, facts);
    const routedBy = ROUTED_BY[routing.method];
    const dueAt = decisionDueAt(submittedAt, facts.bankHolidayExceptions);
    const id = uuid7();
    // The team is told in the same statement as the referral is written: no referral without
    // its alert (RED at once, others by email in the next digest).
    const teamAlerts = alerts.newReferralAlerts({ id, teamId: routing.team.id, risk: risk.rating }, submittedAt);
    const alerted = await writeSubmissionRows(
      tx,
      {
        id,
        user,
        referral,
        submittedAt,
        ageAtReferral,
        routing,
        routingPostcode,
        risk,
        decisionDueAt: dueAt,
        redEscalationDueAt: risk.rating === "RED" ? redEscalationDueAt(submittedAt) : null,
        chronology: [
          {
            type: "SUBMITTED",
            actorId: user.id,
            summary: `Referral received from ${user.organisation.name}`,
            details: {},
          },
          {
            type: "ROUTED",
            actorId: null,
            summary: routedSummaryOf(routing),
            details: { teamId: routing.team.id, method: routedBy },
          },
          {
            type: "RISK_RATED",
            actorId: null,
            summary: `Rated ${risk.rating}`,
            details: { rating: risk.rating, reasons: [...risk.reasons] },
          },
        ],
      },
      teamAlerts.sql,
    );
    await teamAlerts.afterwards(tx, alerted);
    if (draftId) await tx.draft.deleteMany({ where: { id: draftId, ownerId: user.id } });

    const created: ReferralCreated = {
      id,
      // Stands for the reference until the last statement takes it.
      reference: "",
      team: { id: routing.team.id, name: routing.team.name },
      risk: { rating: risk.rating, reasons: [...risk.reasons] },
      decisionDueAt: dueAt.toISOString(),
      submittedAt: submittedAt.toISOString(),
    };
    // Last, and one statement: the reference (whose row lock keeps references gap-free), the
    // audit entry (whose lock orders the chain) and the stored answer, so both locks are held
    // for this statement and the commit, never for a round trip to the application.
    const year = Number(today.slice(0, 4));
    const [taken] = await tx.$queryRaw<{ reference: string }[]>`
      WITH sequence AS (
        INSERT INTO "ReferenceSequence" ("year", "lastNumber") VALUES (${year}, 1)
        ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "ReferenceSequence"."lastNumber" + 1
        RETURNING ${referenceSql(year, Prisma.raw(`"lastNumber"`))} AS "reference"),
      referral AS (UPDATE "Referral" SET "reference" = sequence."reference" FROM sequence WHERE "id" = ${id}::uuid),
      answer AS (${answer.sql(Prisma.sql`jsonb_set(${JSON.stringify(created)}::jsonb, '{reference}', to_jsonb(sequence."reference")) FROM sequence`)}),
      audited AS (${auditAppendSql(
        {
          actor: user,
          action: "referral.submit",
          entityType: "Referral",
          entityId: id,
          referralId: id,
          teamId: routing.team.id,
          requestId: context.requestId,
          details: { risk: risk.rating, routing: routedBy },
        },
        new Date(),
        {
          name: Prisma.raw("sequence"),
          key: Prisma.raw(`sequence."reference"`),
          computed: { reference: { sql: Prisma.raw(`sequence."reference"`), type: "text" } },
        },
      )})
      SELECT "reference" FROM sequence`;
    return { ...created, reference: taken!.reference };
  }

  return {
    async submit(
      user: AuthenticatedUser,
      input: { raw: unknown; referral: ValidReferral; idempotencyKey: string; draftId: string | null },
      context: RequestContext,
    ) {
      if (!may(user, "referral.create")) throw new Forbidden("Only referrers can make referrals.");
      const result = await idempotency.execute(
        user.id,
        input.idempotencyKey,
        requestHash({ body: input.raw, draftId: input.draftId }),
        201,
        (tx, answer) => store(tx, user, input.referral, input.draftId, context, answer),
      );
      // After the commit, so the submission stays fast and the job never sees an uncommitted
      // referral. A replay asks again: harmless (one waiting job per referral), and it heals
      // a request that a failure lost the first time.
      await linkRequests.request(result.body.id);
      return result;
    },
  };
}

export type ReferralSubmissionService = ReturnType<typeof createReferralSubmissionService>;
