import { outcomeLabels } from "@cse/contracts";

// The SQL that stamps out volume referrals. Everything runs on one session: the pools live in
// temporary tables, and each batch is one INSERT ... SELECT per table inside one transaction.

/** A UUIDv7 for an instant (ids are time-ordered, as Prisma's uuid(7) makes them). */
export const CREATE_UUID7_FUNCTION = `
CREATE FUNCTION pg_temp.vol_uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '7'
    || substr(md5(random()::text), 1, 3) || to_hex(8 + floor(random() * 4)::int)
    || substr(md5(random()::text), 1, 15))::uuid
$$`;

export const CREATE_POOL_TABLES = `
CREATE TEMP TABLE vol_team (team_code text PRIMARY KEY, team_id uuid, team_name text, members uuid[],
  member_names text[], member_agencies text[], lead_id uuid, lead_name text);
CREATE TEMP TABLE vol_referrer (idx int PRIMARY KEY, id uuid, organisation_id uuid, name text, job_title text,
  organisation_name text);
CREATE TEMP TABLE vol_address (idx int PRIMARY KEY, team_code text, address text, postcode text, address_key text,
  routing_method text, matched_prefix text, routed_summary text);
CREATE TEMP TABLE vol_given (idx int PRIMARY KEY, gender text, given text, given_key text);
CREATE TEMP TABLE vol_family (idx int PRIMARY KEY, family text, family_key text);
CREATE TEMP TABLE vol_alias (idx int PRIMARY KEY, alias text, alias_key text);
CREATE TEMP TABLE vol_entity_pool (idx int PRIMARY KEY, kind text, name text, nicknames text[], approximate_age int,
  phone_numbers text[], social_handles text[], addresses text[], postcodes text[], vehicle_registrations text[],
  description text, link_to_child text);
CREATE TEMP TABLE vol_entity_ident (entity_idx int, kind text, value text);
CREATE INDEX ON vol_entity_ident (entity_idx);
CREATE TEMP TABLE vol_profile_level (profile int, code text, level text);
CREATE INDEX ON vol_profile_level (profile);
CREATE TEMP TABLE vol_risk (profile int, age int, danger boolean, rating text, reasons text[],
  PRIMARY KEY (profile, age, danger));
CREATE TEMP TABLE vol_danger (profile int PRIMARY KEY, danger_chance float8);
CREATE TEMP TABLE vol_due (day date PRIMARY KEY, due_at timestamptz)`;

/** Loads JSON rows ($1) into a pool table of the same shape. */
export const loadPool = (table: string) =>
  `INSERT INTO pg_temp.${table} SELECT * FROM json_populate_recordset(null::pg_temp.${table}, $1::json)`;

/**
 * The children: $1 how many, $2 given names, $3 family names, $4 aliases, $5 addresses, $6 now.
 * Ages 8-17, weighted to the mid-teens, fixed by date of birth so that a child referred twice
 * is the same age both times; some known only by an estimate, a few not at all.
 */
export const CREATE_CHILDREN = `
CREATE TEMP TABLE vol_child AS
SELECT c, given_idx, family_idx, alias_idx, address_idx, learning_disability, looked_after,
  CASE WHEN age_known < 0.85 THEN ($6::timestamptz AT TIME ZONE 'Europe/London')::date
    - ((8 + width_bucket(age_u * 100, ARRAY[2, 5, 9, 15, 23, 35, 51, 69, 86]::float8[]) + 0.28 + frac * 0.71) * 365.25)::int END AS dob,
  CASE WHEN age_known >= 0.85 AND age_known < 0.99
    THEN 8 + width_bucket(age_u * 100, ARRAY[2, 5, 9, 15, 23, 35, 51, 69, 86]::float8[]) END AS estimated_age
FROM (
  SELECT c,
    floor(random() * $2)::int AS given_idx,
    floor(random() * $3)::int AS family_idx,
    CASE WHEN random() < 0.1 THEN floor(random() * $4)::int END AS alias_idx,
    floor(random() * $5)::int AS address_idx,
    (ARRAY['YES', 'NO', 'UNKNOWN'])[1 + width_bucket(random(), ARRAY[0.06, 0.76]::float8[])] AS learning_disability,
    (ARRAY['YES', 'NO', 'UNKNOWN'])[1 + width_bucket(random(), ARRAY[0.12, 0.9]::float8[])] AS looked_after,
    random() AS age_known, random() AS age_u, random() AS frac
  FROM generate_series(0, $1 - 1) AS c
) AS drawn`;

