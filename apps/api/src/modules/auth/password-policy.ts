import { dictionary } from "@zxcvbn-ts/language-common";
import { MAXIMUM_PASSWORD_LENGTH, MINIMUM_PASSWORD_LENGTH } from "@cse/contracts";

// About 49,000 of the most common passwords from public breach corpora.
const commonPasswords = new Set(dictionary["passwords-common"].map((password) => password.toLowerCase()));

/** Words anyone guessing at this service would try first. */
const contextWords = ["cse referral hub", "csereferralhub", "referral", "safeguarding", "westyorkshire", "password"];

const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm"];

function isRepetitive(password: string): boolean {
  // The whole password is one short unit repeated: "aaaaaaaaaaaa", "abcabcabcabc".
  for (let size = 1; size <= 4; size += 1) {
    const unit = password.slice(0, size);
    if (unit.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) return true;
  }
  return false;
}

function isSequential(password: string): boolean {
  return SEQUENCES.some((sequence) => {
    const doubled = sequence + sequence;
    return doubled.includes(password) || [...doubled].reverse().join("").includes(password);
  });
}

/**
 * Length plus a deny-list, as NCSC and NIST advise: no composition rules. Returns the reason
 * a password is refused, in words for the person choosing it, or null when it is acceptable.
 */
export function passwordProblem(
  password: string,
  personal: { email?: string; displayName?: string } = {},
): string | null {
  if (password.length < MINIMUM_PASSWORD_LENGTH)
    return `Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAXIMUM_PASSWORD_LENGTH)
    return `Password must be ${MAXIMUM_PASSWORD_LENGTH} characters or fewer`;
  const folded = password.toLowerCase();
  const withoutTrailingDigits = folded.replace(/[\d\W_]+$/, "");
  if (commonPasswords.has(folded) || commonPasswords.has(withoutTrailingDigits)) {
    return "This is a commonly used password. Choose one that is harder to guess, like three random words";
  }
  if (isRepetitive(folded) || isSequential(folded)) {
    return "Password must not be a repeated or sequential pattern. Try three random words";
  }
  const squashed = folded.replace(/[\s\W_\d]+/g, "");
  const personalWords = [
    personal.email
      ?.split("@")[0]
      ?.toLowerCase()
      .replace(/[\W_\d]+/g, ""),
    personal.displayName?.toLowerCase().replace(/[\W_\d]+/g, ""),
    ...contextWords.map((word) => word.replace(/\s+/g, "")),
  ].filter((word): word is string => Boolean(word) && word!.length >= 4);
  if (
    personalWords.some((word) => squashed === word || (squashed.includes(word) && squashed.length - word.length < 6))
  ) {
    return "Password must not be based on your name, email address or the name of this service";
  }
  return null;
}
