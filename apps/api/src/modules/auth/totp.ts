import { generateSecret, generateURI, verify } from "otplib";

/** Accept the previous and next 30-second step too, for phones whose clocks drift. */
const TOLERANCE_SECONDS = 30;
const ISSUER = "CSE Referral Hub";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/**
 * Checks a code and returns the time-step it belongs to, or null. The caller refuses any
 * step at or before the last one accepted, so a code cannot be replayed.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  options: { afterTimeStep?: number | null; now?: number } = {},
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    epoch: Math.floor((options.now ?? Date.now()) / 1000),
    ...(options.afterTimeStep != null ? { afterTimeStep: options.afterTimeStep } : {}),
  });
  // The functional API types HOTP and TOTP results together; a TOTP match always has its step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
