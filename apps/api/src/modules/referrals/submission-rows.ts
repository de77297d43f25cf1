import { randomUUID } from "node:crypto";
import type { ValidReferral } from "@cse/contracts";
import { extractReferralIdentifiers, normalisePostcode, type RiskAssessment } from "@cse/domain";
import type { Transaction } from "../../db/client.ts";
import { uuid7 } from "../../db/uuid7.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { PostcodeRouting } from "../routing/route-postcode.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";

type Rating = NonNullable<ValidReferral["concern"]["indicators"][keyof ValidReferral["concern"]["indicators"]]>;
/** The signs ticked, with their ratings; a sign not ticked is not known and stored as no row. */
export const reportedIndicators = (concern: ValidReferral["concern"]) =>
  Object.entries(concern.indicators).filter((entry): entry is [string, Rating] => entry[1] !== undefined);

/** Every column of a table, named: what jsonb_populate_record needs to write a whole row. */
type ColumnsOf<ScalarFields> = Record<keyof ScalarFields, unknown>;

const postcodeOrNull = (value: string | null) => (value ? (normalisePostcode(value) ?? value.toUpperCase()) : null);
const dateOnly = (isoDate: string | null) => (isoDate ? `${isoDate}T00:00:00Z` : null);

/** What the submission decided before writing: who, where, how urgent, and when. */
export interface SubmissionDecisions {
  /** The referral's id, made by the caller so that what else the statement writes can name it. */
  readonly id: string;
  readonly user: AuthenticatedUser;
  readonly referral: ValidReferral;
  readonly submittedAt: Date;
  readonly ageAtReferral: number | null;
  readonly routing: PostcodeRouting;
  readonly routingPostcode: string | null;
  readonly risk: RiskAssessment;
  readonly decisionDueAt: Date;
  readonly redEscalationDueAt: Date | null;
  readonly chronology: readonly {
    type: "SUBMITTED" | "ROUTED" | "RISK_RATED";
    actorId: string | null;
    summary: string;
    details: Prisma.InputJsonObject;
  }[];
}

/**
 * Every row of a new referral (all but its reference, which is taken last) in one statement.
 * Each table's rows are written whole, with every column named in the row objects below: a
 * column left out would be NULL, not its default, and its NOT NULL constraint says so at once.
 * PostgreSQL checks the foreign keys at the end of the statement, so the referral and its
 * children go in together. Ids are made here (UUIDv7, as Prisma makes them), so the people and
 * places of concern can be named by the identifiers that come from them. The team's alerts
 * (`alertsSql`, an INSERT returning "recipientId") go in the same statement; their recipients
 * are returned.
 */
