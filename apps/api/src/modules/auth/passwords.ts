import argon2 from "argon2";

/**
 * argon2id at OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane). The parameters
 * are written into each hash, so raising them here re-hashes users as they next sign in.
 */
export const PASSWORD_HASH_PARAMETERS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, PASSWORD_HASH_PARAMETERS);
}
