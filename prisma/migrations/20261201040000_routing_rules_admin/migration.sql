-- Routing rules that know their limits: a rule may cross a council boundary, and a referral
-- routed by such a rule says so, for the team to check before accepting.
ALTER TABLE "RoutingRule" ADD COLUMN "crossesBoundary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "note" TEXT;

ALTER TABLE "Referral" ADD COLUMN "routingBoundaryNote" TEXT,
ADD COLUMN "routingCrossesBoundary" BOOLEAN NOT NULL DEFAULT false;

-- Data for a database seeded before this change (a new one is seeded from
-- WEST_YORKSHIRE_DEFAULT_ROUTING_RULES after migrating, and has no teams yet here).
-- Split districts the area rule used to route whole get a rule of their own, for the
-- district's main council; every split district's rule is marked as crossing.
INSERT INTO "RoutingRule" ("id", "postcodePrefix", "teamId", "updatedAt")
SELECT gen_random_uuid(), split."prefix", "Team"."id", now()
  FROM (VALUES ('LS17', 'leeds'), ('LS21', 'leeds'), ('LS22', 'leeds'), ('LS25', 'leeds'),
               ('HD8', 'kirklees'), ('HD9', 'kirklees'),
               ('WF3', 'wakefield'), ('WF4', 'wakefield'), ('WF8', 'wakefield'), ('WF10', 'wakefield'),
               ('WF11', 'wakefield')) AS split("prefix", "teamCode")
  JOIN "Team" ON "Team"."code" = split."teamCode"
ON CONFLICT ("postcodePrefix") DO NOTHING;

UPDATE "RoutingRule" SET "crossesBoundary" = true
 WHERE "postcodePrefix" IN ('BD3', 'BD4', 'BD12', 'BD22', 'HD8', 'HD9', 'LS17', 'LS21', 'LS22', 'LS25', 'LS29',
                            'WF3', 'WF4', 'WF8', 'WF10', 'WF11');
