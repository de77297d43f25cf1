-- Trigram matching for names (Mohammed/Muhammad is folded by the nickname table; a one-letter
-- typo in a surname is not, and trigrams find it). pg_trgm is a trusted contrib extension: the
-- owner role that runs migrations may create it, and the application role may use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "ReferralLink" (
    "id" UUID NOT NULL,
    "firstId" UUID NOT NULL,
    "secondId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "sameChild" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    "dismissedAt" TIMESTAMPTZ(3),
    "dismissedById" UUID,
    "dismissedReason" TEXT,

    CONSTRAINT "ReferralLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralLink_secondId_idx" ON "ReferralLink"("secondId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralLink_firstId_secondId_key" ON "ReferralLink"("firstId", "secondId");

-- AddForeignKey
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_firstId_fkey" FOREIGN KEY ("firstId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_secondId_fkey" FOREIGN KEY ("secondId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One row per pair, the lower id first, so that two computations of the same pair (a retried
-- job, two API instances) meet on the unique key instead of storing the pair twice.
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_pair_ordered" CHECK ("firstId" < "secondId");

-- A dismissal says who, when and why, or nothing at all.
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_dismissal_complete" CHECK (
    ("dismissedAt" IS NULL AND "dismissedById" IS NULL AND "dismissedReason" IS NULL)
    OR ("dismissedAt" IS NOT NULL AND "dismissedReason" IS NOT NULL)
);

-- Similar names: child and person names only (a trigram of a phone number means nothing).
CREATE INDEX "ReferralIdentifier_name_trigram" ON "ReferralIdentifier" USING gin ("value" gin_trgm_ops)
    WHERE "kind" IN ('CHILD_NAME', 'PERSON_NAME');
