// Reports the JavaScript a journey needs, gzip-compressed, from the build's manifest:
// the entry chunk plus every chunk the journey's pages import, statically or lazily.
//   node scripts/journey-size.mjs            (after `vite build`)
// Exits non-zero when a journey is over its budget (issue 9: the referral journey at 150 KiB).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = join(import.meta.dirname, "..", "dist");

const JOURNEYS = {
  "sign-in": [],
  "referral journey": ["NewReferralPage", "DraftRoutes", "ConfirmationPage", "MyReferralsPage", "ReferralPage"],
  administration: ["UsersPage", "InviteUserPage", "UserPage"],
  triage: ["TeamQueuePage", "AlertsPage", "ReferralPage", "TeamReferralFile"],
};

/** Most a journey may weigh, in gzip bytes. */
export const BUDGETS = {
  "referral journey": 150 * 1024,
};

function chunksFor(manifest, pageNames) {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)[0];
  const wanted = [
    entry,
    ...Object.keys(manifest).filter((key) => pageNames.some((name) => key.endsWith(`/${name}.tsx`))),
  ];
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  wanted.forEach(visit);
  return [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith(".js"));
}

/** What each journey weighs in the build in `dist` (the app's own build folder unless given). */
export function journeySizes(dist = DIST) {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
  return Object.fromEntries(
    Object.entries(JOURNEYS).map(([journey, pages]) => {
      const files = chunksFor(manifest, pages);
      const bytes = files.reduce(
        (total, file) => total + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
        0,
      );
      return [journey, { files: files.length, gzipBytes: bytes }];
    }),
  );
}

/** The journeys over their budget, each with what it weighs and may weigh. */
export function overBudget(sizes = journeySizes()) {
  return Object.entries(BUDGETS)
    .filter(([journey, budget]) => sizes[journey].gzipBytes > budget)
    .map(([journey, budget]) => ({ journey, gzipBytes: sizes[journey].gzipBytes, budget }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = journeySizes();
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const [journey, size] of Object.entries(sizes)) {
    const budget = BUDGETS[journey] ? `  (budget ${kib(BUDGETS[journey])})` : "";
    process.stdout.write(
      `${journey.padEnd(18)} ${String(size.files).padStart(2)} files  ${kib(size.gzipBytes)} gzip${budget}\n`,
    );
  }
  for (const { journey, gzipBytes, budget } of overBudget(sizes)) {
    process.stderr.write(`The ${journey} is over its budget: ${kib(gzipBytes)} > ${kib(budget)}\n`);
    process.exitCode = 1;
  }
}
