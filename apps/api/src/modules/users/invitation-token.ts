import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../security/hashing.ts";

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

/** Only the hash is stored: a copy of the database does not give anyone a working link. */
export function hashInvitationToken(token: string): string {
  return sha256Hex(token);
}

export const invitationPath = (token: string) => `/invitations/${token}`;
