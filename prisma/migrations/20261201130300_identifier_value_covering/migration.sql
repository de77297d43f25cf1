-- Finding the referrals that share a value read the heap for each match (hundreds of random
-- reads for a busy address); with the referral in the index it is an index-only scan.
CREATE INDEX "ReferralIdentifier_kind_value_referralId_idx" ON "ReferralIdentifier"("kind", "value", "referralId");

DROP INDEX "ReferralIdentifier_kind_value_idx";
