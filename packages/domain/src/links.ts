import type { IdentifierKind } from "./referral-identifiers.ts";

export interface LinkWeights {
  /** Per shared value of each kind. */
  readonly kinds: Readonly<Record<IdentifierKind, number>>;
  /** Name and date of birth together: the same child. Replaces the weights of the two. */
  readonly sameChild: number;
}

/**
 * How much sharing each kind of identifier says about two referrals being connected. Data, so
 * the partnership can tune it. A shared phone, vehicle or handle of concern is strong (the
 * Rotherham pattern: different children, the same adults and cars); a date of birth alone is
 * weak, since many children share one; a postcode is weak, since streets share one.
 */
export const DEFAULT_LINK_WEIGHTS: LinkWeights = {
  kinds: {
    CHILD_NAME: 30,
    CHILD_DOB: 5,
    PERSON_NAME: 25,
    PHONE: 50,
    VEHICLE: 50,
    HANDLE: 50,
    ADDRESS: 25,
    POSTCODE: 10,
  },
  sameChild: 100,
};

export interface SharedIdentifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

export interface LinkCandidate {
  readonly referralId: string;
  /** The identifiers this referral shares with the one in hand. */
  readonly shared: readonly SharedIdentifier[];
}

export interface ScoredLink {
  readonly referralId: string;
  readonly score: number;
  /** Same child name and date of birth: probably a repeat referral about the same child. */
  readonly sameChild: boolean;
  /** What the two share, in words. Never the values: these reasons appear in lists and logs. */
  readonly shares: readonly string[];
}

const SHARE_WORDS: Readonly<Record<IdentifierKind, readonly [one: string, many: string]>> = {
  CHILD_NAME: ["Same child's name", "Same child's names"],
  CHILD_DOB: ["Same child's date of birth", "Same child's date of birth"],
  PERSON_NAME: ["Same name of a person of concern", "Same names of people of concern"],
  PHONE: ["Same phone number of concern", "Same phone numbers of concern"],
  VEHICLE: ["Same vehicle of concern", "Same vehicles of concern"],
  HANDLE: ["Same social media handle of concern", "Same social media handles of concern"],
  ADDRESS: ["Same address", "Same addresses"],
  POSTCODE: ["Same postcode", "Same postcodes"],
};

/** Order reasons are listed in: the child first, then the strongest signs of a network. */
const REASON_ORDER: readonly IdentifierKind[] = [
  "CHILD_NAME",
  "CHILD_DOB",
  "PHONE",
  "VEHICLE",
  "HANDLE",
  "PERSON_NAME",
  "ADDRESS",
  "POSTCODE",
];

function scoreOne(candidate: LinkCandidate, weights: LinkWeights): ScoredLink {
  const distinct = new Map<IdentifierKind, Set<string>>();
  for (const { kind, value } of candidate.shared) distinct.set(kind, (distinct.get(kind) ?? new Set()).add(value));
  const count = (kind: IdentifierKind) => distinct.get(kind)?.size ?? 0;
  const sameChild = count("CHILD_NAME") > 0 && count("CHILD_DOB") > 0;

  let score = sameChild ? weights.sameChild : 0;
  const shares = sameChild ? ["Same child: name and date of birth"] : [];
  for (const kind of REASON_ORDER) {
    const shared = count(kind);
    if (shared === 0 || (sameChild && (kind === "CHILD_NAME" || kind === "CHILD_DOB"))) continue;
    score += shared * weights.kinds[kind];
    const [one, many] = SHARE_WORDS[kind];
    shares.push(shared === 1 ? one : `${many} (${shared})`);
  }
  return { referralId: candidate.referralId, score, sameChild, shares };
}

/**
 * Ranks the referrals that share something with the one in hand: highest score first, ties
 * by referral id so the order never changes between two looks. Each distinct shared value
 * counts once however often it was listed. Candidates that share nothing are left out.
 */
export function scoreLinks(
  candidates: readonly LinkCandidate[],
  weights: LinkWeights = DEFAULT_LINK_WEIGHTS,
): ScoredLink[] {
  return candidates
    .filter((candidate) => candidate.shared.length > 0)
    .map((candidate) => scoreOne(candidate, weights))
    .sort((a, b) => b.score - a.score || (a.referralId < b.referralId ? -1 : a.referralId > b.referralId ? 1 : 0));
}
