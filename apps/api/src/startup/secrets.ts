import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Config } from "../config.ts";

export interface Secrets {
  readonly sessionSecret: string;
  readonly encryptionKey: Buffer;
}

const storedSecretsSchema = z.object({ sessionSecret: z.string().min(32), encryptionKey: z.string() });

/**
 * Production takes its secrets from the environment (config refuses to start without them).
 * Elsewhere they are generated on first start and kept in DATA_DIR, so sessions and
 * encrypted TOTP seeds survive a restart.
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  if (config.sessionSecret && config.encryptionKey) {
    return { sessionSecret: config.sessionSecret, encryptionKey: Buffer.from(config.encryptionKey, "base64") };
  }
  const path = join(config.dataDir, "secrets.json");
  let stored: z.infer<typeof storedSecretsSchema>;
  if (existsSync(path)) {
    stored = storedSecretsSchema.parse(JSON.parse(await readFile(path, "utf8")));
  } else {
    stored = {
      sessionSecret: randomBytes(32).toString("base64url"),
      encryptionKey: randomBytes(32).toString("base64"),
    };
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(path, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    sessionSecret: config.sessionSecret ?? stored.sessionSecret,
    encryptionKey: Buffer.from(config.encryptionKey ?? stored.encryptionKey, "base64"),
  };
}
