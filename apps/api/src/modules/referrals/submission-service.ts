import { randomUUID } from "node:crypto";
import { INDICATOR_LABELS, type ReferralCreated, type ValidReferral } from "@cse/contracts";
import {
  ageInYears,
  assessRisk,
  decisionDueAt,
  extractReferralIdentifiers,
  formatReferralReference,
  londonDateOf,
  normalisePostcode,
  redEscalationDueAt,
} from "@cse/domain";
import type { Transaction } from "../../db/client.ts";
import { Forbidden } from "../../errors.ts";
import { may } from "../../policy/policy.ts";
import type { RequestContext } from "../../services/context.ts";
import type { Clock } from "../../services/clock.ts";
import type { AlertService } from "../alerts/service.ts";
import type { AuditService } from "../audit/service.ts";
import type { LinkRequests } from "../links/link-requests.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { requestHash, type Idempotency } from "./idempotency.ts";
import { routePostcode, type PostcodeRouting } from "../routing/route-postcode.ts";
import { bankHolidayExceptions } from "./working-calendar.ts";

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

type Rating = NonNullable<ValidReferral["concern"]["indicators"][keyof ValidReferral["concern"]["indicators"]]>;
/** The signs ticked, with their ratings; a sign not ticked is not known and stored as no row. */
const reportedIndicators = (concern: ValidReferral["concern"]) =>
  Object.entries(concern.indicators).filter((entry): entry is [string, Rating] => entry[1] !== undefined);

const postcodeOrNull = (value: string | null) => (value ? (normalisePostcode(value) ?? value.toUpperCase()) : null);

async function nextReferenceNumber(tx: Transaction, year: number): Promise<number> {
  // The row lock makes references gap-free and unique however many submit at once.
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "ReferenceSequence" ("year", "lastNumber") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "ReferenceSequence"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return rows[0]!.lastNumber;
}

/**
 * Submitting a referral: validated input in, and in one transaction the referral routed to a
 * team, rated, put on the statutory clock, given a reference, entered in its chronology and
 * the audit trail, and its draft removed. All of it is stored, or none of it.
 */
