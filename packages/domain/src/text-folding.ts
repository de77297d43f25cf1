/**
 * Folds free text to a matching key: compatibility forms unified, accents removed (NFKD, then
 * combining marks dropped), lower case, apostrophes removed ("O'Brien" -> "obrien"), and every
 * other run of punctuation or space made one space ("Smith-Jones" -> "smith jones").
 */
export function foldText(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`ʼ]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Words referrers type when they do not know a value. Stored as identifiers they would link
 * every referral that says "unknown" to every other, so they are dropped. Folded forms.
 */
export const NOT_KNOWN_VALUES: ReadonlySet<string> = new Set([
  "unknown",
  "not known",
  "unk",
  "n a",
  "na",
  "n k",
  "nk",
  "none",
  "nil",
  "no",
  "nothing",
  "tbc",
  "tba",
  "not sure",
  "unsure",
  "dont know",
  "do not know",
  "not given",
  "not provided",
  "anon",
  "anonymous",
  "nfa",
  "no fixed abode",
  "x",
  "xx",
  "xxx",
]);

/** Also catches descriptions such as "unknown male" or "unidentified man". */
export function isNotKnown(folded: string): boolean {
  if (NOT_KNOWN_VALUES.has(folded)) return true;
  const firstWord = folded.split(" ")[0];
  return firstWord === "unknown" || firstWord === "unidentified" || firstWord === "unnamed";
}
