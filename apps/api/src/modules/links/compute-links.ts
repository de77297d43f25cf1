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

interface ExactMatch {
  referralId: string;
  kind: IdentifierKind;
  value: string;
}
interface SimilarName {
  referralId: string;
  kind: "CHILD_NAME" | "PERSON_NAME";
  mine: string;
}

async function exactMatches(tx: Transaction, referralId: string): Promise<ExactMatch[]> {
  return tx.$queryRaw<ExactMatch[]>`
    SELECT DISTINCT other."referralId"::text AS "referralId", other."kind"::text AS "kind", other."value"
      FROM "ReferralIdentifier" mine
      JOIN "ReferralIdentifier" other
        ON other."kind" = mine."kind" AND other."value" = mine."value" AND other."referralId" <> mine."referralId"
     WHERE mine."referralId" = ${referralId}::uuid`;
}

async function similarNames(tx: Transaction, referralId: string): Promise<SimilarName[]> {
  // The literal kinds on both sides let the planner use the partial trigram index.
  return tx.$queryRaw<SimilarName[]>`
    SELECT DISTINCT other."referralId"::text AS "referralId", other."kind"::text AS "kind", mine."value" AS "mine"
      FROM "ReferralIdentifier" mine
      JOIN "ReferralIdentifier" other
        ON other."kind" = mine."kind" AND other."value" % mine."value"
       AND other."value" <> mine."value" AND other."referralId" <> mine."referralId"
     WHERE mine."referralId" = ${referralId}::uuid
       AND mine."kind" IN ('CHILD_NAME', 'PERSON_NAME') AND other."kind" IN ('CHILD_NAME', 'PERSON_NAME')`;
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

/** Everything the database finds in common between the referral and each other referral. */
async function gatherEvidence(tx: Transaction, referralId: string): Promise<LinkEvidence[]> {
  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${NAME_SIMILARITY_THRESHOLD}`);
  // One after the other: a transaction is one connection.
  const exact = await exactMatches(tx, referralId);
  const similar = await similarNames(tx, referralId);
  const evidence = new Map<
    string,
    { shared: SharedIdentifier[]; similarChildName: boolean; similarPersonNames: Set<string> }
  >();
  const entry = (id: string) => {
    let found = evidence.get(id);
    if (!found) evidence.set(id, (found = { shared: [], similarChildName: false, similarPersonNames: new Set() }));
    return found;
  };
  for (const match of exact) entry(match.referralId).shared.push({ kind: match.kind, value: match.value });
  for (const match of similar) {
    if (match.kind === "CHILD_NAME") entry(match.referralId).similarChildName = true;
    else entry(match.referralId).similarPersonNames.add(match.mine);
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
  const mine = children.get(referralId);

  return [...evidence.entries()].map(([id, found]) => {
    const theirs = children.get(id);
    const exactPersonNames = new Set(found.shared.filter((item) => item.kind === "PERSON_NAME").map((i) => i.value));
    return {
      referralId: id,
      shared: found.shared,
      similarChildName: found.similarChildName,
      similarPersonNames: [...found.similarPersonNames].filter((name) => !exactPersonNames.has(name)).length,
      childByAgeAndArea: mine !== undefined && theirs !== undefined && sameChildByAgeAndArea(mine, theirs),
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
      return db.$transaction(async (tx) => {
        const exists = await tx.referral.findUnique({ where: { id: referralId }, select: { id: true } });
        if (!exists) return [];
        const links = (await gatherEvidence(tx, referralId))
          .map((evidence) => assessLink(evidence))
          .filter((link): link is ScoredLink => link !== null);
        const computedAt = clock.now();
        for (const link of links) {
          const pair = orderedPair(referralId, link.referralId);
          const found = { score: link.score, sameChild: link.sameChild, reasons: [...link.shares], computedAt };
          await tx.referralLink.upsert({
            where: { firstId_secondId: pair },
            create: { ...pair, ...found },
            update: found,
          });
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
      });
    },
  };
}

export type LinkComputation = ReturnType<typeof createLinkComputation>;
