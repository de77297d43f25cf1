-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Agency" AS ENUM ('POLICE', 'SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'VOLUNTARY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('REFERRER', 'TRIAGE', 'LEAD', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "BankHolidayChange" AS ENUM ('ADDITIONAL', 'REMOVED');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SUBMITTED', 'IN_TRIAGE', 'AWAITING_APPROVAL', 'DECIDED');

-- CreateEnum
CREATE TYPE "RiskRating" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "IndicatorLevel" AS ENUM ('NOT_PRESENT', 'LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "YesNoUnknown" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "InformationSource" AS ENUM ('SEEN', 'HEARD', 'DISCLOSED_BY_CHILD', 'THIRD_PARTY', 'OTHER');

-- CreateEnum
CREATE TYPE "RoutingMethod" AS ENUM ('POSTCODE_RULE', 'HUB_FALLBACK', 'TRANSFER');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('NO_FURTHER_ACTION', 'EARLY_HELP', 'CHILD_AND_FAMILY_ASSESSMENT', 'STRATEGY_DISCUSSION', 'POLICE_INVESTIGATION', 'TRANSFER_OUT_OF_AREA');

-- CreateEnum
CREATE TYPE "ConcernKind" AS ENUM ('PERSON', 'PLACE', 'VEHICLE');

-- CreateEnum
CREATE TYPE "IdentifierKind" AS ENUM ('CHILD_NAME', 'CHILD_DOB', 'PERSON_NAME', 'PHONE', 'VEHICLE', 'HANDLE', 'POSTCODE', 'ADDRESS');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('GIVEN', 'REFUSED', 'NOT_SOUGHT');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('TEAM', 'AGENCY_ONLY');

-- CreateEnum
CREATE TYPE "ChronologyEventType" AS ENUM ('SUBMITTED', 'ROUTED', 'RISK_RATED', 'ADDENDUM_ADDED', 'ASSIGNED', 'NOTE_ADDED', 'RISK_OVERRIDE_REQUESTED', 'RISK_OVERRIDDEN', 'RISK_OVERRIDE_REJECTED', 'DECISION_RECORDED', 'DECISION_APPROVED', 'REFERRER_NOTIFIED', 'TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'TRANSFER_REJECTED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RiskOverrideStatus" AS ENUM ('APPLIED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IdempotencyStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "agency" "Agency" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "localAuthority" TEXT,
    "isHub" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "jobTitle" TEXT,
    "phone" TEXT,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'INVITED',
    "organisationId" UUID NOT NULL,
    "teamId" UUID,
    "passwordHash" TEXT,
    "passwordChangedAt" TIMESTAMPTZ(3),
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "totpLastStep" BIGINT,
    "lastSignInAt" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "absoluteExpiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "RoutingRule" (
    "id" UUID NOT NULL,
    "postcodePrefix" TEXT NOT NULL,
    "teamId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankHolidayException" (
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "change" "BankHolidayChange" NOT NULL,

    CONSTRAINT "BankHolidayException_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Draft" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referrerId" UUID NOT NULL,
    "referrerOrganisationId" UUID NOT NULL,
    "referrerName" TEXT NOT NULL,
    "referrerJobTitle" TEXT,
    "referrerPhone" TEXT NOT NULL,
    "referrerBestTimeToCall" TEXT,
    "immediateDanger" BOOLEAN NOT NULL,
    "concernDescription" TEXT NOT NULL,
    "concernOccurredOn" DATE,
    "concernWhen" TEXT,
    "concernLocation" TEXT,
    "informationSource" "InformationSource" NOT NULL,
    "informationSourceDetail" TEXT,
    "teamId" UUID NOT NULL,
    "routingMethod" "RoutingMethod" NOT NULL,
    "routingPostcode" TEXT,
    "routingMatchedPrefix" TEXT,
    "computedRisk" "RiskRating" NOT NULL,
    "computedRiskReasons" TEXT[],
    "risk" "RiskRating" NOT NULL,
    "riskReasons" TEXT[],
    "decisionDueAt" TIMESTAMPTZ(3) NOT NULL,
    "assigneeId" UUID,
    "assignedAt" TIMESTAMPTZ(3),
    "escalatedAt" TIMESTAMPTZ(3),
    "outcome" "Outcome",
    "outcomeReason" TEXT,
    "messageToReferrer" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionApprovedById" UUID,
    "decisionApprovedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralChild" (
    "referralId" UUID NOT NULL,
    "givenNames" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "aliases" TEXT[],
    "dateOfBirth" DATE,
    "estimatedAgeYears" INTEGER,
    "ageAtReferral" INTEGER,
    "gender" TEXT,
    "ethnicity" TEXT,
    "firstLanguage" TEXT,
    "interpreterNeeded" "YesNoUnknown" NOT NULL DEFAULT 'UNKNOWN',
    "disabilityOrDifficulty" "YesNoUnknown" NOT NULL DEFAULT 'UNKNOWN',
    "learningDisability" "YesNoUnknown" NOT NULL DEFAULT 'UNKNOWN',
    "disabilityDetails" TEXT,
    "homeAddress" TEXT,
    "homePostcode" TEXT,
    "currentWhereabouts" TEXT,
    "currentPostcode" TEXT,
    "school" TEXT,
    "parentalResponsibility" TEXT,
    "householdMembers" TEXT,
    "otherAgencies" TEXT,
    "lookedAfter" "YesNoUnknown" NOT NULL DEFAULT 'UNKNOWN',
    "responsibleAuthority" TEXT,

    CONSTRAINT "ReferralChild_pkey" PRIMARY KEY ("referralId")
);

-- CreateTable
CREATE TABLE "ReferralIndicator" (
    "referralId" UUID NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "level" "IndicatorLevel" NOT NULL,
    "detail" TEXT,

    CONSTRAINT "ReferralIndicator_pkey" PRIMARY KEY ("referralId","indicatorCode")
);

-- CreateTable
CREATE TABLE "ConcernEntity" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ConcernKind" NOT NULL,
    "name" TEXT,
    "nicknames" TEXT[],
    "approximateAge" INTEGER,
    "phoneNumbers" TEXT[],
    "socialHandles" TEXT[],
    "addresses" TEXT[],
    "postcodes" TEXT[],
    "vehicleRegistrations" TEXT[],
    "description" TEXT,
    "linkToChild" TEXT,

    CONSTRAINT "ConcernEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralIdentifier" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "entityId" UUID,
    "kind" "IdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "ReferralIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InformationSharing" (
    "referralId" UUID NOT NULL,
    "parentsAware" "YesNoUnknown" NOT NULL,
    "childAware" "YesNoUnknown" NOT NULL,
    "consent" "ConsentStatus" NOT NULL,
    "sharingWithoutConsentReason" TEXT,
    "lawfulBasis" TEXT NOT NULL,
    "referrerIdentityShareable" BOOLEAN NOT NULL,

    CONSTRAINT "InformationSharing_pkey" PRIMARY KEY ("referralId")
);

-- CreateTable
CREATE TABLE "Addendum" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Addendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorAgency" "Agency" NOT NULL,
    "visibility" "Visibility" NOT NULL DEFAULT 'TEAM',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChronologyEvent" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "type" "ChronologyEventType" NOT NULL,
    "actorId" UUID,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "ChronologyEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "fromTeamId" UUID NOT NULL,
    "toTeamId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReason" TEXT,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskOverride" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "fromRisk" "RiskRating" NOT NULL,
    "toRisk" "RiskRating" NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RiskOverrideStatus" NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RiskOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceSequence" (
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "ReferenceSequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" "IdempotencyStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("userId","key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "outcome" "AuditOutcome" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "referralId" UUID,
    "teamId" UUID,
    "requestId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prevHash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Team_code_key" ON "Team"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE INDEX "User_teamId_role_idx" ON "User"("teamId", "role");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_resetAt_idx" ON "RateLimitCounter"("resetAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingRule_postcodePrefix_key" ON "RoutingRule"("postcodePrefix");

-- CreateIndex
CREATE INDEX "RoutingRule_teamId_idx" ON "RoutingRule"("teamId");

-- CreateIndex
CREATE INDEX "Draft_ownerId_updatedAt_idx" ON "Draft"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "Draft_expiresAt_idx" ON "Draft"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_reference_key" ON "Referral"("reference");

-- CreateIndex
CREATE INDEX "Referral_teamId_status_decisionDueAt_idx" ON "Referral"("teamId", "status", "decisionDueAt");

-- CreateIndex
CREATE INDEX "Referral_referrerId_submittedAt_id_idx" ON "Referral"("referrerId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Referral_teamId_submittedAt_id_idx" ON "Referral"("teamId", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Referral_assigneeId_status_idx" ON "Referral"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "ReferralIndicator_indicatorCode_level_idx" ON "ReferralIndicator"("indicatorCode", "level");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernEntity_referralId_position_key" ON "ConcernEntity"("referralId", "position");

-- CreateIndex
CREATE INDEX "ReferralIdentifier_kind_value_idx" ON "ReferralIdentifier"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralIdentifier_referralId_kind_value_entityId_key" ON "ReferralIdentifier"("referralId", "kind", "value", "entityId");

-- CreateIndex
CREATE INDEX "Addendum_referralId_createdAt_idx" ON "Addendum"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_referralId_createdAt_idx" ON "Note"("referralId", "createdAt");

-- CreateIndex
CREATE INDEX "ChronologyEvent_referralId_occurredAt_idx" ON "ChronologyEvent"("referralId", "occurredAt");

-- CreateIndex
CREATE INDEX "Transfer_referralId_requestedAt_idx" ON "Transfer"("referralId", "requestedAt");

-- CreateIndex
CREATE INDEX "Transfer_toTeamId_status_idx" ON "Transfer"("toTeamId", "status");

-- CreateIndex
CREATE INDEX "RiskOverride_referralId_requestedAt_idx" ON "RiskOverride"("referralId", "requestedAt");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_referralId_id_idx" ON "AuditEvent"("referralId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_teamId_id_idx" ON "AuditEvent"("teamId", "id");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerOrganisationId_fkey" FOREIGN KEY ("referrerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralChild" ADD CONSTRAINT "ReferralChild_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralIndicator" ADD CONSTRAINT "ReferralIndicator_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernEntity" ADD CONSTRAINT "ConcernEntity_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralIdentifier" ADD CONSTRAINT "ReferralIdentifier_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralIdentifier" ADD CONSTRAINT "ReferralIdentifier_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "ConcernEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationSharing" ADD CONSTRAINT "InformationSharing_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Addendum" ADD CONSTRAINT "Addendum_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Addendum" ADD CONSTRAINT "Addendum_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologyEvent" ADD CONSTRAINT "ChronologyEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChronologyEvent" ADD CONSTRAINT "ChronologyEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromTeamId_fkey" FOREIGN KEY ("fromTeamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toTeamId_fkey" FOREIGN KEY ("toTeamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskOverride" ADD CONSTRAINT "RiskOverride_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskOverride" ADD CONSTRAINT "RiskOverride_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskOverride" ADD CONSTRAINT "RiskOverride_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------
-- Guards that Prisma's schema language cannot express. The drift check knows each of them
-- by name (apps/api/src/db/drift.ts) and would flag anything else the schema lacks.
-- ---------------------------------------------------------------------------------------

-- Triage members and leads belong to exactly one team; referrers and administrators to none.
ALTER TABLE "User" ADD CONSTRAINT "User_team_matches_role_check"
    CHECK (("role" IN ('TRIAGE', 'LEAD')) = ("teamId" IS NOT NULL));

-- Email addresses are compared case-insensitively, so they are stored lower-cased.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_case_check" CHECK ("email" = lower("email"));

-- At most one transfer per referral may wait for the receiving lead.
CREATE UNIQUE INDEX "Transfer_one_pending_per_referral" ON "Transfer"("referralId") WHERE "status" = 'PENDING';

-- The audit trail is append-only: the database itself refuses to change or remove an entry,
-- whatever the application does.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
