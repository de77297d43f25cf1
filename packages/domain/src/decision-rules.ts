/** DESIGN §3: below this age, "no further action" always needs a lead's approval. */
export const NO_FURTHER_ACTION_APPROVAL_AGE = 13;

export interface ChildFactsForDecision {
  /** Whole years at referral, or null when neither a date of birth nor an estimate was given. */
  readonly ageYears: number | null;
  readonly learningDisability: "YES" | "NO" | "UNKNOWN";
}

/**
 * Why closing a referral with no further action needs a lead's approval, or null when it does
 * not. Under-13s and children with a learning disability are never closed on one person's
 * word (DESIGN §3); nor is a child whose age nobody knows, since they may be under 13.
 */
export function noFurtherActionNeedsApprovalBecause(child: ChildFactsForDecision): string | null {
  if (child.ageYears === null) return "The child's age is not known, so they may be under 13.";
  if (child.ageYears < NO_FURTHER_ACTION_APPROVAL_AGE) return "The child is under 13.";
  if (child.learningDisability === "YES") return "The child has a learning disability.";
  return null;
}
