import { startScratchDatabase } from "../scratch.ts";

/** Runs `work` against a throwaway embedded PostgreSQL that is removed afterwards. */
export async function withScratchDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const database = await startScratchDatabase();
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}
