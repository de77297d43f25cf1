-- A sign with no degree (a disclosure of sexual assault) is recorded as present, never rated
-- low. A sign the referrer did not report now has no row at all: not known, not "not present".
-- AlterEnum
ALTER TYPE "IndicatorLevel" ADD VALUE 'PRESENT';
