import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Clock } from "../services/clock.ts";
import { buildTestApp, type LogCapture } from "./app.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";

export interface TestAppContext {
  readonly test: TestDatabase;
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
}

/**
 * A database of the describe block's own and the real app on it, built before its tests and
 * removed after them. Read the fields inside tests (they are set in beforeAll).
 */
export function useTestApp(overrides: Record<string, string> = {}, options: { clock?: Clock } = {}): TestAppContext {
  const context = {} as { test: TestDatabase; app: FastifyInstance; logs: LogCapture };
  beforeAll(async () => {
    context.test = await createTestDatabase();
    const built = await buildTestApp(context.test.db, overrides, undefined, options.clock);
    context.app = built.app;
    context.logs = built.logs;
  });
  afterAll(async () => {
    await context.app.close();
    await context.test.drop();
  });
  return context;
}
