import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../config.ts";

export const schemaPath = join(repoRoot, "prisma", "schema.prisma");

// Prisma 7's CLI needs a native schema engine that cannot be downloaded here. Prisma 6.19
// ships its schema engine as WebAssembly, which runs offline when driven through a driver
// adapter; we use it only as a development tool, to render Prisma's own DDL for a schema.
const requireFromApi = createRequire(import.meta.url);
const legacyCli = join(dirname(requireFromApi.resolve("prisma-legacy-wasm/package.json")), "build", "index.js");
const legacyAdapter = pathToFileURL(requireFromApi.resolve("prisma-legacy-adapter-pg")).href;

/**
 * Prisma 6 insists on a `url` in the datasource block, which Prisma 7 forbids; the engine
 * never connects for a diff between two schema files, but the adapter must exist.
 */
function toLegacySchema(schema: string): string {
  return schema.replace(
    /datasource\s+db\s*\{([^}]*)\}/,
    (_block, body: string) => `datasource db {${body.trimEnd()}\n  url = env("DATABASE_URL")\n}`,
  );
}

export interface RenderOptions {
  /** Schema to diff from; null means an empty database. */
  readonly fromSchema: string | null;
  readonly toSchema: string;
  /** Any reachable PostgreSQL: the CLI opens its adapter even when it never queries. */
  readonly databaseUrl: string;
}

/** The SQL Prisma would write to take a database from one schema to another. */
export async function renderMigrationSql(options: RenderOptions): Promise<string> {
  const workDir = await mkdtemp(join(tmpdir(), "cse-prisma-ddl-"));
  try {
    const toPath = join(workDir, "to.prisma");
    await writeFile(toPath, toLegacySchema(options.toSchema));
    const fromArgs = ["--from-empty"];
    if (options.fromSchema !== null) {
      const fromPath = join(workDir, "from.prisma");
      await writeFile(fromPath, toLegacySchema(options.fromSchema));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromPath);
    }
    const configPath = join(workDir, "prisma.config.ts");
    await writeFile(
      configPath,
      [
        `import { PrismaPg } from ${JSON.stringify(legacyAdapter)};`,
        `export default {`,
        `  engine: "js",`,
        `  experimental: { adapter: true },`,
        `  schema: ${JSON.stringify(toPath)},`,
        // A lingering idle connection would keep the CLI alive for the pool's idle timeout.
        `  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(options.databaseUrl)}, idleTimeoutMillis: 1 }),`,
        `};`,
      ].join("\n"),
    );
    const placeholder = join(workDir, "no-native-engine");
    await writeFile(placeholder, "");
    return await runLegacyCli(
      ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", toPath, "--script", "--config", configPath],
      {
        DATABASE_URL: options.databaseUrl,
        PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
        PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      },
      workDir,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function readSchema(path = schemaPath): Promise<string> {
  return readFile(path, "utf8");
}

function runLegacyCli(args: string[], env: Record<string, string>, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [legacyCli, ...args], {
      cwd,
      env: { ...process.env, ...env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`prisma migrate diff exited with ${code}:\n${stderr.trim()}`));
    });
  });
}
