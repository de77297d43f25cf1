import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../config.ts";

/**
 * Builds the web app on first start, so a fresh clone needs only `pnpm start`.
 * Later changes to the web app are built with `pnpm build` (or served by `pnpm dev`).
 */
export async function ensureWebAppBuilt(distDir: string, onProgress: (message: string) => void): Promise<void> {
  if (existsSync(join(distDir, "index.html"))) return;
  onProgress("Building the web app (first start only, about 10 seconds)...");
  await new Promise<void>((resolve, reject) => {
    const vite = spawn(
      process.execPath,
      [join(repoRoot, "apps/web/node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
      {
        cwd: join(repoRoot, "apps/web"),
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    vite.on("error", reject);
    vite.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`The web app build failed (exit ${code})`))));
  });
  onProgress("Web app built.");
}
