-- The audit chain's serial section, cut to one statement before commit.
--
-- The application appends with a single INSERT ... SELECT FROM "audit_chain_next"(). This
-- function takes the chain's lock, then reads the newest entry's hash and draws the next id.
-- Being VOLATILE, its statements see rows committed while it waited for the lock (the INSERT's
-- own snapshot predates the wait). The lock is held to commit, so ids follow chain order.
-- The application's role needs nothing beyond SELECT on "AuditEvent" and USAGE on its sequence.
CREATE FUNCTION "audit_chain_next"(OUT "next_id" BIGINT, OUT "prev_hash" CHAR(64)) LANGUAGE plpgsql AS $$
BEGIN
    -- Under REPEATABLE READ or SERIALIZABLE the read below would see a stale head and fork the chain.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit entries are appended only in READ COMMITTED transactions'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    PERFORM pg_advisory_xact_lock(1096107092); -- 0x41554454, "AUDT"
    SELECT "hash" INTO "prev_hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
    "prev_hash" := coalesce("prev_hash", repeat('0', 64));
    "next_id" := nextval('"AuditEvent_id_seq"');
END;
$$;
