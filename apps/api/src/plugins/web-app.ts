import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { sendProblem } from "./problem-details.ts";

interface WebAppOptions {
  readonly distDir: string;
}

/** The path as the router sees it, so /%61pi/... is treated as /api/...; null when it cannot be decoded. */
function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(url.split("?")[0] ?? "/");
  } catch {
    return null;
  }
}

/** A client-side route of the app: not the API, and not a file of the build that is missing. */
function isPagePath(path: string): boolean {
  return !(path === "/api" || path.startsWith("/api/") || path === "/assets" || path.startsWith("/assets/"));
}

/**
 * Serves the built single-page app, falling back to index.html for client-side routes.
 * Unknown /api paths answer problem+json, never the app. So does a missing /assets file: a
 * browser still holding a page from before a deploy asks for bundles that are gone, and must
 * get a 404 it can recover from (the app reloads), not HTML where it expects a script.
 * Cache-Control is set for every answer in security.ts.
 */
export const webApp = fp(
  async (app: FastifyInstance, options: WebAppOptions) => {
    const indexFile = join(options.distDir, "index.html");
    const isBuilt = existsSync(indexFile);
    if (isBuilt) {
      await app.register(fastifyStatic, {
        root: options.distDir,
        wildcard: false,
        index: false,
        cacheControl: false,
        // The build writes .br and .gz beside each text asset (apps/web/vite/precompress.ts).
        preCompressed: true,
      });
    }

    app.setNotFoundHandler((request, reply) => {
      const path = decodedPath(request.url);
      const wantsPage = (request.method === "GET" || request.method === "HEAD") && path !== null && isPagePath(path);
      if (!wantsPage || !isBuilt) {
        return sendProblem(reply, request, "not-found", {
          detail: `There is nothing at ${request.method} ${request.url.split("?")[0] ?? "/"}.`,
        });
      }
      return reply.sendFile("index.html");
    });
  },
  { name: "web-app" },
);
