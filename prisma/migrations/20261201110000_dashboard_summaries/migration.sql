-- CreateTable
CREATE TABLE "DashboardDecisionCount" (
    "teamId" UUID NOT NULL,
    "decidedOn" DATE NOT NULL,
    "deciderId" UUID NOT NULL,
    "hoursToDecision" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,

    CONSTRAINT "DashboardDecisionCount_pkey" PRIMARY KEY ("teamId","decidedOn","deciderId","hoursToDecision")
);

-- CreateTable
CREATE TABLE "DashboardIdentifierCount" (
    "teamId" UUID NOT NULL,
    "kind" "IdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,
    "referrals" INTEGER NOT NULL,

    CONSTRAINT "DashboardIdentifierCount_pkey" PRIMARY KEY ("teamId","kind","value")
);

-- CreateIndex
CREATE INDEX "DashboardIdentifierCount_teamId_kind_referrals_idx" ON "DashboardIdentifierCount"("teamId", "kind", "referrals" DESC);


-- The dashboard's summaries are kept by statement-level triggers, in the transaction that makes
-- the change: every way a referral is decided, moved or seeded (the services, the volume seed)
-- counts alike, and a summary is never behind the referrals it counts. Statement-level with
-- transition tables, so a batch of rows costs one upsert per summary row, not one per referral.

-- One decision's place in "DashboardDecisionCount": the team, the London day of the decision,
-- who decided (a nil id when nobody is recorded), the whole hours from receipt to decision.
-- Rows are added with sign +1 (counted now) or -1 (counted before a change).
CREATE FUNCTION "dashboard_add_decisions"(changes jsonb) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "DashboardDecisionCount" AS c ("teamId", "decidedOn", "deciderId", "hoursToDecision", "decided", "onTime")
    SELECT d."teamId", d."decidedOn", d."deciderId", d."hours", sum(d."sign")::int,
           COALESCE(sum(d."sign") FILTER (WHERE d."onTime"), 0)::int
    FROM jsonb_to_recordset(changes) AS d("teamId" uuid, "decidedOn" date, "deciderId" uuid, "hours" int, "onTime" boolean, "sign" int)
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("teamId", "decidedOn", "deciderId", "hoursToDecision")
    DO UPDATE SET "decided" = c."decided" + EXCLUDED."decided", "onTime" = c."onTime" + EXCLUDED."onTime";
$$;

CREATE FUNCTION "dashboard_referrals_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    decisions jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('teamId', n."teamId",
                   'decidedOn', (n."decidedAt" AT TIME ZONE 'Europe/London')::date,
                   'deciderId', COALESCE(n."decidedById", '00000000-0000-0000-0000-000000000000'::uuid),
                   'hours', floor(extract(epoch FROM n."decidedAt" - n."submittedAt") / 3600)::int,
                   'onTime', n."decidedAt" <= n."decisionDueAt", 'sign', 1))
        INTO decisions
        FROM new_rows n WHERE n."status" = 'DECIDED' AND n."decidedAt" IS NOT NULL;
    ELSE
        -- Only rows whose counted facts changed: an assignment or a note costs nothing here.
        WITH changed AS (
            SELECT o."teamId" AS "oldTeam", o."status" AS "oldStatus", o."decidedAt" AS "oldDecidedAt",
                   o."decidedById" AS "oldDecider", o."submittedAt" AS "oldSubmittedAt", o."decisionDueAt" AS "oldDueAt",
                   n."teamId", n."status", n."decidedAt", n."decidedById", n."submittedAt", n."decisionDueAt"
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE (o."teamId", o."status", o."decidedAt", o."decidedById", o."submittedAt", o."decisionDueAt")
                  IS DISTINCT FROM (n."teamId", n."status", n."decidedAt", n."decidedById", n."submittedAt", n."decisionDueAt")
        ), signed AS (
            SELECT "oldTeam" AS "teamId", "oldStatus" AS "status", "oldDecidedAt" AS "decidedAt", "oldDecider" AS "decidedById",
                   "oldSubmittedAt" AS "submittedAt", "oldDueAt" AS "decisionDueAt", -1 AS "sign" FROM changed
            UNION ALL
            SELECT "teamId", "status", "decidedAt", "decidedById", "submittedAt", "decisionDueAt", 1 FROM changed
        )
        SELECT jsonb_agg(jsonb_build_object('teamId', s."teamId",
                   'decidedOn', (s."decidedAt" AT TIME ZONE 'Europe/London')::date,
                   'deciderId', COALESCE(s."decidedById", '00000000-0000-0000-0000-000000000000'::uuid),
                   'hours', floor(extract(epoch FROM s."decidedAt" - s."submittedAt") / 3600)::int,
                   'onTime', s."decidedAt" <= s."decisionDueAt", 'sign', s."sign"))
        INTO decisions
        FROM signed s WHERE s."status" = 'DECIDED' AND s."decidedAt" IS NOT NULL;

        -- A transfer moves the referral's people, phones, vehicles and places to the new team.
        INSERT INTO "DashboardIdentifierCount" AS c ("teamId", "kind", "value", "referrals")
        SELECT m."teamId", i."kind", i."value", sum(m."sign")::int
        FROM (
            SELECT o."id", o."teamId", -1 AS "sign" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."teamId" <> n."teamId"
            UNION ALL
            SELECT n."id", n."teamId", 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."teamId" <> n."teamId"
        ) m
        JOIN (SELECT DISTINCT "referralId", "kind", "value" FROM "ReferralIdentifier"
              WHERE "entityId" IS NOT NULL AND "kind" IN ('PERSON_NAME', 'PHONE', 'VEHICLE', 'HANDLE', 'ADDRESS')) i
          ON i."referralId" = m."id"
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        ON CONFLICT ("teamId", "kind", "value") DO UPDATE SET "referrals" = c."referrals" + EXCLUDED."referrals";
    END IF;
    IF decisions IS NOT NULL THEN
        PERFORM "dashboard_add_decisions"(decisions);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Referral_dashboard_inserted" AFTER INSERT ON "Referral"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_referrals_changed"();
