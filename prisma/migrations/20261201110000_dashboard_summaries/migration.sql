-- CreateTable
CREATE TABLE "DashboardDecisionCount" (
    "teamId" UUID NOT NULL,
    "weekOf" DATE NOT NULL,
    "hoursToDecision" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "onTime" INTEGER NOT NULL,

    CONSTRAINT "DashboardDecisionCount_pkey" PRIMARY KEY ("teamId","weekOf","hoursToDecision")
);

-- CreateTable
CREATE TABLE "DashboardMemberDecisionCount" (
    "teamId" UUID NOT NULL,
    "decidedOn" DATE NOT NULL,
    "deciderId" UUID NOT NULL,
    "decided" INTEGER NOT NULL,

    CONSTRAINT "DashboardMemberDecisionCount_pkey" PRIMARY KEY ("teamId","decidedOn","deciderId")
);

-- CreateTable
CREATE TABLE "DashboardReferralDay" (
    "teamId" UUID NOT NULL,
    "receivedOn" DATE NOT NULL,
    "referrals" INTEGER NOT NULL,
    "reReferrals" INTEGER NOT NULL,

    CONSTRAINT "DashboardReferralDay_pkey" PRIMARY KEY ("teamId","receivedOn")
);

-- CreateTable
CREATE TABLE "DashboardSameChildReferral" (
    "referralId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "earlier" INTEGER NOT NULL,
    "later" INTEGER NOT NULL,

    CONSTRAINT "DashboardSameChildReferral_pkey" PRIMARY KEY ("referralId")
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


-- The dashboard reads only a child's latest referral when it was a re-referral (nothing after
-- it, something in the 12 months before): how many in the window, and the most referred first.
CREATE INDEX "DashboardSameChildReferral_repeats" ON "DashboardSameChildReferral"("teamId", "submittedAt")
    WHERE "earlier" > 0 AND "later" = 0;
CREATE INDEX "DashboardSameChildReferral_most_referred" ON "DashboardSameChildReferral"("teamId", "earlier" DESC, "submittedAt" DESC)
    WHERE "earlier" > 0 AND "later" = 0;

-- The dashboard's summaries are kept by statement-level triggers, in the transaction that makes
-- the change: every way a referral is submitted, decided, moved, linked or seeded counts alike,
-- and no summary is ever behind what it counts. Statement-level with transition tables, so a
-- batch of rows (the volume seed writes thousands at once) costs one upsert per summary row.

