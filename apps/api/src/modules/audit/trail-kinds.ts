import type { AuditTrailKind } from "@cse/contracts/oversight";

/** Actions that read a referral without changing it. */
const OPENING_ACTIONS: ReadonlySet<string> = new Set([
  "referral.read",
  "referral.links.read",
  "referral.network.read",
  "transfer.review",
  "referral.audit",
]);

/**
 * What an entry was, for the referral it is shown under. An entry that names the referral only
 * among its details' ids was a list (or an export) in which it appeared.
 */
export function trailKindOf(
  entry: { readonly action: string; readonly outcome: string; readonly referralId: string | null },
  referralId: string,
): AuditTrailKind {
  if (entry.outcome === "DENIED") return "refused";
  if (entry.action === "referral.export") return "exported";
  if (entry.referralId !== referralId) return "listed";
  if (OPENING_ACTIONS.has(entry.action)) return "opened";
  return "changed";
}