export async function writeSubmissionRows(
  tx: Transaction,
  decisions: SubmissionDecisions,
  alertsSql: Prisma.Sql,
): Promise<string[]> {
  const { id, user, referral, submittedAt, routing, risk } = decisions;
  const { child, concern, informationSharing, aboutYou } = referral;
  const referralRow = {
    id,
    // Replaced by the real reference in the last statement; this placeholder never leaves the transaction.
    reference: `pending-${randomUUID()}`,
    status: "SUBMITTED",
    submittedAt,
    referrerId: user.id,
    referrerOrganisationId: user.organisation.id,
    referrerName: user.displayName,
    referrerJobTitle: aboutYou.jobTitle ?? user.jobTitle,
    referrerPhone: aboutYou.phone,
    referrerBestTimeToCall: aboutYou.bestTimeToCall,
    immediateDanger: referral.immediateDanger,
    concernDescription: concern.description,
    concernOccurredOn: dateOnly(concern.occurredOn),
    concernWhen: concern.when,
    concernLocation: concern.location,
    informationSource: concern.informationSource,
    informationSourceDetail: concern.informationSourceDetail,
    teamId: routing.team.id,
    routingMethod: routing.method,
    routingPostcode: postcodeOrNull(decisions.routingPostcode),
    routingMatchedPrefix: routing.matchedPrefix,
    routingLocalAuthorityCode: routing.localAuthorityCode,
    routingCrossesBoundary: routing.crossesBoundary,
    routingBoundaryNote: routing.boundaryNote,
    computedRisk: risk.rating,
    computedRiskReasons: risk.reasons,
    risk: risk.rating,
    riskReasons: risk.reasons,
    decisionDueAt: decisions.decisionDueAt,
    assigneeId: null,
    assignedAt: null,
    redEscalationDueAt: decisions.redEscalationDueAt,
    escalatedAt: null,
    redEscalatedAt: null,
    outcome: null,
    outcomeReason: null,
    messageToReferrer: null,
    decidedAt: null,
    decidedById: null,
    decisionApprovedById: null,
    decisionApprovedAt: null,
    updatedAt: submittedAt,
  } satisfies ColumnsOf<typeof Prisma.ReferralScalarFieldEnum>;
  const childRow = {
    referralId: id,
    givenNames: child.givenNames,
    familyName: child.familyName,
    aliases: child.aliases,
    dateOfBirth: dateOnly(child.dateOfBirth),
    estimatedAgeYears: child.estimatedAgeYears,
    ageAtReferral: decisions.ageAtReferral,
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
  } satisfies ColumnsOf<typeof Prisma.ReferralChildScalarFieldEnum>;
  const sharingRow = {
    referralId: id,
    ...informationSharing,
  } satisfies ColumnsOf<typeof Prisma.InformationSharingScalarFieldEnum>;
  const indicatorRows = reportedIndicators(concern).map(
    ([indicatorCode, rating]) =>
      ({
        referralId: id,
        indicatorCode,
        level: rating.level,
        detail: rating.detail,
      }) satisfies ColumnsOf<typeof Prisma.ReferralIndicatorScalarFieldEnum>,
  );
  const entityRows = referral.entities.map(
    (entity, position) =>
      ({
        id: uuid7(),
        referralId: id,
        position,
        kind: entity.kind,
        name: entity.name,
        nicknames: entity.nicknames,
        approximateAge: entity.approximateAge,
        phoneNumbers: entity.phoneNumbers,
        socialHandles: entity.socialHandles,
        addresses: entity.addresses,
        postcodes: entity.postcodes.map((postcode) => postcodeOrNull(postcode)!),
        vehicleRegistrations: entity.vehicleRegistrations,
        description: entity.description,
        linkToChild: entity.linkToChild,
        addendumId: null,
      }) satisfies ColumnsOf<typeof Prisma.ConcernEntityScalarFieldEnum>,
  );
  const identifierRows = extractReferralIdentifiers({
    child,
    concernEntities: referral.entities.map((entity, position) => ({ ...entity, position })),
  }).map(
    (identifier) =>
      ({
        id: uuid7(),
        referralId: id,
        entityId: identifier.entityPosition === null ? null : (entityRows[identifier.entityPosition]?.id ?? null),
        kind: identifier.kind,
        value: identifier.value,
      }) satisfies ColumnsOf<typeof Prisma.ReferralIdentifierScalarFieldEnum>,
  );
  const chronologyRows = decisions.chronology.map(
    (event) =>
      ({
        id: uuid7(),
        referralId: id,
        type: event.type,
        actorId: event.actorId,
        occurredAt: submittedAt,
        summary: event.summary,
        details: event.details,
      }) satisfies ColumnsOf<typeof Prisma.ChronologyEventScalarFieldEnum>,
  );
  const json = JSON.stringify;
  const [written] = await tx.$queryRaw<{ recipients: string[] }[]>`
    WITH referral AS (INSERT INTO "Referral" SELECT * FROM jsonb_populate_record(NULL::"Referral", ${json(referralRow)}::jsonb)),
    child AS (INSERT INTO "ReferralChild" SELECT * FROM jsonb_populate_record(NULL::"ReferralChild", ${json(childRow)}::jsonb)),
    sharing AS (INSERT INTO "InformationSharing"
      SELECT * FROM jsonb_populate_record(NULL::"InformationSharing", ${json(sharingRow)}::jsonb)),
    indicators AS (INSERT INTO "ReferralIndicator"
      SELECT * FROM jsonb_populate_recordset(NULL::"ReferralIndicator", ${json(indicatorRows)}::jsonb)),
    entities AS (INSERT INTO "ConcernEntity"
      SELECT * FROM jsonb_populate_recordset(NULL::"ConcernEntity", ${json(entityRows)}::jsonb)),
    identifiers AS (INSERT INTO "ReferralIdentifier"
      SELECT * FROM jsonb_populate_recordset(NULL::"ReferralIdentifier", ${json(identifierRows)}::jsonb)
      ON CONFLICT DO NOTHING),
    chronology AS (INSERT INTO "ChronologyEvent"
      SELECT * FROM jsonb_populate_recordset(NULL::"ChronologyEvent", ${json(chronologyRows)}::jsonb)),
    alerted AS (${alertsSql})
    SELECT coalesce(array_agg("recipientId"), '{}') AS "recipients" FROM alerted`;
  return written!.recipients;
}
