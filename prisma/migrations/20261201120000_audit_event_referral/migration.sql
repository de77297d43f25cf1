-- Which referrals each audit entry is about, so the lead's audit view of one referral (reads,
-- changes, refusals, exports and every list it appeared in) is one index range, not a scan of
-- the JSON details of every entry.
CREATE TABLE "AuditEventReferral" (
    "referralId" UUID NOT NULL,
    "auditEventId" BIGINT NOT NULL,

    CONSTRAINT "AuditEventReferral_pkey" PRIMARY KEY ("referralId","auditEventId")
);

-- The referrals an entry names: its own, and the ids a list recorded in details.referralIds.
-- Anything that is not a UUID is skipped rather than failing the append (and so the request).
CREATE FUNCTION "audit_event_referral_ids"("entry_referral" UUID, "entry_details" JSONB) RETURNS SETOF UUID
    LANGUAGE sql IMMUTABLE AS $$
    SELECT DISTINCT "id"::uuid FROM (
        SELECT "entry_referral"::text AS "id" WHERE "entry_referral" IS NOT NULL
        UNION ALL
        SELECT "value" FROM jsonb_array_elements_text(
            CASE WHEN jsonb_typeof("entry_details" -> 'referralIds') = 'array'
                 THEN "entry_details" -> 'referralIds' ELSE '[]'::jsonb END) AS "value"
    ) AS "named"
    WHERE "id" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
$$;

-- Filled by the database in the same statement as the append, so an entry and its index rows
-- commit together. SECURITY DEFINER (the owner's rights): the service's role may only read the
-- index, so it cannot forge or hide an appearance; the chain's append itself is unchanged.
CREATE FUNCTION "audit_event_index_referrals"() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO "AuditEventReferral" ("referralId", "auditEventId")
    SELECT "referral", NEW."id" FROM "audit_event_referral_ids"(NEW."referralId", NEW."details") AS "referral";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEvent_index_referrals" AFTER INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_index_referrals"();

-- Append-only, like the trail it indexes.
CREATE TRIGGER "AuditEventReferral_append_only" BEFORE UPDATE OR DELETE ON "AuditEventReferral"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "AuditEventReferral_no_truncate" BEFORE TRUNCATE ON "AuditEventReferral"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();

-- The entries written before this migration.
INSERT INTO "AuditEventReferral" ("referralId", "auditEventId")
SELECT "referral", "e"."id"
  FROM "AuditEvent" AS "e", "audit_event_referral_ids"("e"."referralId", "e"."details") AS "referral";
