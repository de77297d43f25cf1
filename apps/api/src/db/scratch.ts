import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded.ts";

/** A throwaway PostgreSQL cluster in a temporary directory, on a free port. */
export async function startScratchDatabase(databaseName = "scratch"): Promise<EmbeddedDatabase> {
  const directory = await mkdtemp(join(tmpdir(), "cse-pg-"));
  // As root the server runs as the `postgres` user, which must be able to enter the directory.
  await chmod(directory, 0o755);
  const database = await startEmbeddedDatabase({
    directory,
    port: await findFreePort(),
    databaseName,
    ephemeral: true,
  });
  return {
    ...database,
    stop: async () => {
      await database.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
