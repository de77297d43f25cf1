import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../testing/database.ts";
import { createUser, signedInClient } from "../testing/fixtures.ts";

const PAGE = "<!doctype html><title>CSE Referral Hub</title>";

describe("caching and serving the built web app", () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let distDir: string;

  beforeAll(async () => {
    test = await createTestDatabase();
    distDir = await mkdtemp(join(tmpdir(), "cse-web-dist-"));
    await mkdir(join(distDir, "assets", "images"), { recursive: true });
    await writeFile(join(distDir, "index.html"), PAGE);
    await writeFile(join(distDir, "index.html.br"), brotliCompressSync(PAGE));
    await writeFile(join(distDir, "index.html.gz"), gzipSync(PAGE));
    await writeFile(join(distDir, "assets", "index-AbCdEf12.js"), "console.info('app')");
    await writeFile(join(distDir, "assets", "index-AbCdEf12.js.br"), brotliCompressSync("console.info('app')"));
    await writeFile(join(distDir, "assets", "images", "crest.svg"), "<svg/>");
    await writeFile(join(distDir, "favicon.svg"), "<svg/>");
    ({ app } = await buildTestApp(test.db, { WEB_DIST_DIR: distDir }));
  });

  afterAll(async () => {
    await app.close();
    await test.drop();
    await rm(distDir, { recursive: true, force: true });
  });

  it("never lets the page be stored, compressed or not", async () => {
    for (const encoding of ["br", "gzip", "identity"]) {
      for (const url of ["/", "/index.html", "/account"]) {
        const response = await app.inject({ method: "GET", url, headers: { "accept-encoding": encoding } });
        expect(response.statusCode, `${url} ${encoding}`).toBe(200);
        expect(response.headers["cache-control"], `${url} ${encoding}`).toBe("no-store");
      }
    }
  });

  it("caches only the hashed bundles, compressed or not; every other file is no-store", async () => {
    for (const encoding of ["br", "identity"]) {
      const bundle = await app.inject({
        method: "GET",
        url: "/assets/index-AbCdEf12.js",
        headers: { "accept-encoding": encoding },
      });
      expect(bundle.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    for (const url of ["/favicon.svg", "/assets/images/crest.svg"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("decides no-store on the route that answered, however the URL spells it", async () => {
    const user = await createUser(test.db, { role: "REFERRER" });
    const client = await signedInClient(app, user);
    for (const url of ["/api/auth/me", "/%61pi/auth/me", "/api/auth/%6de", "/api//auth/me"]) {
      const response = await client.get(url);
      if (response.statusCode === 200) expect(response.json().user.id, url).toBe(user.id);
      expect(response.headers["cache-control"], url).toBe("no-store");
    }
    expect((await client.get("/%61pi/auth/me")).statusCode).toBe(200);
  });

  it("answers a missing bundle with 404, never with the page", async () => {
    for (const url of ["/assets/index-Gone1234.js", "/assets/", "/%61ssets/x-Gone1234.css", "/api/nowhere"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"], url).toMatch(/^application\/problem\+json/);
      expect(response.body, url).not.toContain("<title>");
    }
  });

  it("answers HEAD on pages as GET does, without a body", async () => {
    for (const url of ["/", "/account", "/referrals/new"]) {
      const response = await app.inject({ method: "HEAD", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/^text\/html/);
      expect(response.body, url).toBe("");
    }
  });
});