-- Adds signed referral rows (+1: counted now; -1: counted before a change) to the summaries of
-- decisions and of referrals received. A referral's re-referral mark comes from
-- "DashboardSameChildReferral", so moving it to another team moves the mark too.
CREATE FUNCTION "dashboard_count_referrals"(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "DashboardReferralDay" AS d ("teamId", "receivedOn", "referrals", "reReferrals")
    SELECT c."teamId", (c."submittedAt" AT TIME ZONE 'Europe/London')::date, sum(c."sign")::int,
           COALESCE(sum(c."sign") FILTER (WHERE s."earlier" > 0), 0)::int
    FROM jsonb_to_recordset(changes) AS c("id" uuid, "teamId" uuid, "submittedAt" timestamptz, "status" text,
        "decidedAt" timestamptz, "decidedById" uuid, "decisionDueAt" timestamptz, "sign" int)
    LEFT JOIN "DashboardSameChildReferral" s ON s."referralId" = c."id"
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("teamId", "receivedOn") DO UPDATE
    SET "referrals" = d."referrals" + EXCLUDED."referrals", "reReferrals" = d."reReferrals" + EXCLUDED."reReferrals";

    INSERT INTO "DashboardDecisionCount" AS d ("teamId", "weekOf", "hoursToDecision", "decided", "onTime")
    SELECT c."teamId", date_trunc('week', c."decidedAt" AT TIME ZONE 'Europe/London')::date,
           floor(extract(epoch FROM c."decidedAt" - c."submittedAt") / 3600)::int,
           sum(c."sign")::int, COALESCE(sum(c."sign") FILTER (WHERE c."decidedAt" <= c."decisionDueAt"), 0)::int
    FROM jsonb_to_recordset(changes) AS c("id" uuid, "teamId" uuid, "submittedAt" timestamptz, "status" text,
        "decidedAt" timestamptz, "decidedById" uuid, "decisionDueAt" timestamptz, "sign" int)
    WHERE c."status" = 'DECIDED' AND c."decidedAt" IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("teamId", "weekOf", "hoursToDecision") DO UPDATE
    SET "decided" = d."decided" + EXCLUDED."decided", "onTime" = d."onTime" + EXCLUDED."onTime";

    INSERT INTO "DashboardMemberDecisionCount" AS d ("teamId", "decidedOn", "deciderId", "decided")
    SELECT c."teamId", (c."decidedAt" AT TIME ZONE 'Europe/London')::date,
           COALESCE(c."decidedById", '00000000-0000-0000-0000-000000000000'::uuid), sum(c."sign")::int
    FROM jsonb_to_recordset(changes) AS c("id" uuid, "teamId" uuid, "submittedAt" timestamptz, "status" text,
        "decidedAt" timestamptz, "decidedById" uuid, "decisionDueAt" timestamptz, "sign" int)
    WHERE c."status" = 'DECIDED' AND c."decidedAt" IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("teamId", "decidedOn", "deciderId") DO UPDATE SET "decided" = d."decided" + EXCLUDED."decided";
END;
$$;

CREATE FUNCTION "dashboard_referrals_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes jsonb;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT jsonb_agg(jsonb_build_object('id', n."id", 'teamId', n."teamId", 'submittedAt', n."submittedAt",
                   'status', n."status", 'decidedAt', n."decidedAt", 'decidedById', n."decidedById",
                   'decisionDueAt', n."decisionDueAt", 'sign', 1))
        INTO changes FROM new_rows n;
    ELSE
        -- Only rows whose counted facts changed: an assignment or a note costs nothing here.
        SELECT jsonb_agg(x.change) INTO changes FROM (
            SELECT jsonb_build_object('id', o."id", 'teamId', o."teamId", 'submittedAt', o."submittedAt",
                       'status', o."status", 'decidedAt', o."decidedAt", 'decidedById', o."decidedById",
                       'decisionDueAt', o."decisionDueAt", 'sign', -1) AS change
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE (o."teamId", o."status", o."decidedAt", o."decidedById", o."submittedAt", o."decisionDueAt")
                  IS DISTINCT FROM (n."teamId", n."status", n."decidedAt", n."decidedById", n."submittedAt", n."decisionDueAt")
            UNION ALL
            SELECT jsonb_build_object('id', n."id", 'teamId', n."teamId", 'submittedAt', n."submittedAt",
                       'status', n."status", 'decidedAt', n."decidedAt", 'decidedById', n."decidedById",
                       'decisionDueAt', n."decisionDueAt", 'sign', 1)
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE (o."teamId", o."status", o."decidedAt", o."decidedById", o."submittedAt", o."decisionDueAt")
                  IS DISTINCT FROM (n."teamId", n."status", n."decidedAt", n."decidedById", n."submittedAt", n."decisionDueAt")
        ) x;

        -- A transfer takes the referral's people, phones, vehicles and places, and its
        -- same-child mark, to the new team.
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
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT ("teamId", "kind", "value") DO UPDATE SET "referrals" = c."referrals" + EXCLUDED."referrals";
    END IF;
    IF changes IS NOT NULL THEN
        PERFORM "dashboard_count_referrals"(changes);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        UPDATE "DashboardSameChildReferral" s SET "teamId" = n."teamId"
        FROM new_rows n WHERE s."referralId" = n."id" AND s."teamId" <> n."teamId";
    END IF;
    RETURN NULL;
END;
$$;