export const INDEX_CHILDREN = `CREATE UNIQUE INDEX ON vol_child (c)`;

/**
 * One batch's referrals with every decision made: $1..$2 the ordinals, $3 the total, $4 and $5
 * the span of submission times, $6 now, $7 children, $8 profiles, $9 referrers.
 * Submission times rise with the ordinal, so references follow time.
 */
export const CREATE_BATCH = `
CREATE TEMP TABLE vol_batch ON COMMIT DROP AS
WITH drawn AS (
  SELECT n,
    $4::timestamptz + (($5::timestamptz - $4::timestamptz) * ((n + random()) / $3)) AS submitted_at,
    floor(random() * $7)::int AS c,
    floor(random() * $8)::int AS profile,
    floor(random() * $9)::int AS referrer_idx,
    random() AS u_open, random() AS u_kind, random() AS u_outcome, random() AS u_assign, random() AS u_member,
    random() AS u_decide, random() AS u_note, random() AS u_danger, random() AS u_extra, random() AS u_entities
  FROM generate_series($1::int, $2::int) AS n
), placed AS (
  SELECT d.*, ch.dob, ch.estimated_age, ch.learning_disability, ch.address_idx,
    (d.submitted_at AT TIME ZONE 'Europe/London')::date AS london_day,
    CASE WHEN ch.dob IS NOT NULL
      THEN date_part('year', age((d.submitted_at AT TIME ZONE 'Europe/London')::date, ch.dob))::int
      ELSE ch.estimated_age END AS age,
    d.u_danger < dz.danger_chance AS danger,
    a.team_code
  FROM drawn d
  JOIN vol_child ch ON ch.c = d.c
  JOIN vol_address a ON a.idx = ch.address_idx
  JOIN vol_danger dz ON dz.profile = d.profile
), rated AS (
  SELECT p.*, r.rating, r.reasons, due.due_at,
    -- Recent referrals are still being worked; a few older ones are stuck (overdue).
    ($6::timestamptz - p.submitted_at < interval '3 days' AND p.u_open < 0.95) OR p.u_open > 0.997 AS is_open,
    (p.age IS NULL OR p.age < 13 OR p.learning_disability = 'YES') AS nfa_needs_lead
  FROM placed p
  JOIN vol_risk r ON r.profile = p.profile AND r.age = coalesce(p.age, -1) AND r.danger = p.danger
  JOIN vol_due due ON due.day = p.london_day
), decided AS (
  SELECT r.*,
    CASE
      WHEN NOT r.is_open THEN 'DECIDED'
      WHEN r.u_kind < 0.45 THEN 'SUBMITTED'
      WHEN r.u_kind < 0.9 OR NOT r.nfa_needs_lead THEN 'IN_TRIAGE'
      ELSE 'AWAITING_APPROVAL' END AS status,
    CASE
      WHEN r.is_open AND r.u_kind >= 0.9 AND r.nfa_needs_lead THEN 'NO_FURTHER_ACTION'
      WHEN r.is_open THEN NULL
      ELSE (ARRAY['NO_FURTHER_ACTION', 'EARLY_HELP', 'CHILD_AND_FAMILY_ASSESSMENT', 'STRATEGY_DISCUSSION',
        'POLICE_INVESTIGATION', 'TRANSFER_OUT_OF_AREA'])[1 + width_bucket(r.u_outcome, CASE r.rating
          WHEN 'RED' THEN ARRAY[0.05, 0.15, 0.4, 0.75, 0.97]::float8[]
          WHEN 'AMBER' THEN ARRAY[0.2, 0.55, 0.85, 0.93, 0.98]::float8[]
          ELSE ARRAY[0.45, 0.85, 0.97, 0.98, 0.99]::float8[] END)] END AS outcome
  FROM rated r
), staffed AS (
  SELECT d.*, t.team_id, t.team_name, t.lead_id, t.lead_name,
    1 + floor(d.u_member * cardinality(t.members))::int AS member_at,
    t.members, t.member_names, t.member_agencies,
    CASE WHEN d.status = 'SUBMITTED' THEN NULL
      WHEN d.status = 'DECIDED' THEN least(d.submitted_at + least(interval '6 hours', (d.due_at - d.submitted_at) / 2) * d.u_assign,
        d.submitted_at + ($6::timestamptz - d.submitted_at) / 2)
      ELSE d.submitted_at + ($6::timestamptz - d.submitted_at) * (0.1 + 0.4 * d.u_assign) END AS assigned_at
  FROM decided d JOIN vol_team t ON t.team_code = d.team_code
)
SELECT s.n, pg_temp.vol_uuid7(s.submitted_at) AS id, s.submitted_at, s.c, s.profile, s.referrer_idx, s.address_idx,
  s.age, s.danger, s.rating, s.reasons, s.due_at, s.status, s.outcome, s.team_code, s.team_id, s.team_name,
  s.lead_id, s.lead_name, s.members, s.member_agencies,
  CASE WHEN s.status <> 'SUBMITTED' THEN s.members[s.member_at] END AS assignee_id,
  CASE WHEN s.status <> 'SUBMITTED' THEN s.member_names[s.member_at] END AS assignee_name,
  CASE WHEN s.status <> 'SUBMITTED' THEN s.member_agencies[s.member_at] END AS assignee_agency,
  s.assigned_at,
  CASE WHEN s.status = 'DECIDED'
      THEN greatest(s.assigned_at, least($6::timestamptz, s.assigned_at + (s.due_at - s.assigned_at) * (0.2 + 0.9 * s.u_decide)))
    WHEN s.status = 'AWAITING_APPROVAL' THEN s.assigned_at + ($6::timestamptz - s.assigned_at) * s.u_decide END AS decided_at,
  s.status = 'DECIDED' AND s.outcome = 'NO_FURTHER_ACTION' AND s.nfa_needs_lead AS approved,
  s.u_note < 0.2 AND s.status <> 'SUBMITTED' AND NOT (s.outcome = 'NO_FURTHER_ACTION' AND s.nfa_needs_lead) AS has_note,
  s.u_extra < 0.05 AND s.status = 'SUBMITTED' AS has_addendum,
  CASE WHEN s.member_agencies[s.member_at] = 'POLICE' AND s.u_extra < 0.5 THEN 'AGENCY_ONLY' ELSE 'TEAM' END AS note_visibility,
  s.u_extra,
  (ARRAY[0, 1, 2, 3])[1 + width_bucket(s.u_entities, ARRAY[0.25, 0.7, 0.92]::float8[])] AS entity_count,
  extract(year FROM s.submitted_at AT TIME ZONE 'Europe/London')::int AS year,
  coalesce(seq."lastNumber", 0) + row_number() OVER (
    PARTITION BY extract(year FROM s.submitted_at AT TIME ZONE 'Europe/London') ORDER BY s.submitted_at, s.n) AS sequence
FROM staffed s
LEFT JOIN "ReferenceSequence" seq ON seq."year" = extract(year FROM s.submitted_at AT TIME ZONE 'Europe/London')::int`;