CREATE TRIGGER "Referral_dashboard_updated" AFTER UPDATE ON "Referral"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_referrals_changed"();

-- Identifiers are written once, at submission, in the referral's own transaction. Each referral
-- counts once per value, however many of its people share it.
CREATE FUNCTION "dashboard_identifiers_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "DashboardIdentifierCount" AS c ("teamId", "kind", "value", "referrals")
    SELECT r."teamId", i."kind", i."value", count(DISTINCT i."referralId")::int
    FROM new_rows i JOIN "Referral" r ON r."id" = i."referralId"
    WHERE i."entityId" IS NOT NULL AND i."kind" IN ('PERSON_NAME', 'PHONE', 'VEHICLE', 'HANDLE', 'ADDRESS')
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("teamId", "kind", "value") DO UPDATE SET "referrals" = c."referrals" + EXCLUDED."referrals";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ReferralIdentifier_dashboard_inserted" AFTER INSERT ON "ReferralIdentifier"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_identifiers_inserted"();

-- Same-child links, read from the link side by the dashboard's re-referral figures.
CREATE INDEX "ReferralLink_same_child" ON "ReferralLink"("firstId", "secondId")
    WHERE "sameChild" AND "dismissedAt" IS NULL;

-- What the referrals already stored count for.
INSERT INTO "DashboardDecisionCount" ("teamId", "decidedOn", "deciderId", "hoursToDecision", "decided", "onTime")
SELECT "teamId", ("decidedAt" AT TIME ZONE 'Europe/London')::date,
       COALESCE("decidedById", '00000000-0000-0000-0000-000000000000'::uuid),
       floor(extract(epoch FROM "decidedAt" - "submittedAt") / 3600)::int,
       count(*)::int, (count(*) FILTER (WHERE "decidedAt" <= "decisionDueAt"))::int
FROM "Referral" WHERE "status" = 'DECIDED' AND "decidedAt" IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO "DashboardIdentifierCount" ("teamId", "kind", "value", "referrals")
SELECT r."teamId", i."kind", i."value", count(DISTINCT i."referralId")::int
FROM "ReferralIdentifier" i JOIN "Referral" r ON r."id" = i."referralId"
WHERE i."entityId" IS NOT NULL AND i."kind" IN ('PERSON_NAME', 'PHONE', 'VEHICLE', 'HANDLE', 'ADDRESS')
GROUP BY 1, 2, 3;
