import { createHash } from "node:crypto";
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

/** How many distinct statements each connection keeps prepared, at most. */
export const PREPARED_STATEMENTS_MAX = 200;

/**
 * Names the statements that repeat, so each connection parses and plans them once rather than on
 * every request (planning the referral file's statement took longer than running it). A
 * statement is named from the second time it is seen, and only up to PREPARED_STATEMENTS_MAX
 * of them: one-off texts (a bulk insert of some length, say) stay unnamed, so what the database
 * keeps prepared stays bounded.
 */
export function preparedStatementNames(max = PREPARED_STATEMENTS_MAX) {
  const names = new Map<string, string>();
  // Texts seen once, forgotten when the list grows long so that one-off texts cannot fill memory.
  let seenOnce = new Set<string>();
  // An empty name is pg's unnamed statement: parsed and planned for this execution only.
  return ({ sql }: { sql: string }): string => {
    const name = names.get(sql);
    if (name !== undefined) return name;
    if (names.size >= max) return "";
    if (!seenOnce.has(sql)) {
      if (seenOnce.size >= max * 4) seenOnce = new Set();
      seenOnce.add(sql);
      return "";
    }
    seenOnce.delete(sql);
    const named = `s${createHash("sha1").update(sql).digest("base64url")}`;
    names.set(sql, named);
    return named;
  };
}

/** The only place a Prisma client is made; services receive it from the composition root. */
export function createDatabaseClient(options: DatabaseOptions): Database {
  const adapter = new PrismaPg(
    {
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      // Fail fast rather than queue forever when the pool is exhausted.
      connectionTimeoutMillis: options.timeoutMs ?? 10_000,
      ...(options.timeoutMs ? { query_timeout: options.timeoutMs } : {}),
    },
    { statementNameGenerator: preparedStatementNames() },
  );
  return new PrismaClient({ adapter });
}

/** What a service receives inside `db.$transaction(async (tx) => ...)`. */
export type Transaction = Prisma.TransactionClient;
