import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script, shared with `node scripts/journey-size.mjs` and `pnpm bench`.
import { BUDGETS, journeySizes, overBudget } from "../scripts/journey-size.mjs";

// The referral form is used on phones on poor connections (issue 9): its JavaScript has a budget,
// and a page or a contract added to what every journey loads must not take it over unnoticed.
describe("the JavaScript each journey downloads, in a production build", () => {
  let outDir = "";
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it("keeps every journey with a budget within it", { timeout: 300_000 }, async () => {
    outDir = await mkdtemp(join(tmpdir(), "cse-web-build-"));
    // Vitest runs with NODE_ENV=test, and Vite decides "production" (React's production build,
    // JSX without the development runtime) from NODE_ENV, not from the mode.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({
        root: join(import.meta.dirname, ".."),
        mode: "production",
        logLevel: "error",
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const sizes = journeySizes(outDir) as Record<string, { gzipBytes: number }>;
    for (const journey of Object.keys(BUDGETS as object)) expect(sizes[journey]?.gzipBytes).toBeGreaterThan(0);
    expect(overBudget(sizes)).toEqual([]);
  });
});
