/// <reference types="node" />
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, sep } from "node:path";
import type { Plugin } from "vite";

const contentTypes: Record<string, string> = {
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** govuk-frontend's fonts and images, straight from node_modules: never copied into the repository. */
function assetsDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve("govuk-frontend/package.json");
  return join(dirname(packageJson), "dist", "govuk", "assets");
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Serves govuk-frontend's assets at /assets/... (where its compiled CSS looks for them) in
 * development, and writes them into dist/assets/ at build time, so that nothing is fetched
 * from another origin and the Content-Security-Policy can stay at 'self'.
 */
export function govukAssets(): Plugin {
  const directory = assetsDirectory();
  return {
    name: "cse:govuk-assets",
    configureServer(server) {
      server.middlewares.use("/assets", (request, response, next) => {
        const file = join(directory, decodeURIComponent((request.url ?? "").split("?")[0] ?? ""));
        // Only files inside the package's assets folder: no "../" escapes.
        if (!file.startsWith(directory + sep)) return next();
        try {
          if (!statSync(file).isFile()) return next();
        } catch {
          return next();
        }
        response.setHeader("content-type", contentTypes[extname(file)] ?? "application/octet-stream");
        createReadStream(file).pipe(response);
      });
    },
    generateBundle() {
      for (const file of filesUnder(directory)) {
        const fileName = ["assets", ...relative(directory, file).split(sep)].join("/");
        this.emitFile({ type: "asset", fileName, source: readFileSync(file) });
      }
    },
  };
}
