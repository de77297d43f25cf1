-- Transfers between teams: alerts to the receiving lead and back to the sender, and a
-- chronology entry for a transfer the sender withdrew.

-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'TRANSFER_REQUESTED';
ALTER TYPE "AlertKind" ADD VALUE 'TRANSFER_REJECTED';

-- AlterEnum
ALTER TYPE "ChronologyEventType" ADD VALUE 'TRANSFER_CANCELLED';
