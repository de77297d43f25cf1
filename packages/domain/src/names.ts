import { canonicalGivenName } from "./nicknames.ts";
import { foldText, isNotKnown } from "./text-folding.ts";

function words(text: string): string[] {
  return foldText(text)
    .split(" ")
    .filter((word) => word !== "");
}

/**
 * A name as a matching key: "Bobby O'Brien-Smith" -> "robert obrien smith". Every given name
 * is mapped through the nickname table (consistently, so both sides of a match agree); the
 * family name never is, so "Tom Bill" stays "thomas bill". Returns "" when nothing usable is
 * left, or when either part is "Unknown" or the like.
 */
export function normalisePersonName(givenNames: string, familyName: string): string {
  const given = words(givenNames);
  const family = words(familyName);
  // "Bobby Unknown" would otherwise link every Bobby whose family name was not known.
  if ([given, family].some((part) => part.length > 0 && isNotKnown(part.join(" ")))) return "";
  return [...given.map(canonicalGivenName), ...family].join(" ");
}

/**
 * A name written as one string ("Bob Smith", or a street name such as "Little Bob"): every
 * word but the last is taken as a given name, and a single word as a given name too, since a
 * lone word is far more often a first name or nickname than a surname.
 */
export function normaliseFreeName(fullName: string): string {
  const all = words(fullName);
  // "Mo unknown" or "Dave (surname not known)" name no one in particular.
  if (all.length === 0 || isNotKnown(all.join(" ")) || all.at(-1) === "unknown" || all.at(-1) === "known") return "";
  if (all.length === 1) return all.map(canonicalGivenName).join(" ");
  return [...all.slice(0, -1).map(canonicalGivenName), ...all.slice(-1)].join(" ");
}
