// Generates the Prisma client without the network.
// Prisma's CLI fetches a native schema engine on every command, and that host is unreachable
// from our machines. `generate` never runs the schema engine, so pointing the CLI at a
// placeholder file is enough for it to skip the download.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = join(apiDir, "node_modules", ".cache", "prisma-schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(dirname(placeholder), { recursive: true });
  writeFileSync(
    placeholder,
    "#!/bin/sh\necho 'placeholder: prisma generate does not run the schema engine' >&2\nexit 1\n",
    { mode: 0o755 },
  );
}

const result = spawnSync("prisma", ["generate"], {
  cwd: apiDir,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
  shell: false,
});
process.exit(result.status ?? 1);