export function createReferralSubmissionService({
  audit,
  idempotency,
  alerts,
  clock,
  linkRequests,
}: {
  audit: AuditService;
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
  ): Promise<ReferralCreated> {
    const submittedAt = clock.now();
    const today = londonDateOf(submittedAt);
    const { child, concern, informationSharing, aboutYou } = referral;
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
    const routing = await routePostcode(tx, routingPostcode);

    const dueAt = decisionDueAt(submittedAt, await bankHolidayExceptions(tx));
    const created = await tx.referral.create({
      data: {
        // Replaced by the real reference below; this placeholder never leaves the transaction.
        reference: `pending-${randomUUID()}`,
        submittedAt,
        referrerId: user.id,
        referrerOrganisationId: user.organisation.id,
        referrerName: user.displayName,
        referrerJobTitle: aboutYou.jobTitle ?? user.jobTitle,
        referrerPhone: aboutYou.phone,
        referrerBestTimeToCall: aboutYou.bestTimeToCall,
        immediateDanger: referral.immediateDanger,
        concernDescription: concern.description,
        concernOccurredOn: concern.occurredOn ? new Date(`${concern.occurredOn}T00:00:00Z`) : null,
        concernWhen: concern.when,
        concernLocation: concern.location,
        informationSource: concern.informationSource,
        informationSourceDetail: concern.informationSourceDetail,
        teamId: routing.team.id,
        routingMethod: routing.method,
        routingPostcode: postcodeOrNull(routingPostcode),
        routingMatchedPrefix: routing.matchedPrefix,
        routingLocalAuthorityCode: routing.localAuthorityCode,
        routingCrossesBoundary: routing.crossesBoundary,
        routingBoundaryNote: routing.boundaryNote,
        computedRisk: risk.rating,
        computedRiskReasons: [...risk.reasons],
        risk: risk.rating,
        riskReasons: [...risk.reasons],
        decisionDueAt: dueAt,
        redEscalationDueAt: risk.rating === "RED" ? redEscalationDueAt(submittedAt) : null,
        child: {
          create: {
            givenNames: child.givenNames,
            familyName: child.familyName,
            aliases: child.aliases,
            dateOfBirth: child.dateOfBirth ? new Date(`${child.dateOfBirth}T00:00:00Z`) : null,
            estimatedAgeYears: child.estimatedAgeYears,
            ageAtReferral,
            gender: child.gender,
            ethnicity: child.ethnicity,
            firstLanguage: child.firstLanguage,
            interpreterNeeded: child.interpreterNeeded,
            disabilityOrDifficulty: child.disabilityOrDifficulty,
            learningDisability: child.learningDisability,
            disabilityDetails: child.disabilityDetails,
            homeAddress: child.homeAddress,
            homePostcode: postcodeOrNull(child.homePostcode),
            currentWhereabouts: child.currentWhereabouts,
            currentPostcode: postcodeOrNull(child.currentPostcode),
            school: child.school,
            parentalResponsibility: child.parentalResponsibility,
            householdMembers: child.householdMembers,
            otherAgencies: child.otherAgencies,
            lookedAfter: child.lookedAfter,
            responsibleAuthority: child.responsibleAuthority,
          },
        },
        informationSharing: { create: informationSharing },
        indicators: {
          create: reportedIndicators(concern).map(([indicatorCode, rating]) => ({
            indicatorCode,
            level: rating.level,
            detail: rating.detail,
          })),
        },
        concernEntities: {
          create: referral.entities.map((entity, position) => ({
            ...entity,
            position,
            postcodes: entity.postcodes.map((postcode) => postcodeOrNull(postcode)!),
          })),
        },
      },
      include: { concernEntities: { select: { id: true, position: true } } },
    });

    const entityIdAt = new Map(created.concernEntities.map((entity) => [entity.position, entity.id]));
    const identifiers = extractReferralIdentifiers({
      child,
      concernEntities: referral.entities.map((entity, position) => ({ ...entity, position })),
    });
    await tx.referralIdentifier.createMany({
      data: identifiers.map((identifier) => ({
        referralId: created.id,
        kind: identifier.kind,
        value: identifier.value,
        entityId: identifier.entityPosition === null ? null : (entityIdAt.get(identifier.entityPosition) ?? null),
      })),
      skipDuplicates: true,
    });

    const routedSummary = routedSummaryOf(routing);
    const routedBy = ROUTED_BY[routing.method];
    await tx.chronologyEvent.createMany({
      data: [
        {
          referralId: created.id,
          type: "SUBMITTED",
          actorId: user.id,
          occurredAt: submittedAt,
          summary: `Referral received from ${user.organisation.name}`,
        },
        {
          referralId: created.id,
          type: "ROUTED",
          occurredAt: submittedAt,
          summary: routedSummary,
          details: { teamId: routing.team.id, method: routedBy },
        },
        {
          referralId: created.id,
          type: "RISK_RATED",
          occurredAt: submittedAt,
          summary: `Rated ${risk.rating}`,
          details: { rating: risk.rating, reasons: [...risk.reasons] },
        },
      ],
    });
    if (draftId) await tx.draft.deleteMany({ where: { id: draftId, ownerId: user.id } });
    // The team is told in the same transaction: no referral without its alert (RED at once,
    // others by email in the next digest).
    await alerts.raiseNewReferral(tx, { id: created.id, teamId: routing.team.id, risk: risk.rating }, submittedAt);
    // Taken last but for the audit entry, so the row lock that keeps references gap-free is
    // held for two short statements before commit rather than the whole transaction.
    const year = Number(today.slice(0, 4));
    const reference = formatReferralReference(year, await nextReferenceNumber(tx, year));
    await tx.referral.update({ where: { id: created.id }, data: { reference }, select: { id: true } });
    await audit.record(tx, {
      actor: user,
      action: "referral.submit",
      entityType: "Referral",
      entityId: created.id,
      referralId: created.id,
      teamId: routing.team.id,
      requestId: context.requestId,
      details: { reference, risk: risk.rating, routing: routedBy },
    });

    return {
      id: created.id,
      reference,
      team: { id: routing.team.id, name: routing.team.name },
      risk: { rating: risk.rating, reasons: [...risk.reasons] },
      decisionDueAt: dueAt.toISOString(),
      submittedAt: submittedAt.toISOString(),
    };
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
        (tx) => store(tx, user, input.referral, input.draftId, context),
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