-- A new referral is counted at commit, not when it is inserted. Its team's row for the day is
-- shared by every submission to that team that day: counted at insert, the upsert's row lock
-- would be held from the start of the submission's transaction to its end and serialise the
-- team's submissions. Deferred, the lock is taken in the commit's own short section, beside
-- the audit chain's. (The counts are sums, so an update later in the same transaction, which
-- the update trigger counts at once, still adds up.)
CREATE FUNCTION "dashboard_referral_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "dashboard_count_referrals"(jsonb_build_array(jsonb_build_object('id', NEW."id", 'teamId', NEW."teamId",
        'submittedAt', NEW."submittedAt", 'status', NEW."status", 'decidedAt', NEW."decidedAt",
        'decidedById', NEW."decidedById", 'decisionDueAt', NEW."decisionDueAt", 'sign', 1)));
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Referral_dashboard_inserted" AFTER INSERT ON "Referral"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "dashboard_referral_inserted"();
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
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("teamId", "kind", "value") DO UPDATE SET "referrals" = c."referrals" + EXCLUDED."referrals";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ReferralIdentifier_dashboard_inserted" AFTER INSERT ON "ReferralIdentifier"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_identifiers_inserted"();

-- Recounts the same-child mark of these referrals from their links (a link touches only its two
-- ends), and moves their re-referral in "DashboardReferralDay" with it.
CREATE FUNCTION "dashboard_recount_same_child"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "DashboardReferralDay" AS d ("teamId", "receivedOn", "referrals", "reReferrals")
    SELECT s."teamId", (s."submittedAt" AT TIME ZONE 'Europe/London')::date, 0, -count(*)::int
    FROM "DashboardSameChildReferral" s WHERE s."referralId" = ANY(ids) AND s."earlier" > 0
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("teamId", "receivedOn") DO UPDATE SET "reReferrals" = d."reReferrals" + EXCLUDED."reReferrals";

    DELETE FROM "DashboardSameChildReferral" WHERE "referralId" = ANY(ids);

    INSERT INTO "DashboardSameChildReferral" AS s ("referralId", "teamId", "submittedAt", "earlier", "later")
    SELECT r."id", r."teamId", r."submittedAt",
           (count(DISTINCT p."id") FILTER (WHERE p."submittedAt" < r."submittedAt"
                                          AND p."submittedAt" >= r."submittedAt" - interval '12 months'))::int,
           (count(DISTINCT p."id") FILTER (WHERE p."submittedAt" > r."submittedAt"))::int
    FROM "Referral" r
    JOIN LATERAL (
        SELECT "secondId" AS "otherId" FROM "ReferralLink" WHERE "firstId" = r."id" AND "sameChild" AND "dismissedAt" IS NULL
        UNION
        SELECT "firstId" FROM "ReferralLink" WHERE "secondId" = r."id" AND "sameChild" AND "dismissedAt" IS NULL
    ) l ON true
    JOIN "Referral" p ON p."id" = l."otherId"
    WHERE r."id" = ANY(ids)
    GROUP BY r."id", r."teamId", r."submittedAt"
    ORDER BY r."id"
    ON CONFLICT ("referralId") DO UPDATE
    SET "teamId" = EXCLUDED."teamId", "earlier" = EXCLUDED."earlier", "later" = EXCLUDED."later";

    INSERT INTO "DashboardReferralDay" AS d ("teamId", "receivedOn", "referrals", "reReferrals")
    SELECT s."teamId", (s."submittedAt" AT TIME ZONE 'Europe/London')::date, 0, count(*)::int
    FROM "DashboardSameChildReferral" s WHERE s."referralId" = ANY(ids) AND s."earlier" > 0
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("teamId", "receivedOn") DO UPDATE SET "reReferrals" = d."reReferrals" + EXCLUDED."reReferrals";
END;
$$;

