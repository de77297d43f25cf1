import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../security/hashing.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const RECOVERY_CODE_COUNT = 10;

/** Ten characters of base32: 50 bits, shown as ABCDE-FGHIJ. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const characters = [...bytes].map((byte) => ALPHABET[byte % 32]).join("");
  return `${characters.slice(0, 5)}-${characters.slice(5)}`;
}

/** Random and long, so a fast hash is enough; normalised as the contract normalises input. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.replace(/[\s-]+/g, "").toUpperCase());
}
