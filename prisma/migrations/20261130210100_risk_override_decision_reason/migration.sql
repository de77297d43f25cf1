-- Why a lead refused a downgrade of risk.
ALTER TABLE "RiskOverride" ADD COLUMN "decisionReason" TEXT;
