import { Writable } from "node:stream";
import type { FastifyInstance, RouteOptions } from "fastify";
import { buildApp } from "../app.ts";
import { loadConfig, type Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { LinkRequests } from "../modules/links/link-requests.ts";
import type { Clock } from "../services/clock.ts";

export const TEST_SECRETS = {
  SESSION_SECRET: "test-session-secret-that-is-long-enough-000",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    WEB_DIST_DIR: "/nonexistent-web-dist",
    // Tests fire many requests from one address; the tests of the limit itself set their own.
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...TEST_SECRETS,
    ...overrides,
  });
}

/** Collects every log line the app writes, so tests can read what was logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join("\n");
  }
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
}

/** The real app, wired exactly as in production, on a test database. */
export async function buildTestApp(
  db: Database,
  overrides: Record<string, string> = {},
  onRoute?: (route: RouteOptions) => void,
  clock?: Clock,
  linkRequests?: LinkRequests,
): Promise<TestApp> {
  const logs = new LogCapture();
  const config = testConfig(overrides);
  const secrets = { sessionSecret: config.sessionSecret!, encryptionKey: Buffer.from(config.encryptionKey!, "base64") };
  const app = await buildApp({
    config,
    db,
    secrets,
    logStream: logs,
    ...(onRoute ? { onRoute } : {}),
    ...(clock ? { clock } : {}),
    ...(linkRequests ? { linkRequests } : {}),
  });
  return { app, logs };
}
