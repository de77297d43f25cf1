import pg from "pg";

/** Held while an instance migrates, grants and seeds at start-up (any number but Prisma's 72707369). */
export const STARTUP_LOCK_KEY = 41_042_026;

/**
 * Runs `work` while holding a PostgreSQL advisory lock on its own connection, so two instances
 * starting together take turns: the second finds the work done instead of racing it (two
 * instances seeding the teams at once failed one of them on the unique team code, and two
 * granting the service's role its rights at once failed one with "tuple concurrently updated").
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => undefined);
    await client.end();
  }
}
