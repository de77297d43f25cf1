-- The ONS Postcode Directory: each upload is a load; its rows route only once the load is ACTIVE,
-- which happens in one transaction at the end, so a half-loaded file never routes anything.
-- CreateEnum
CREATE TYPE "PostcodeDirectoryLoadStatus" AS ENUM ('RUNNING', 'ACTIVE', 'REPLACED', 'FAILED');

-- AlterEnum
ALTER TYPE "RoutingMethod" ADD VALUE 'POSTCODE_DIRECTORY' AFTER 'POSTCODE_RULE';

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "routingLocalAuthorityCode" TEXT;

-- CreateTable
CREATE TABLE "PostcodeDirectoryLoad" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "PostcodeDirectoryLoadStatus" NOT NULL DEFAULT 'RUNNING',
    "bytesTotal" BIGINT NOT NULL,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsKept" INTEGER NOT NULL DEFAULT 0,
    "rowsInvalid" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" UUID NOT NULL,
    "startedByName" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PostcodeDirectoryLoad_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostcodeDirectoryEntry" (
    "loadId" UUID NOT NULL,
    "postcode" TEXT NOT NULL,
    "localAuthorityCode" TEXT NOT NULL,

    CONSTRAINT "PostcodeDirectoryEntry_pkey" PRIMARY KEY ("postcode","loadId")
);

-- CreateIndex
CREATE INDEX "PostcodeDirectoryLoad_status_idx" ON "PostcodeDirectoryLoad"("status");

-- CreateIndex
CREATE INDEX "PostcodeDirectoryEntry_loadId_idx" ON "PostcodeDirectoryEntry"("loadId");

-- AddForeignKey
ALTER TABLE "PostcodeDirectoryEntry" ADD CONSTRAINT "PostcodeDirectoryEntry_loadId_fkey" FOREIGN KEY ("loadId") REFERENCES "PostcodeDirectoryLoad"("id") ON DELETE CASCADE ON UPDATE CASCADE;

