import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";

export type Database = InstanceType<typeof PrismaClient>;

export interface DatabaseOptions {
  readonly url: string;
  readonly maxConnections?: number;
  /**
   * The service's bound on waiting for the database: for a connection from the pool, and for
   * any one query. Without it a request would hang for as long as the database is unreachable.
   * Command-line tools (seeding a million rows) leave it unset.
   */
  readonly timeoutMs?: number;
}

/** The only place a Prisma client is made; services receive it from the composition root. */
export function createDatabaseClient(options: DatabaseOptions): Database {
  const adapter = new PrismaPg({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Fail fast rather than queue forever when the pool is exhausted.
    connectionTimeoutMillis: options.timeoutMs ?? 10_000,
    ...(options.timeoutMs ? { query_timeout: options.timeoutMs } : {}),
  });
  return new PrismaClient({ adapter });
}

/** What a service receives inside `db.$transaction(async (tx) => ...)`. */
export type Transaction = Prisma.TransactionClient;
