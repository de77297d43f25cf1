import type { Dashboard } from "@cse/contracts/dashboard";
import { beforeAll, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("who sees which dashboard", () => {
  const clock = new SettableClock(new Date("2026-12-01T11:00:00Z"));
  const context = useTestApp({}, { clock });
  let world: TeamWorld;

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
    const { referrer } = world.clients;
    for (let n = 0; n < 3; n += 1) await submitReferral(referrer);
    await submitReferral(referrer, { child: { homePostcode: "LS1 1AA" } });
  });

  const read = async (who: keyof TeamWorld["clients"]) => world.clients[who].get("/api/dashboard");

  it("refuses referrers and anyone signed out (the route matrix covers administrators)", async () => {
    expect((await read("referrer")).statusCode).toBe(403);
    const anonymous = await context.app.inject({ method: "GET", url: "/api/dashboard" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("shows each team only its own referrals", async () => {
    const bradford = (await read("lead")).json<Dashboard>();
    const leeds = (await read("leedsLead")).json<Dashboard>();
    expect(bradford.open.total).toBe(3);
    expect(leeds.open.total).toBe(1);
    expect(leeds.team.id).not.toBe(bradford.team.id);
    expect(leeds.reReferrals.referrals).toBe(1);
  });

  it("gives the per-person figures to the lead only; a triage member sees the team's totals", async () => {
    const lead = (await read("lead")).json<Dashboard>();
    const member = await read("triage");
    expect(member.statusCode).toBe(200);
    const memberView = member.json<Dashboard>();
    expect(memberView.workload).toBeNull();
    expect(memberView.open).toEqual(lead.open);
    expect(lead.workload?.map((row) => row.member.id)).toContain(world.users.triage.id);
    expect(JSON.stringify(memberView)).not.toContain(world.users.policeTriage.id);
  });

  it("records each opening in the audit trail, with whether per-person figures were shown", async () => {
    await read("triage");
    const entry = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "dashboard.read", actorId: world.users.triage.id },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ entityType: "Team", outcome: "ALLOWED" });
    expect(entry.details).toMatchObject({ workload: false });
  });
});
