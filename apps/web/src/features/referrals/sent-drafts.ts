/**
 * Drafts sent from this page, by id, to the referral each became: so that "back" from the
 * confirmation can say the draft was sent and link to it, rather than that it cannot be
 * opened. Held in memory only (nothing goes to browser storage), so a reload forgets it.
 */
const sent = new Map<string, string>();

export function rememberSent(draftId: string, referralId: string): void {
  sent.set(draftId, referralId);
}

export function referralSentFrom(draftId: string): string | undefined {
  return sent.get(draftId);
}