CREATE FUNCTION "dashboard_links_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT "firstId" FROM new_rows UNION ALL SELECT "secondId" FROM new_rows) t(x);
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(DISTINCT x) INTO ids FROM (
            SELECT "firstId" FROM new_rows UNION ALL SELECT "secondId" FROM new_rows
            UNION ALL SELECT "firstId" FROM old_rows UNION ALL SELECT "secondId" FROM old_rows) t(x);
    ELSE
        SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT "firstId" FROM old_rows UNION ALL SELECT "secondId" FROM old_rows) t(x);
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM "dashboard_recount_same_child"(ids);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ReferralLink_dashboard_inserted" AFTER INSERT ON "ReferralLink"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_links_changed"();
CREATE TRIGGER "ReferralLink_dashboard_updated" AFTER UPDATE ON "ReferralLink"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_links_changed"();
CREATE TRIGGER "ReferralLink_dashboard_deleted" AFTER DELETE ON "ReferralLink"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_links_changed"();

-- What is already stored counts from the start.
INSERT INTO "DashboardSameChildReferral" ("referralId", "teamId", "submittedAt", "earlier", "later")
SELECT r."id", r."teamId", r."submittedAt",
       (count(DISTINCT p."id") FILTER (WHERE p."submittedAt" < r."submittedAt"
                                      AND p."submittedAt" >= r."submittedAt" - interval '12 months'))::int,
       (count(DISTINCT p."id") FILTER (WHERE p."submittedAt" > r."submittedAt"))::int
FROM (
    SELECT "firstId" AS "referralId", "secondId" AS "otherId" FROM "ReferralLink" WHERE "sameChild" AND "dismissedAt" IS NULL
    UNION
    SELECT "secondId", "firstId" FROM "ReferralLink" WHERE "sameChild" AND "dismissedAt" IS NULL
) l
JOIN "Referral" r ON r."id" = l."referralId"
JOIN "Referral" p ON p."id" = l."otherId"
GROUP BY r."id", r."teamId", r."submittedAt";

INSERT INTO "DashboardReferralDay" ("teamId", "receivedOn", "referrals", "reReferrals")
SELECT r."teamId", (r."submittedAt" AT TIME ZONE 'Europe/London')::date, count(*)::int,
       (count(*) FILTER (WHERE s."earlier" > 0))::int
FROM "Referral" r LEFT JOIN "DashboardSameChildReferral" s ON s."referralId" = r."id"
GROUP BY 1, 2;

INSERT INTO "DashboardDecisionCount" ("teamId", "weekOf", "hoursToDecision", "decided", "onTime")
SELECT "teamId", date_trunc('week', "decidedAt" AT TIME ZONE 'Europe/London')::date,
       floor(extract(epoch FROM "decidedAt" - "submittedAt") / 3600)::int,
       count(*)::int, (count(*) FILTER (WHERE "decidedAt" <= "decisionDueAt"))::int
FROM "Referral" WHERE "status" = 'DECIDED' AND "decidedAt" IS NOT NULL
GROUP BY 1, 2, 3;

INSERT INTO "DashboardMemberDecisionCount" ("teamId", "decidedOn", "deciderId", "decided")
SELECT "teamId", ("decidedAt" AT TIME ZONE 'Europe/London')::date,
       COALESCE("decidedById", '00000000-0000-0000-0000-000000000000'::uuid), count(*)::int
FROM "Referral" WHERE "status" = 'DECIDED' AND "decidedAt" IS NOT NULL
GROUP BY 1, 2, 3;

INSERT INTO "DashboardIdentifierCount" ("teamId", "kind", "value", "referrals")
SELECT r."teamId", i."kind", i."value", count(DISTINCT i."referralId")::int
FROM "ReferralIdentifier" i JOIN "Referral" r ON r."id" = i."referralId"
WHERE i."entityId" IS NOT NULL AND i."kind" IN ('PERSON_NAME', 'PHONE', 'VEHICLE', 'HANDLE', 'ADDRESS')
GROUP BY 1, 2, 3;

ANALYZE "DashboardDecisionCount", "DashboardMemberDecisionCount", "DashboardReferralDay", "DashboardSameChildReferral",
    "DashboardIdentifierCount";
