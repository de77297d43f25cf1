-- An addendum may add people, places and vehicles of concern: their identifiers are written
-- as at submission, and the referral's links are computed again.
ALTER TABLE "ConcernEntity" ADD COLUMN "addendumId" UUID;

CREATE INDEX "ConcernEntity_addendumId_idx" ON "ConcernEntity"("addendumId");

ALTER TABLE "ConcernEntity" ADD CONSTRAINT "ConcernEntity_addendumId_fkey" FOREIGN KEY ("addendumId") REFERENCES "Addendum"("id") ON DELETE CASCADE ON UPDATE CASCADE;
