-- Similar names were searched by trigram over every name row of "ReferralIdentifier": at a
-- million referrals that visited some 20,000 rows for one name (the common names recur
-- thousands of times), 400 ms a referral. The distinct names are a few tens of thousands:
-- the search runs over them, and the rows of the few similar names are then found by their
-- exact (kind, value).
CREATE TABLE "IdentifierName" (
    "kind" "IdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "IdentifierName_pkey" PRIMARY KEY ("kind","value")
);

INSERT INTO "IdentifierName" ("kind", "value")
SELECT DISTINCT "kind", "value" FROM "ReferralIdentifier" WHERE "kind" IN ('CHILD_NAME', 'PERSON_NAME');

CREATE INDEX "IdentifierName_value_trigram" ON "IdentifierName" USING gin ("value" gin_trgm_ops);

-- Once per statement, from the rows it inserted: a bulk insert adds each new name once.
CREATE FUNCTION identifier_names_from_new_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IdentifierName" ("kind", "value")
  SELECT DISTINCT "kind", "value" FROM new_rows WHERE "kind" IN ('CHILD_NAME', 'PERSON_NAME')
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ReferralIdentifier_names"
  AFTER INSERT ON "ReferralIdentifier"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION identifier_names_from_new_rows();

-- The old per-row trigram index is no longer read.
DROP INDEX "ReferralIdentifier_name_trigram";
