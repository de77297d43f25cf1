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

/** What the process holds; the web app needs only Secrets. */
export interface StartupSecrets extends Secrets {
  /** Signs the audit chain's checkpoints; never stored in the database. */
  readonly auditCheckpointKey: Buffer;
}

const storedSecretsSchema = z.object({
  sessionSecret: z.string().min(32),
  encryptionKey: z.string(),
  // Added later: a secrets file from an older version lacks it, and gains it on the next start.
  auditCheckpointKey: z.string().optional(),
});

/**
 * Production takes its secrets from the environment (config refuses to start without them).
 * Elsewhere they are generated on first start and kept in DATA_DIR, so sessions, encrypted
 * TOTP seeds and the audit checkpoints' signatures survive a restart.
 */
export async function resolveSecrets(config: Config): Promise<StartupSecrets> {
  if (config.sessionSecret && config.encryptionKey && config.auditCheckpointKey) {
    return {
      sessionSecret: config.sessionSecret,
      encryptionKey: Buffer.from(config.encryptionKey, "base64"),
      auditCheckpointKey: Buffer.from(config.auditCheckpointKey, "base64"),
    };
  }
  const path = join(config.dataDir, "secrets.json");
  const existing = existsSync(path) ? storedSecretsSchema.parse(JSON.parse(await readFile(path, "utf8"))) : undefined;
  const stored = {
    sessionSecret: existing?.sessionSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: existing?.encryptionKey ?? randomBytes(32).toString("base64"),
    auditCheckpointKey: existing?.auditCheckpointKey ?? randomBytes(32).toString("base64"),
  };
  if (!existing || existing.auditCheckpointKey === undefined) {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(path, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    sessionSecret: config.sessionSecret ?? stored.sessionSecret,
    encryptionKey: Buffer.from(config.encryptionKey ?? stored.encryptionKey, "base64"),
    auditCheckpointKey: Buffer.from(config.auditCheckpointKey ?? stored.auditCheckpointKey, "base64"),
  };
}
