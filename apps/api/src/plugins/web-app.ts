import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { sendProblem } from "./problem-details.ts";

interface WebAppOptions {
  readonly distDir: string;
}

// Vite names bundles with a content hash, so they can be cached for ever.
const hashedAsset = /-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|png|svg)$/;

/**
 * Serves the built single-page app, falling back to index.html for client-side routes.
 * Unknown /api paths answer problem+json, never the app.
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
        setHeaders: (reply, path) => {
          // The page is never stored, so the browser's back/forward cache cannot show a child's
          // details again after sign-out; the hashed bundles hold no personal data.
          const policy = path.endsWith("index.html")
            ? "no-store"
            : hashedAsset.test(path)
              ? "public, max-age=31536000, immutable"
              : "public, max-age=3600";
          reply.header("cache-control", policy);
        },
      });
    }

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?")[0] ?? "/";
      const wantsPage = request.method === "GET" && !path.startsWith("/api/") && path !== "/api";
      if (!wantsPage || !isBuilt) {
        return sendProblem(reply, request, "not-found", { detail: `There is nothing at ${request.method} ${path}.` });
      }
      return reply.sendFile("index.html");
    });
  },
  { name: "web-app" },
);
