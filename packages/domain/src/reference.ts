/** "WY-2026-000123": the year and a sequence, zero-padded to six digits and longer if needed. */
const REFERENCE = /^WY-(\d{4})-(\d{6,})$/;

export interface ReferralReference {
  readonly year: number;
  readonly sequence: number;
}

function assertParts(year: number, sequence: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a reference year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Not a reference sequence: ${sequence}`);
}

/** The reference a referrer quotes on the phone: formatReferralReference(2026, 123) is "WY-2026-000123". */
export function formatReferralReference(year: number, sequence: number): string {
  assertParts(year, sequence);
  return `WY-${year}-${String(sequence).padStart(6, "0")}`;
}

/**
 * Reads a reference in any case with surrounding space. Only the form formatReferralReference
 * writes is accepted (so "WY-2026-0000123" is refused), which keeps one reference per referral.
 */
export function parseReferralReference(input: string): ReferralReference | null {
  const match = REFERENCE.exec(input.trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (year < 1000 || sequence < 1 || !Number.isSafeInteger(sequence)) return null;
  if (formatReferralReference(year, sequence) !== match[0]) return null;
  return { year, sequence };
}
