import {
  assessLink,
  normaliseDateOfBirth,
  sameChildByAgeAndArea,
  type ChildForComparison,
  type IdentifierKind,
  type LinkEvidence,
  type ScoredLink,
  type SharedIdentifier,
} from "@cse/domain";
import type { Database, Transaction } from "../../db/client.ts";
import type { Clock } from "../../services/clock.ts";

/**
 * How alike two names must be, as pg_trgm's similarity (shared trigrams over all trigrams).
 * Measured: "olivia brown"/"olivia bown" 0.67, "jack smith"/"jack smyth" 0.57, "amira khan"/
 * "amira kahn" 0.47, while "jack smith"/"jack jones" is 0.31. A similar name never links on
 * its own (see assessLink): it needs the date of birth, or age and area, or more besides.
 */
export const NAME_SIMILARITY_THRESHOLD = 0.45;

interface Identifier {
  kind: IdentifierKind;
  value: string;
}
interface Found {
  referralId: string;
  kind: IdentifierKind;
  value: string;
}
interface SimilarName {
  kind: "CHILD_NAME" | "PERSON_NAME";
  theirs: string;
  mine: string;
}

/** Kinds that put another referral in the running by an exact match on their own. */
const CANDIDATE_KINDS = ["PHONE", "VEHICLE", "HANDLE", "ADDRESS", "POSTCODE", "CHILD_NAME"] as const;

async function identifiersOf(tx: Transaction, referralId: string): Promise<Identifier[]> {
  return tx.$queryRaw<Identifier[]>`
    SELECT DISTINCT "kind"::text AS "kind", "value" FROM "ReferralIdentifier" WHERE "referralId" = ${referralId}::uuid`;
}

/** Names like the referral's but not the same, over the distinct names (IdentifierName). */
async function similarNames(tx: Transaction, names: Identifier[]): Promise<SimilarName[]> {
  if (names.length === 0) return [];
  return tx.$queryRaw<SimilarName[]>`
    SELECT n."kind"::text AS "kind", n."value" AS "theirs", m."value" AS "mine"
      FROM unnest(${names.map((name) => name.kind)}::text[], ${names.map((name) => name.value)}::text[]) AS m("kind", "value")
      JOIN "IdentifierName" n ON n."kind" = m."kind"::"IdentifierKind" AND n."value" % m."value" AND n."value" <> m."value"`;
}

/**
 * The referrals that could link, found without reading the identifiers that never link on
 * their own (a person's name, a date of birth: thousands of rows each for the common ones):
 * every link needs an exact phone, vehicle, handle, address or postcode, or the child's name
 * (exact, or similar with the same date of birth or with a date missing on one side: the
 * age-and-area fallback). See assessLink.
 */
async function candidates(
  tx: Transaction,
  referralId: string,
  mine: Identifier[],
  similarChildNames: string[],
): Promise<string[]> {
  const anchors = mine.filter((item) => (CANDIDATE_KINDS as readonly string[]).includes(item.kind));
  const myDateOfBirth = mine.find((item) => item.kind === "CHILD_DOB")?.value ?? null;
  const rows = await tx.$queryRaw<{ referralId: string }[]>`
    SELECT other."referralId"::text AS "referralId"
      FROM unnest(${anchors.map((item) => item.kind)}::text[], ${anchors.map((item) => item.value)}::text[]) AS m("kind", "value")
      JOIN "ReferralIdentifier" other ON other."kind" = m."kind"::"IdentifierKind" AND other."value" = m."value"
     WHERE other."referralId" <> ${referralId}::uuid
    UNION
    SELECT other."referralId"::text
      FROM "ReferralIdentifier" other
     WHERE other."kind" = 'CHILD_NAME' AND other."value" = ANY(${similarChildNames}::text[])
       AND other."referralId" <> ${referralId}::uuid
       AND (${myDateOfBirth}::text IS NULL OR NOT EXISTS (
             SELECT 1 FROM "ReferralIdentifier" dob
              WHERE dob."referralId" = other."referralId" AND dob."kind" = 'CHILD_DOB' AND dob."value" <> ${myDateOfBirth}::text))`;
  return rows.map((row) => row.referralId);
}

/** What each candidate holds of the referral's identifiers, exactly or (names) similarly. */
async function sharedWith(
  tx: Transaction,
  candidateIds: string[],
  mine: Identifier[],
  similar: SimilarName[],
): Promise<Found[]> {
  if (candidateIds.length === 0) return [];
  const wanted = [...mine, ...similar.map((name) => ({ kind: name.kind, value: name.theirs }))];
  return tx.$queryRaw<Found[]>`
    SELECT DISTINCT other."referralId"::text AS "referralId", other."kind"::text AS "kind", other."value"
      FROM unnest(${candidateIds}::uuid[]) AS c("id")
      JOIN "ReferralIdentifier" other ON other."referralId" = c."id"
      JOIN unnest(${wanted.map((item) => item.kind)}::text[], ${wanted.map((item) => item.value)}::text[]) AS w("kind", "value")
        ON other."kind" = w."kind"::"IdentifierKind" AND other."value" = w."value"`;
}

async function childrenForComparison(tx: Transaction, ids: string[]): Promise<Map<string, ChildForComparison>> {
  const rows = await tx.referralChild.findMany({
    where: { referralId: { in: ids } },
    select: { referralId: true, dateOfBirth: true, ageAtReferral: true, homePostcode: true, currentPostcode: true },
  });
  return new Map(
    rows.map((row) => [
      row.referralId,
      {
        dateOfBirth: normaliseDateOfBirth(row.dateOfBirth),
        ageAtReferral: row.ageAtReferral,
        postcodes: [row.homePostcode, row.currentPostcode],
      },
    ]),
  );
}

