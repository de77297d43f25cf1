-- Triage: the team queue, assignment guards, one pending risk override, RED alerts.

-- AlterEnum
ALTER TYPE "ChronologyEventType" ADD VALUE 'DECISION_REJECTED';

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('RED_REFERRAL');

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN "redEscalationDueAt" TIMESTAMPTZ(3);

-- The team queue is served by a partial index on open referrals (below) instead.
DROP INDEX "Referral_teamId_status_decisionDueAt_idx";

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alert_recipientId_resolvedAt_createdAt_idx" ON "Alert"("recipientId", "resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Alert_referralId_idx" ON "Alert"("referralId");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_recipientId_referralId_kind_key" ON "Alert"("recipientId", "referralId", "kind");

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Guards only SQL can express (listed in apps/api/src/db/drift.ts).

-- The queue's order: RED first (the enum's order is RED, AMBER, GREEN), then soonest due, then
-- id, over open referrals only, so a keyset page is one index range and never a sort.
CREATE INDEX "Referral_team_queue" ON "Referral"("teamId", "risk", "decisionDueAt", "id")
    WHERE "status" <> 'DECIDED';

-- A downgrade of risk waits for a lead; only one may wait at a time.
CREATE UNIQUE INDEX "RiskOverride_one_pending_per_referral" ON "RiskOverride"("referralId")
    WHERE "status" = 'PENDING_APPROVAL';

-- A referral can only be assigned to a triage member or lead of the team that owns it,
-- whatever the application does.
CREATE FUNCTION "referral_assignee_in_owning_team"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."assigneeId" IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM "User" u
        WHERE u."id" = NEW."assigneeId" AND u."teamId" = NEW."teamId" AND u."role" IN ('TRIAGE', 'LEAD')
    ) THEN
        RAISE EXCEPTION 'The assignee must be a member of the team that owns the referral'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Referral_assignee_in_owning_team';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Referral_assignee_in_owning_team" BEFORE INSERT OR UPDATE OF "assigneeId", "teamId" ON "Referral"
    FOR EACH ROW EXECUTE FUNCTION "referral_assignee_in_owning_team"();
