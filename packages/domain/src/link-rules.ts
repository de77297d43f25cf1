import { DEFAULT_LINK_WEIGHTS, scoreLinks, type LinkWeights, type ScoredLink, type SharedIdentifier } from "./links.ts";
import { parsePostcode } from "./postcode.ts";
import type { IdentifierKind } from "./referral-identifiers.ts";

/**
 * What another referral shares with the one in hand, as the database found it: exact matches
 * on the normalised identifiers, plus names that are only similar (trigrams: a typo in a
 * surname) and the child without a date of birth to compare.
 */
export interface LinkEvidence {
  readonly referralId: string;
  /** Exact matches on normalised values (the child's name and date of birth included). */
  readonly shared: readonly SharedIdentifier[];
  /** The child's name is similar but not the same ("Olivia Brown" and "Olivia Bown"). */
  readonly similarChildName: boolean;
  /** Names of people of concern that are similar but not the same. */
  readonly similarPersonNames: number;
  /** Same or similar name, age within a year and the same postcode district, with no date of birth to compare. */
  readonly childByAgeAndArea: boolean;
}

/**
 * A shared phone, vehicle, handle or address of concern points at the same adults or places
 * on its own (the Rotherham pattern). A person's name or a postcode does not: many people
 * share a name, many homes a postcode. Those count only together.
 */
const ENOUGH_ALONE: readonly IdentifierKind[] = ["PHONE", "VEHICLE", "HANDLE", "ADDRESS"];
const ONLY_TOGETHER: readonly IdentifierKind[] = ["PERSON_NAME", "POSTCODE"];

/** The weight of "probably the same child" without a date of birth: below a name and a date. */
const SAME_CHILD_BY_AGE_AND_AREA_SHARE = 0.8;

/**
 * Whether the evidence is worth putting in front of a team, and how strongly: the domain's
 * scoreLinks ranks it, after the rules of what counts. A child's name alone ("Jack Smith") or
 * a date of birth alone never links: the child counts only with name and date of birth
 * together, or name, age and area when a date of birth is missing. Null when nothing stands.
 */
export function assessLink(evidence: LinkEvidence, weights: LinkWeights = DEFAULT_LINK_WEIGHTS): ScoredLink | null {
  const exactChildName = evidence.shared.some((item) => item.kind === "CHILD_NAME");
  const childName = exactChildName || evidence.similarChildName;
  const dateOfBirth = evidence.shared.some((item) => item.kind === "CHILD_DOB");
  const sameChildByDate = childName && dateOfBirth;
  const sameChildByArea = !sameChildByDate && childName && evidence.childByAgeAndArea;

  const shared: SharedIdentifier[] = evidence.shared.filter(
    (item) => sameChildByDate || (item.kind !== "CHILD_NAME" && item.kind !== "CHILD_DOB"),
  );
  if (sameChildByDate && !exactChildName) shared.push({ kind: "CHILD_NAME", value: "similar" });
  for (let index = 0; index < evidence.similarPersonNames; index++) {
    shared.push({ kind: "PERSON_NAME", value: `similar-${index}` });
  }

  const kinds = new Set(shared.map((item) => item.kind));
  const alone = ENOUGH_ALONE.some((kind) => kinds.has(kind));
  const together = ONLY_TOGETHER.filter((kind) => kinds.has(kind)).length >= 2;
  if (!sameChildByDate && !sameChildByArea && !alone && !together) return null;

  const [scored] = scoreLinks([{ referralId: evidence.referralId, shared }], weights);
  const base: ScoredLink = scored ?? { referralId: evidence.referralId, score: 0, sameChild: false, shares: [] };
  if (sameChildByDate && !exactChildName) {
    return {
      ...base,
      shares: ["Same child: similar name and the same date of birth", ...base.shares.slice(1)],
    };
  }
  if (sameChildByArea) {
    return {
      ...base,
      score: base.score + Math.round(weights.sameChild * SAME_CHILD_BY_AGE_AND_AREA_SHARE),
      sameChild: true,
      shares: [
        `Probably the same child: ${exactChildName ? "same" : "similar"} name, age and area (no date of birth to compare)`,
        ...base.shares,
      ],
    };
  }
  return base;
}

export interface ChildForComparison {
  readonly dateOfBirth: string | null;
  readonly ageAtReferral: number | null;
  readonly postcodes: readonly (string | null)[];
}

/**
 * The fallback for "same child" when either referral has no date of birth: ages (at each
 * referral) within a year of each other, and a postcode district (LS29, BD3) in common. The
 * name is compared by the caller.
 */
export function sameChildByAgeAndArea(a: ChildForComparison, b: ChildForComparison): boolean {
  if (a.dateOfBirth !== null && b.dateOfBirth !== null) return false;
  if (a.ageAtReferral === null || b.ageAtReferral === null) return false;
  if (Math.abs(a.ageAtReferral - b.ageAtReferral) > 1) return false;
  const districts = (child: ChildForComparison) =>
    new Set(
      child.postcodes.flatMap((code) => {
        const parsed = code ? parsePostcode(code) : null;
        return parsed ? [parsed.district] : [];
      }),
    );
  const theirs = districts(b);
  return [...districts(a)].some((district) => theirs.has(district));
}