/** Everything the database finds in common between the referral and each other referral that could link. */
async function gatherEvidence(tx: Transaction, referralId: string): Promise<LinkEvidence[]> {
  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY_THRESHOLD}`);
  // One after the other: a transaction is one connection.
  const mine = await identifiersOf(tx, referralId);
  const similar = await similarNames(
    tx,
    mine.filter((item) => item.kind === "CHILD_NAME" || item.kind === "PERSON_NAME"),
  );
  const similarChildNames = similar.filter((name) => name.kind === "CHILD_NAME").map((name) => name.theirs);
  const found = await sharedWith(tx, await candidates(tx, referralId, mine, similarChildNames), mine, similar);

  const mineByValue = new Set(mine.map((item) => `${item.kind}|${item.value}`));
  const similarMine = new Map(similar.map((name) => [`${name.kind}|${name.theirs}`, name.mine]));
  const evidence = new Map<
    string,
    { shared: SharedIdentifier[]; similarChildName: boolean; similarPersonNames: Set<string> }
  >();
  const entry = (id: string) => {
    let existing = evidence.get(id);
    if (!existing)
      evidence.set(id, (existing = { shared: [], similarChildName: false, similarPersonNames: new Set() }));
    return existing;
  };
  for (const match of found) {
    const key = `${match.kind}|${match.value}`;
    if (mineByValue.has(key)) entry(match.referralId).shared.push({ kind: match.kind, value: match.value });
    const like = similarMine.get(key);
    if (like !== undefined) {
      if (match.kind === "CHILD_NAME") entry(match.referralId).similarChildName = true;
      else entry(match.referralId).similarPersonNames.add(like);
    }
  }

  // Name, age and area stands in for the date of birth only where a date is missing.
  const namedWithoutDate = [...evidence.entries()]
    .filter(
      ([, found]) =>
        (found.similarChildName || found.shared.some((item) => item.kind === "CHILD_NAME")) &&
        !found.shared.some((item) => item.kind === "CHILD_DOB"),
    )
    .map(([id]) => id);
  const children = namedWithoutDate.length
    ? await childrenForComparison(tx, [referralId, ...namedWithoutDate])
    : new Map<string, ChildForComparison>();
  const myChild = children.get(referralId);

  return [...evidence.entries()].map(([id, found]) => {
    const theirs = children.get(id);
    const exactPersonNames = new Set(found.shared.filter((item) => item.kind === "PERSON_NAME").map((i) => i.value));
    return {
      referralId: id,
      shared: found.shared,
      similarChildName: found.similarChildName,
      similarPersonNames: [...found.similarPersonNames].filter((name) => !exactPersonNames.has(name)).length,
      childByAgeAndArea: myChild !== undefined && theirs !== undefined && sameChildByAgeAndArea(myChild, theirs),
    };
  });
}

const orderedPair = (a: string, b: string) => (a < b ? { firstId: a, secondId: b } : { firstId: b, secondId: a });

/**
 * Finds and stores the links of one referral. Safe to run any number of times, at once on
 * several instances: each pair is one row (lower id first, unique), written by upsert, and the
 * result depends only on the identifiers, which never change once submitted. A lead's "not the
 * same" is kept whatever the score becomes.
 */
export function createLinkComputation({ db, clock }: { db: Database; clock: Clock }) {
  return {
    async computeFor(referralId: string): Promise<ScoredLink[]> {
      return db.$transaction(
        async (tx) => {
          const exists = await tx.referral.findUnique({ where: { id: referralId }, select: { id: true } });
          if (!exists) return [];
          const links = (await gatherEvidence(tx, referralId))
            .map((evidence) => assessLink(evidence))
            .filter((link): link is ScoredLink => link !== null);
          const computedAt = clock.now();
          // One statement for all of them: a referral near a busy place of concern has hundreds.
          const rows = links.map((link) => ({
            ...orderedPair(referralId, link.referralId),
            score: link.score,
            sameChild: link.sameChild,
            reasons: [...link.shares],
          }));
          if (rows.length > 0) {
            await tx.$executeRaw`
            INSERT INTO "ReferralLink" ("id", "firstId", "secondId", "score", "sameChild", "reasons", "computedAt")
            SELECT uuidv7(), x."firstId", x."secondId", x."score", x."sameChild", x."reasons", ${computedAt}
              FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                   AS x("firstId" uuid, "secondId" uuid, "score" int, "sameChild" boolean, "reasons" text[])
            ON CONFLICT ("firstId", "secondId") DO UPDATE
               SET "score" = EXCLUDED."score", "sameChild" = EXCLUDED."sameChild",
                   "reasons" = EXCLUDED."reasons", "computedAt" = EXCLUDED."computedAt"`;
          }
          // A pair that no longer stands (the rules changed) goes, unless a lead dismissed it:
          // that record of a decision stays.
          const kept = links.map((link) => link.referralId);
          await tx.referralLink.deleteMany({
            where: {
              dismissedAt: null,
              OR: [
                { firstId: referralId, secondId: { notIn: kept } },
                { secondId: referralId, firstId: { notIn: kept } },
              ],
            },
          });
          return links;
        },
        // Prisma's default is 5 s. A referral beside the busiest seeded phone has 5,000 links;
        // on a loaded machine its job must still finish rather than fail and retry for ever.
        { timeout: 60_000 },
      );
    },
  };
}

export type LinkComputation = ReturnType<typeof createLinkComputation>;