/** The outcome's label, as the decision service writes it into the chronology. */
const OUTCOME_LABEL = `CASE b.outcome ${Object.entries(outcomeLabels)
  .map(([code, label]) => `WHEN '${code}' THEN '${label}'`)
  .join(" ")} END`;

/** Why no further action waited for a lead (domain: noFurtherActionNeedsApprovalBecause). */
const APPROVAL_BECAUSE = `CASE WHEN b.age IS NULL THEN 'The child''s age is not known, so they may be under 13.'
  WHEN b.age < 13 THEN 'The child is under 13.' ELSE 'The child has a learning disability.' END`;

/** The statements that write one batch, in foreign-key order. $1 is now. */
export const INSERT_BATCH = [
  `SELECT 1 FROM "ReferenceSequence" FOR UPDATE`,
  `INSERT INTO "Referral" ("id", "reference", "status", "submittedAt", "referrerId", "referrerOrganisationId", "referrerName",
    "referrerJobTitle", "referrerPhone", "referrerBestTimeToCall", "immediateDanger", "concernDescription", "concernOccurredOn",
    "concernWhen", "concernLocation", "informationSource", "informationSourceDetail", "teamId", "routingMethod", "routingPostcode",
    "routingMatchedPrefix", "computedRisk", "computedRiskReasons", "risk", "riskReasons", "decisionDueAt", "assigneeId",
    "assignedAt", "redEscalationDueAt", "outcome", "outcomeReason", "messageToReferrer", "decidedAt", "decidedById",
    "decisionApprovedById", "decisionApprovedAt", "updatedAt")
  SELECT b.id, 'WY-' || b.year || '-' || lpad(b.sequence::text, greatest(6, length(b.sequence::text)), '0'), b.status::"ReferralStatus", b.submitted_at,
    rf.id, rf.organisation_id, rf.name, rf.job_title, '01632 960' || lpad((b.n % 1000)::text, 3, '0'),
    CASE WHEN b.u_extra < 0.5 THEN 'Weekday mornings' END, b.danger,
    (ARRAY['Seen getting into a car with older men after school; came back with a new phone.',
      'Told a teacher she has an older boyfriend who buys her alcohol and takes her to parties.',
      'Missing overnight twice this month; returned with gifts and would not say where from.',
      'Friends say he is being picked up from the park by adults none of them know.',
      'Secretive about messages on several phones; distressed after calls from an unknown number.'])[1 + (b.n % 5)]
      || ' (Fictional record generated for volume testing.)',
    (b.submitted_at AT TIME ZONE 'Europe/London')::date - (b.n % 7)::int,
    CASE WHEN b.u_extra > 0.5 THEN 'Most weekends over the last month' END,
    CASE WHEN b.u_extra > 0.3 THEN 'Near the bus station' END,
    (ARRAY['SEEN', 'HEARD', 'DISCLOSED_BY_CHILD', 'THIRD_PARTY', 'OTHER'])[1 + (b.n % 5)]::"InformationSource", NULL,
    b.team_id, a.routing_method::"RoutingMethod", a.postcode, a.matched_prefix,
    b.rating::"RiskRating", b.reasons, b.rating::"RiskRating", b.reasons, b.due_at, b.assignee_id, b.assigned_at,
    CASE WHEN b.rating = 'RED' THEN b.submitted_at + interval '1 hour' END,
    b.outcome::"Outcome",
    CASE WHEN b.outcome IS NOT NULL THEN 'Decided on the indicators and what partners know (fictional volume data).' END,
    CASE WHEN b.outcome IS NOT NULL THEN 'Thank you for your referral. The team has decided on the next steps.' END,
    b.decided_at, CASE WHEN b.outcome IS NOT NULL THEN b.assignee_id END,
    CASE WHEN b.approved THEN b.lead_id END,
    CASE WHEN b.approved THEN least($1::timestamptz, b.decided_at + interval '2 hours') END,
    coalesce(b.decided_at, b.assigned_at, b.submitted_at)
  FROM vol_batch b JOIN vol_referrer rf ON rf.idx = b.referrer_idx JOIN vol_address a ON a.idx = b.address_idx`,
  `INSERT INTO "ReferralChild" ("referralId", "givenNames", "familyName", "aliases", "dateOfBirth", "estimatedAgeYears",
    "ageAtReferral", "gender", "ethnicity", "firstLanguage", "interpreterNeeded", "disabilityOrDifficulty", "learningDisability",
    "homeAddress", "homePostcode", "school", "lookedAfter", "responsibleAuthority")
  SELECT b.id, g.given, f.family, CASE WHEN al.alias IS NULL THEN '{}'::text[] ELSE ARRAY[al.alias] END, ch.dob,
    ch.estimated_age, b.age, g.gender,
    (ARRAY['White British', 'Pakistani', 'Mixed White and Black Caribbean', 'Bangladeshi', 'White other', 'Not known'])[1 + (ch.c % 6)],
    CASE WHEN ch.c % 9 = 0 THEN 'Urdu' ELSE 'English' END,
    (CASE WHEN ch.c % 9 = 0 THEN 'YES' ELSE 'NO' END)::"YesNoUnknown",
    ch.learning_disability::"YesNoUnknown", ch.learning_disability::"YesNoUnknown",
    a.address, a.postcode,
    CASE WHEN b.age >= 11 THEN 'Moorside Academy (fictional)' ELSE 'Beckside Primary School (fictional)' END,
    ch.looked_after::"YesNoUnknown", CASE WHEN ch.looked_after = 'YES' THEN b.team_name END
  FROM vol_batch b JOIN vol_child ch ON ch.c = b.c JOIN vol_given g ON g.idx = ch.given_idx
  JOIN vol_family f ON f.idx = ch.family_idx LEFT JOIN vol_alias al ON al.idx = ch.alias_idx
  JOIN vol_address a ON a.idx = b.address_idx`,
  `INSERT INTO "InformationSharing" ("referralId", "parentsAware", "childAware", "consent", "sharingWithoutConsentReason",
    "lawfulBasis", "referrerIdentityShareable")
  SELECT b.id, (ARRAY['YES', 'NO', 'UNKNOWN'])[1 + b.n % 3]::"YesNoUnknown", (ARRAY['YES', 'NO', 'UNKNOWN'])[1 + b.n % 2]::"YesNoUnknown",
    (ARRAY['GIVEN', 'REFUSED', 'NOT_SOUGHT'])[1 + b.n % 3]::"ConsentStatus",
    CASE WHEN b.n % 3 <> 0 THEN 'Asking could place the child at risk of significant harm.' END,
    CASE WHEN b.n % 3 = 0 THEN 'CONSENT' ELSE 'PUBLIC_TASK_SAFEGUARDING' END, b.n % 4 <> 0
  FROM vol_batch b`,
  `INSERT INTO "ReferralIndicator" ("referralId", "indicatorCode", "level")
  SELECT b.id, pl.code, pl.level::"IndicatorLevel" FROM vol_batch b JOIN vol_profile_level pl ON pl.profile = b.profile`,
  `CREATE TEMP TABLE vol_batch_entity ON COMMIT DROP AS
  SELECT b.id AS referral_id, b.submitted_at, slot.position, floor(power(random(), 2) * $1)::int AS entity_idx,
    pg_temp.vol_uuid7(b.submitted_at) AS id
  FROM vol_batch b CROSS JOIN LATERAL generate_series(0, b.entity_count - 1) AS slot(position)`,
  `INSERT INTO "ConcernEntity" ("id", "referralId", "position", "kind", "name", "nicknames", "approximateAge", "phoneNumbers",
    "socialHandles", "addresses", "postcodes", "vehicleRegistrations", "description", "linkToChild")
  SELECT e.id, e.referral_id, e.position, p.kind::"ConcernKind", p.name, p.nicknames, p.approximate_age, p.phone_numbers,
    p.social_handles, p.addresses, p.postcodes, p.vehicle_registrations, p.description, p.link_to_child
  FROM vol_batch_entity e JOIN vol_entity_pool p ON p.idx = e.entity_idx`,
  `INSERT INTO "ReferralIdentifier" ("id", "referralId", "entityId", "kind", "value")
  SELECT pg_temp.vol_uuid7(x.submitted_at), x.referral_id, x.entity_id, x.kind::"IdentifierKind", x.value FROM (
    SELECT b.submitted_at, b.id AS referral_id, NULL::uuid AS entity_id, 'CHILD_NAME' AS kind, g.given_key || ' ' || f.family_key AS value
      FROM vol_batch b JOIN vol_child ch ON ch.c = b.c JOIN vol_given g ON g.idx = ch.given_idx JOIN vol_family f ON f.idx = ch.family_idx
    UNION ALL
    SELECT b.submitted_at, b.id, NULL, 'CHILD_NAME', al.alias_key || ' ' || f.family_key
      FROM vol_batch b JOIN vol_child ch ON ch.c = b.c JOIN vol_alias al ON al.idx = ch.alias_idx JOIN vol_family f ON f.idx = ch.family_idx
    UNION ALL
    SELECT b.submitted_at, b.id, NULL, 'CHILD_DOB', to_char(ch.dob, 'YYYY-MM-DD')
      FROM vol_batch b JOIN vol_child ch ON ch.c = b.c WHERE ch.dob IS NOT NULL
    UNION ALL
    SELECT b.submitted_at, b.id, NULL, 'POSTCODE', a.postcode FROM vol_batch b JOIN vol_address a ON a.idx = b.address_idx WHERE a.postcode IS NOT NULL
    UNION ALL
    SELECT b.submitted_at, b.id, NULL, 'ADDRESS', a.address_key FROM vol_batch b JOIN vol_address a ON a.idx = b.address_idx WHERE a.address_key IS NOT NULL
    UNION ALL
    SELECT e.submitted_at, e.referral_id, e.id, i.kind, i.value FROM vol_batch_entity e JOIN vol_entity_ident i ON i.entity_idx = e.entity_idx
  ) AS x`,
  `INSERT INTO "Addendum" ("id", "referralId", "authorId", "body", "createdAt")
  SELECT pg_temp.vol_uuid7(at), b.id, rf.id, 'She has been missing again since the referral (fictional volume data).', at
  FROM (SELECT *, submitted_at + ($1::timestamptz - submitted_at) / 2 AS at FROM vol_batch WHERE has_addendum) b
  JOIN vol_referrer rf ON rf.idx = b.referrer_idx`,
  `INSERT INTO "Note" ("id", "referralId", "authorId", "authorAgency", "visibility", "body", "createdAt")
  SELECT pg_temp.vol_uuid7(at), b.id, b.assignee_id, b.assignee_agency::"Agency",
    b.note_visibility::"Visibility",
    CASE WHEN b.note_visibility = 'AGENCY_ONLY' THEN 'Intelligence check on the adults named (fictional volume data).'
      ELSE 'Spoke to the school''s safeguarding lead; attendance has fallen (fictional volume data).' END, at
  FROM (SELECT *, assigned_at + (coalesce(decided_at, $1::timestamptz) - assigned_at) / 2 AS at FROM vol_batch WHERE has_note) b`,
  `INSERT INTO "ChronologyEvent" ("id", "referralId", "type", "actorId", "occurredAt", "summary", "details")
  SELECT pg_temp.vol_uuid7(x.at), x.referral_id, x.type::"ChronologyEventType", x.actor_id, x.at, x.summary, x.details FROM (
    SELECT b.id AS referral_id, 'SUBMITTED' AS type, rf.id AS actor_id, b.submitted_at AS at,
      'Referral received from ' || rf.organisation_name AS summary, '{}'::jsonb AS details
      FROM vol_batch b JOIN vol_referrer rf ON rf.idx = b.referrer_idx
    UNION ALL
    SELECT b.id, 'ROUTED', NULL, b.submitted_at, a.routed_summary,
      jsonb_build_object('teamId', b.team_id, 'method', CASE WHEN a.routing_method = 'POSTCODE_RULE' THEN 'RULE' ELSE 'HUB' END)
      FROM vol_batch b JOIN vol_address a ON a.idx = b.address_idx
    UNION ALL
    SELECT b.id, 'RISK_RATED', NULL, b.submitted_at, 'Rated ' || b.rating, jsonb_build_object('rating', b.rating, 'reasons', to_jsonb(b.reasons))
      FROM vol_batch b
    UNION ALL
    SELECT b.id, 'ASSIGNED', b.assignee_id, b.assigned_at, 'Assigned to ' || b.assignee_name, jsonb_build_object('assigneeId', b.assignee_id)
      FROM vol_batch b WHERE b.assignee_id IS NOT NULL
    UNION ALL
    SELECT b.id, 'NOTE_ADDED', b.assignee_id, b.assigned_at + (coalesce(b.decided_at, $1::timestamptz) - b.assigned_at) / 2,
      CASE WHEN b.note_visibility = 'TEAM' THEN 'Note added for the team' ELSE 'Note added for police and the lead only' END,
      jsonb_build_object('visibility', b.note_visibility, 'authorAgency', b.assignee_agency) FROM vol_batch b WHERE b.has_note
    UNION ALL
    SELECT b.id, 'ADDENDUM_ADDED', rf.id, b.submitted_at + ($1::timestamptz - b.submitted_at) / 2,
      'The referrer added an addendum', '{}'::jsonb FROM vol_batch b JOIN vol_referrer rf ON rf.idx = b.referrer_idx WHERE b.has_addendum
    UNION ALL
    SELECT b.id, 'DECISION_RECORDED', b.assignee_id, b.decided_at,
      CASE WHEN b.approved OR b.status = 'AWAITING_APPROVAL'
        THEN ${OUTCOME_LABEL} || ' proposed; it needs a lead''s approval. ' || ${APPROVAL_BECAUSE}
        ELSE 'Decision: ' || ${OUTCOME_LABEL} END,
      jsonb_build_object('outcome', b.outcome) FROM vol_batch b WHERE b.outcome IS NOT NULL
    UNION ALL
    SELECT b.id, 'DECISION_APPROVED', b.lead_id, least($1::timestamptz, b.decided_at + interval '2 hours'),
      'The lead approved: ' || ${OUTCOME_LABEL}, jsonb_build_object('outcome', b.outcome) FROM vol_batch b WHERE b.approved
    UNION ALL
    SELECT b.id, 'REFERRER_NOTIFIED', CASE WHEN b.approved THEN b.lead_id ELSE b.assignee_id END,
      CASE WHEN b.approved THEN least($1::timestamptz, b.decided_at + interval '2 hours') ELSE b.decided_at END,
      'The outcome and the message were shared with the referrer', '{}'::jsonb FROM vol_batch b WHERE b.status = 'DECIDED'
  ) AS x`,
  `INSERT INTO "Alert" ("id", "recipientId", "referralId", "teamId", "kind", "createdAt")
  SELECT pg_temp.vol_uuid7(b.submitted_at), member, b.id, b.team_id, 'RED_REFERRAL', b.submitted_at
  FROM vol_batch b CROSS JOIN LATERAL unnest(b.members) AS member
  WHERE b.status = 'SUBMITTED' AND b.rating = 'RED'`,
  `INSERT INTO "ReferenceSequence" ("year", "lastNumber")
  SELECT year, max(sequence) FROM vol_batch GROUP BY year
  ON CONFLICT ("year") DO UPDATE SET "lastNumber" = greatest("ReferenceSequence"."lastNumber", EXCLUDED."lastNumber")`,
] as const;

/** The one parameter each INSERT_BATCH statement takes: now, or the entity pool's size for the entities. */
export const batchParameters = (statement: string, now: string, entityPoolSize: number): unknown[] =>
  statement.includes("vol_batch_entity ON COMMIT") ? [entityPoolSize] : statement.includes("$1") ? [now] : [];
