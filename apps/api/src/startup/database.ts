import { join } from "node:path";
import type { Config } from "../config.ts";
import { startEmbeddedDatabase } from "../db/embedded.ts";

export interface RunningDatabase {
  readonly url: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise a PostgreSQL cluster of our own under DATA_DIR. */
export async function openDatabase(config: Config, onLog: (line: string) => void): Promise<RunningDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const database = await startEmbeddedDatabase({
    directory: join(config.dataDir, "postgres"),
    port: config.embeddedDatabasePort,
    databaseName: "cse_referral_hub",
    onLog,
  });
  return { url: database.url, embedded: true, stop: () => database.stop() };
}
