import type { AuditTrailEntry, AuditTrailPage } from "@cse/contracts/oversight";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("the lead's audit view of a referral", () => {
  const context = useTestApp();
  let world: TeamWorld;
  let referralId: string;

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    referralId = (await submitReferral(world.clients.referrer)).id;
    const { triage, leedsLead } = world.clients;
    expect((await triage.get(`/api/referrals/${referralId}`)).statusCode).toBe(200);
    expect((await triage.post(`/api/referrals/${referralId}/assign`, {})).statusCode).toBe(200);
    expect((await triage.get("/api/referrals?scope=team")).statusCode).toBe(200);
    expect((await leedsLead.get(`/api/referrals/${referralId}`)).statusCode).toBe(404);
  });

  const trail = async (query: string) => {
    const response = await world.clients.lead.get(`/api/audit?referralId=${referralId}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditTrailPage>();
  };

  it("shows who opened, changed, listed or was refused it, with role and team, newest first", async () => {
    const page = await trail("&limit=100");
    const { users } = world;
    const find = (kind: string, actorId: string, action?: string) =>
      page.entries.find(
        (entry) => entry.kind === kind && entry.actor?.id === actorId && (!action || entry.action === action),
      );
    expect(find("changed", users.referrer.id, "referral.submit")).toBeDefined();
    expect(find("opened", users.triage.id, "referral.read")).toMatchObject({
      actor: { role: "TRIAGE", team: "Bradford", agency: "SOCIAL_CARE" },
    });
    expect(find("changed", users.triage.id, "referral.assign")).toBeDefined();
    expect(find("listed", users.triage.id, "referral.queue")).toBeDefined();
    expect(find("refused", users.leedsLead.id)).toMatchObject({
      refusal: "not-permitted",
      actor: { role: "LEAD", team: "Leeds" },
    });
    // Opening the view is itself recorded, and shows in the view.
    expect(page.entries[0]).toMatchObject({ kind: "opened", action: "referral.audit", actor: { id: users.lead.id } });
    const ids = page.entries.map((entry) => BigInt(entry.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
  });

  it("pages by keyset without losing or repeating an entry", async () => {
    const seen: AuditTrailEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AuditTrailPage = await trail(`&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    const ids = seen.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Each page's own view entry lands above the first page, so nothing older is missed.
    const all = await trail("&limit=100");
    const older = all.entries.filter((entry) => BigInt(entry.id) <= BigInt(seen[0]!.id)).map((entry) => entry.id);
    expect(ids).toEqual(older);
  });

  it("is for the owning team's lead only: 404 (recorded) for another team's, 403 for other roles", async () => {
    const other = await world.clients.leedsLead.get(`/api/audit?referralId=${referralId}`);
    expect(other.statusCode).toBe(404);
    const refusal = await context.test.db.auditEvent.findFirst({
      where: { actorId: world.users.leedsLead.id, action: "referral.audit", outcome: "DENIED", referralId },
    });
    expect(refusal).not.toBeNull();
    expect(refusal!.details).toMatchObject({ reason: "not-permitted" });
    for (const member of ["triage", "referrer"] as const) {
      expect((await world.clients[member].get(`/api/audit?referralId=${referralId}`)).statusCode, member).toBe(403);
    }
    const missing = await world.clients.lead.get("/api/audit?referralId=0190a2b4-7c1d-7000-8000-000000000009");
    expect(missing.statusCode).toBe(404);
  });

  it("indexes a list's appearances in the same statement as the entry, and the service cannot write the index", async () => {
    const queueEntry = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "referral.queue", actorId: world.users.triage.id },
      orderBy: { id: "desc" },
    });
    const listed = (queueEntry.details as { referralIds: string[] }).referralIds;
    const indexed = await context.test.db.auditEventReferral.findMany({ where: { auditEventId: queueEntry.id } });
    expect(indexed.map((row) => row.referralId).sort()).toEqual([...listed].sort());

    const client = new pg.Client({ connectionString: context.test.url });
    await client.connect();
    try {
      // Whatever a list records, a malformed id never fails the append: it is left out, and an
      // id written in capitals is the same referral.
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO "AuditEvent" ("action", "outcome", "entityType", "details", "prevHash", "hash")
         VALUES ('test.list', 'ALLOWED', 'Test', $1::jsonb, repeat('0', 64), repeat('f', 64)) RETURNING "id"`,
        [JSON.stringify({ referralIds: ["not-an-id", 5, null, referralId.toUpperCase(), referralId, referralId] })],
      );
      const odd = await context.test.db.auditEventReferral.findMany({
        where: { auditEventId: BigInt(inserted.rows[0]!.id) },
      });
      expect(odd.map((row) => row.referralId)).toEqual([referralId]);
      await client.query(
        `INSERT INTO "AuditEvent" ("action", "outcome", "entityType", "details", "prevHash", "hash")
         VALUES ('test.list', 'ALLOWED', 'Test', '{"referralIds": "not a list"}', repeat('0', 64), repeat('a', 64))`,
      );
      for (const sql of [
        `INSERT INTO "AuditEventReferral" ("referralId", "auditEventId") VALUES ('${referralId}', 1)`,
        `DELETE FROM "AuditEventReferral"`,
        `UPDATE "AuditEventReferral" SET "auditEventId" = 1`,
        `TRUNCATE "AuditEventReferral"`,
      ]) {
        await expect(client.query(sql), sql).rejects.toThrow(/permission denied/);
      }
    } finally {
      await client.end();
    }
  });
});
