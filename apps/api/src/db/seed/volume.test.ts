import { INDICATOR_CODES, INDICATOR_LABELS, teamQueuePageSchema, teamReferralDetailSchema } from "@cse/contracts";
import { assessRisk, decisionDueAt, extractReferralIdentifiers, type IndicatorLevel } from "@cse/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { seedVolume, VolumeSeedRefused } from "./volume.ts";
import { teamQueueFirstPageSql, teamQueueNextPageSql } from "./volume-queue.ts";

const REFERRALS = 2_000;

describe("volume data", () => {
  const context = useTestApp();
  let sql: pg.Client;
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await sql.query<T>(text, values)).rows;

  beforeAll(async () => {
    // Small batches, so that references and pools are proven across batch boundaries.
    await seedVolume(context.test.url, { referrals: REFERRALS, batchSize: 700 });
    sql = new pg.Client({ connectionString: context.test.url });
    await sql.connect();
  }, 120_000);
  afterAll(async () => {
    await sql?.end();
  });

  it("writes every referral whole: child, information sharing and all 14 indicators, and no audit entries", async () => {
    const [counts] = await query<Record<string, string>>(`SELECT
      (SELECT count(*) FROM "Referral") AS referrals, (SELECT count(*) FROM "ReferralChild") AS children,
      (SELECT count(*) FROM "InformationSharing") AS sharing, (SELECT count(*) FROM "ReferralIndicator") AS indicators,
      (SELECT count(*) FROM "AuditEvent") AS audit`);
    expect(counts).toEqual({
      referrals: String(REFERRALS),
      children: String(REFERRALS),
      sharing: String(REFERRALS),
      indicators: String(REFERRALS * INDICATOR_CODES.length),
      audit: "0",
    });
    const codes = await query<{ codes: string[] }>(
      `SELECT DISTINCT array_agg("indicatorCode" ORDER BY "indicatorCode") AS codes FROM "ReferralIndicator" GROUP BY "referralId"`,
    );
    expect(codes).toEqual([{ codes: [...INDICATOR_CODES].sort() }]);
  });

  it("gives unique, gap-free references per year and brings the reference sequence up to date", async () => {
    const rows = await query<{ reference: string }>(`SELECT "reference" FROM "Referral"`);
    expect(new Set(rows.map((row) => row.reference)).size).toBe(REFERRALS);
    for (const row of rows) expect(row.reference).toMatch(/^WY-\d{4}-\d{6,}$/);
    const years = await query<{ year: number; count: string; max: number; lastNumber: number }>(`
      SELECT split_part("reference", '-', 2)::int AS year, count(*), max(split_part("reference", '-', 3)::int) AS max, s."lastNumber"
      FROM "Referral" JOIN "ReferenceSequence" s ON s."year" = split_part("reference", '-', 2)::int GROUP BY 1, s."lastNumber"`);
    expect(years.reduce((sum, year) => sum + Number(year.count), 0)).toBe(REFERRALS);
    for (const year of years) expect([Number(year.count), year.max]).toEqual([year.lastNumber, year.lastNumber]);
    // References follow the order of submission.
    const [disorder] = await query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT "reference",
      lag("reference") OVER (ORDER BY "submittedAt", "reference") AS previous FROM "Referral") x WHERE previous > "reference"`);
    expect(disorder!.n).toBe("0");
  });

  it("leaves about 3% open, each status consistent with its assignee, decision and approval", async () => {
    const rows = await query<{ status: string; count: string }>(`SELECT "status", count(*) FROM "Referral" GROUP BY 1`);
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
    expect(byStatus.DECIDED! / REFERRALS).toBeGreaterThan(0.94);
    expect(byStatus.DECIDED! / REFERRALS).toBeLessThan(0.99);
    expect(byStatus.SUBMITTED).toBeGreaterThan(0);
    expect(byStatus.IN_TRIAGE).toBeGreaterThan(0);
    const [wrong] = await query<Record<string, string>>(`SELECT
      count(*) FILTER (WHERE "status" = 'SUBMITTED' AND "assigneeId" IS NOT NULL) AS submitted_assigned,
      count(*) FILTER (WHERE "status" <> 'SUBMITTED' AND ("assigneeId" IS NULL OR "assignedAt" < "submittedAt")) AS unassigned,
      count(*) FILTER (WHERE "status" = 'DECIDED' AND ("outcome" IS NULL OR "decidedAt" < "assignedAt" OR "decidedAt" > now())) AS undecided,
      count(*) FILTER (WHERE "status" IN ('SUBMITTED', 'IN_TRIAGE') AND "outcome" IS NOT NULL) AS early_outcome,
      count(*) FILTER (WHERE "status" = 'AWAITING_APPROVAL' AND ("outcome" <> 'NO_FURTHER_ACTION' OR "decisionApprovedById" IS NOT NULL)) AS awaiting,
      count(*) FILTER (WHERE "status" = 'DECIDED' AND "outcome" = 'NO_FURTHER_ACTION' AND "decisionApprovedById" IS NULL
        AND (c."ageAtReferral" IS NULL OR c."ageAtReferral" < 13 OR c."learningDisability" = 'YES')) AS unapproved_nfa
      FROM "Referral" r JOIN "ReferralChild" c ON c."referralId" = r."id"`);
    expect(wrong).toEqual({
      submitted_assigned: "0",
      unassigned: "0",
      undecided: "0",
      early_outcome: "0",
      awaiting: "0",
      unapproved_nfa: "0",
    });
    const [overdue] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "Referral" WHERE "status" <> 'DECIDED' AND "decisionDueAt" < now()`,
    );
    expect(Number(overdue!.n)).toBeGreaterThan(0);
  });

  it("assigns only to members of the owning team, and spreads referrals over every team", async () => {
    const [outside] = await query<{
      n: string;
    }>(`SELECT count(*) AS n FROM "Referral" r JOIN "User" u ON u."id" = r."assigneeId"
      WHERE u."teamId" <> r."teamId" OR u."role" NOT IN ('TRIAGE', 'LEAD')`);
    expect(outside!.n).toBe("0");
    const teams = await query<{ code: string; count: string }>(`SELECT t."code", count(r."id") FROM "Team" t
      LEFT JOIN "Referral" r ON r."teamId" = t."id" GROUP BY 1`);
    for (const team of teams) expect(Number(team.count), team.code).toBeGreaterThan(REFERRALS * 0.03);
  });

  it("dates every referral by the statutory clock and rates it by the partnership's rules", async () => {
    const exceptions = (
      await query<{ date: string; name: string; change: "ADDITIONAL" | "REMOVED" }>(
        `SELECT to_char("date", 'YYYY-MM-DD') AS date, "name", "change"::text AS change FROM "BankHolidayException"`,
      )
    ).map((row) => row);
    const rows = await query<{
      submittedAt: Date;
      decisionDueAt: Date;
      redEscalationDueAt: Date | null;
      computedRisk: string;
      computedRiskReasons: string[];
      risk: string;
      immediateDanger: boolean;
      ageAtReferral: number | null;
      indicators: Record<string, IndicatorLevel>;
    }>(`SELECT r."submittedAt", r."decisionDueAt", r."redEscalationDueAt", r."computedRisk", r."computedRiskReasons", r."risk",
      r."immediateDanger", c."ageAtReferral", (SELECT jsonb_object_agg(i."indicatorCode", i."level") FROM "ReferralIndicator" i
        WHERE i."referralId" = r."id") AS indicators
      FROM "Referral" r JOIN "ReferralChild" c ON c."referralId" = r."id"`);
    const ratings = new Set<string>();
    for (const row of rows) {
      expect(row.decisionDueAt).toEqual(decisionDueAt(row.submittedAt, exceptions));
      expect(row.redEscalationDueAt).toEqual(
        row.computedRisk === "RED" ? new Date(row.submittedAt.getTime() + 3_600_000) : null,
      );
      const risk = assessRisk(
        { immediateDanger: row.immediateDanger, childAgeYears: row.ageAtReferral, indicators: row.indicators },
        INDICATOR_LABELS,
      );
      expect({ rating: row.computedRisk, reasons: row.computedRiskReasons }).toEqual({
        rating: risk.rating,
        reasons: risk.reasons,
      });
      expect(row.risk).toBe(row.computedRisk);
      if (row.ageAtReferral !== null) expect(row.ageAtReferral).toBeGreaterThanOrEqual(8);
      if (row.ageAtReferral !== null) expect(row.ageAtReferral).toBeLessThanOrEqual(17);
      ratings.add(row.computedRisk);
    }
    expect([...ratings].sort()).toEqual(["AMBER", "GREEN", "RED"]);
  });

  it("stores the identifiers the service would extract, with people, phones and vehicles recurring across children", async () => {
    const sample = await query<{
      id: string;
      child: Record<string, unknown>;
      entities: Record<string, unknown>[] | null;
      identifiers: string[];
    }>(`
      SELECT r."id", to_jsonb(c) AS child,
        (SELECT jsonb_agg(to_jsonb(e) ORDER BY e."position") FROM "ConcernEntity" e WHERE e."referralId" = r."id") AS entities,
        (SELECT array_agg(i."kind" || '|' || i."value" || '|' || coalesce(e."position"::text, '-'))
          FROM "ReferralIdentifier" i LEFT JOIN "ConcernEntity" e ON e."id" = i."entityId" WHERE i."referralId" = r."id") AS identifiers
      FROM "Referral" r JOIN "ReferralChild" c ON c."referralId" = r."id" ORDER BY r."id" LIMIT 150`);
    for (const row of sample) {
      const child = row.child as {
        givenNames: string;
        familyName: string;
        aliases: string[];
        dateOfBirth: string | null;
        homePostcode: string | null;
        homeAddress: string | null;
      };
      const expected = extractReferralIdentifiers({
        child: { ...child, dateOfBirth: child.dateOfBirth?.slice(0, 10) ?? null, currentPostcode: null },
        concernEntities: (row.entities ?? []) as never,
      }).map((identifier) => `${identifier.kind}|${identifier.value}|${identifier.entityPosition ?? "-"}`);
      expect([...row.identifiers].sort(), row.id).toEqual(expected.sort());
    }
    const shared = await query<{
      kind: string;
    }>(`SELECT DISTINCT "kind" FROM (SELECT "kind", "value" FROM "ReferralIdentifier"
      WHERE "entityId" IS NOT NULL GROUP BY 1, 2 HAVING count(DISTINCT "referralId") > 1) x`);
    expect(shared.map((row) => row.kind)).toEqual(expect.arrayContaining(["PERSON_NAME", "PHONE", "VEHICLE"]));
    const [events] = await query<{ min: number; max: number }>(`SELECT min(n)::int AS min, max(n)::int AS max FROM
      (SELECT count(*) AS n FROM "ChronologyEvent" GROUP BY "referralId") x`);
    // Submitted, routed and rated; then assigned, a note, the decision, a lead's approval and the referrer told.
    expect(events).toEqual({ min: 3, max: 7 });
  });

  it("puts every open referral in its team's queue, in the queue index's order", async () => {
    const teams = await query<{ id: string }>(`SELECT "id" FROM "Team"`);
    const riskOrder = { RED: 0, AMBER: 1, GREEN: 2 } as const;
    for (const team of teams) {
      const walked: { id: string; risk: keyof typeof riskOrder; decisionDueAt: Date }[] = [];
      let after: (typeof walked)[number] | undefined;
      for (;;) {
        const page = after
          ? await query<(typeof walked)[number]>(teamQueueNextPageSql, [
              team.id,
              after.risk,
              after.decisionDueAt,
              after.id,
              25,
            ])
          : await query<(typeof walked)[number]>(teamQueueFirstPageSql, [team.id, 25]);
        walked.push(...page);
        after = page.at(-1);
        if (page.length < 25) break;
      }
      const open = await query<{ id: string }>(
        `SELECT "id" FROM "Referral" WHERE "teamId" = $1 AND "status" <> 'DECIDED'`,
        [team.id],
      );
      expect(walked.map((row) => row.id).sort()).toEqual(open.map((row) => row.id).sort());
      for (let index = 1; index < walked.length; index += 1) {
        const [a, b] = [walked[index - 1]!, walked[index]!];
        const order =
          riskOrder[a.risk] - riskOrder[b.risk] ||
          a.decisionDueAt.getTime() - b.decisionDueAt.getTime() ||
          (a.id < b.id ? -1 : 1);
        expect(order).toBeLessThan(0);
      }
    }
  });

  it("reads back through the service as the team's queue and files, within the contract", async () => {
    const member = await createUser(context.test.db, { role: "TRIAGE", teamCode: "leeds" });
    const client = await signedInClient(context.app, member);
    const queue = await client.get("/api/referrals?scope=team&limit=100");
    expect(queue.statusCode, queue.body).toBe(200);
    expect(teamQueuePageSchema.parse(queue.json()).items.length).toBeGreaterThan(5);
    const ids = await query<{ id: string }>(
      `SELECT r."id" FROM "Referral" r JOIN "Team" t ON t."id" = r."teamId" WHERE t."code" = 'leeds' ORDER BY r."status", r."id" LIMIT 40`,
    );
    for (const { id } of ids) {
      const file = await client.get(`/api/referrals/${id}`);
      expect(file.statusCode, file.body).toBe(200);
      expect(teamReferralDetailSchema.safeParse(file.json()).success).toBe(true);
    }
  });

  it("refuses to seed a database that has referrals, unless asked to append", async () => {
    await expect(seedVolume(context.test.url, { referrals: 10 })).rejects.toBeInstanceOf(VolumeSeedRefused);
    const [before] = await query<{ latest: Date }>(`SELECT max("submittedAt") AS latest FROM "Referral"`);
    await seedVolume(context.test.url, { referrals: 30, append: true, seed: 7 });
    const [appended] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Referral" WHERE "submittedAt" > $1`, [
      before!.latest,
    ]);
    expect(appended!.n).toBe("30");
    const [after] = await query<{ n: string; refs: string }>(
      `SELECT count(*) AS n, count(DISTINCT "reference") AS refs FROM "Referral"`,
    );
    expect(after).toEqual({ n: String(REFERRALS + 30), refs: String(REFERRALS + 30) });
  });
});
