import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

describe("routing rules kept by administrators", () => {
  const context = useTestApp();
  let admin: TestClient;
  const teamId = async (code: string) => (await context.test.db.team.findUniqueOrThrow({ where: { code } })).id;

  const signIn = async () => {
    admin ??= await signedInClient(context.app, await createUser(context.test.db, { role: "ADMIN" }));
    return admin;
  };
  const ruleCount = () => context.test.db.routingRule.count();
  const auditCount = () => context.test.db.auditEvent.count({ where: { entityType: "RoutingRule" } });

  it("lists the rules with their level, team and whether they cross a council boundary", async () => {
    const client = await signIn();
    const response = await client.get("/api/admin/routing-rules");
    expect(response.statusCode).toBe(200);
    const rules = response.json<{
      rules: { postcodePrefix: string; level: string; team: { name: string }; crossesBoundary: boolean }[];
    }>().rules;
    expect(rules.find((rule) => rule.postcodePrefix === "LS")).toMatchObject({
      level: "AREA",
      team: { name: "Leeds" },
    });
    expect(rules.find((rule) => rule.postcodePrefix === "LS29")).toMatchObject({
      level: "DISTRICT",
      team: { name: "Bradford" },
      crossesBoundary: true,
    });
    expect(rules.find((rule) => rule.postcodePrefix === "LS25")?.crossesBoundary).toBe(true);
    expect(rules.find((rule) => rule.postcodePrefix === "BD1")?.crossesBoundary).toBe(false);
  });

  it("adds a sector rule in the domain's form, audits it, and the tester then matches it", async () => {
    const client = await signIn();
    const before = await context.test.db.auditEvent.count();
    const added = await client.post("/api/admin/routing-rules", {
      postcodePrefix: " ls25   6 ",
      teamId: await teamId("hub"),
      note: "Sherburn in Elmet is in North Yorkshire.",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ postcodePrefix: "LS25 6", level: "SECTOR", crossesBoundary: false });
    const entry = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "routing-rule.add", entityId: added.json().id },
    });
    expect(entry.details).toMatchObject({ "after.postcodePrefix": "LS25 6", "after.team": "West Yorkshire hub" });
    expect(await context.test.db.auditEvent.count()).toBe(before + 1);

    const tested = await client.get("/api/admin/routing-rules/tester?postcode=ls256aa");
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({
      postcode: "LS25 6AA",
      team: { name: "West Yorkshire hub" },
      rule: { postcodePrefix: "LS25 6" },
      crossesBoundary: false,
    });
  });

  it("changes a rule and audits it with the rule before and after", async () => {
    const client = await signIn();
    const added = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "BD4 6",
      teamId: await teamId("bradford"),
    });
    expect(added.statusCode).toBe(201);
    const changed = await client.put(`/api/admin/routing-rules/${added.json().id}`, {
      postcodePrefix: "BD4 6",
      teamId: await teamId("kirklees"),
      crossesBoundary: true,
      note: "East Bierley",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ team: { name: "Kirklees" }, crossesBoundary: true, note: "East Bierley" });
    const entry = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "routing-rule.change", entityId: added.json().id },
    });
    expect(entry.details).toMatchObject({
      "before.team": "Bradford",
      "before.crossesBoundary": false,
      "before.note": null,
      "after.team": "Kirklees",
      "after.crossesBoundary": true,
      "after.note": "East Bierley",
    });
  });

  it("removes a rule, audits what it was, and answers 404 for one that does not exist", async () => {
    const client = await signIn();
    const added = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "HX7 8",
      teamId: await teamId("hub"),
    });
    const id = added.json<{ id: string }>().id;
    expect((await client.delete(`/api/admin/routing-rules/${id}`)).statusCode).toBe(204);
    expect(await context.test.db.routingRule.findUnique({ where: { id } })).toBeNull();
    const entry = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "routing-rule.remove", entityId: id },
    });
    expect(entry.details).toMatchObject({ "before.postcodePrefix": "HX7 8", "before.team": "West Yorkshire hub" });
    const again = await client.delete(`/api/admin/routing-rules/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.headers["content-type"]).toContain("application/problem+json");
  });

  it.each([
    ["LS2 98AB", "a full postcode, and one a loose parser would re-read as LS29 8AB"],
    ["L S29", "a space inside the district"],
    ["LS298AB", "a full postcode"],
    ["QS", "Q never starts a postcode"],
    ["LS-29", "punctuation"],
    ["LS29 88", "two sector digits"],
    ["", "nothing"],
  ])("refuses the prefix %j (%s) with a field error and stores nothing", async (postcodePrefix) => {
    const client = await signIn();
    const [rules, audits] = [await ruleCount(), await auditCount()];
    const response = await client.post("/api/admin/routing-rules", { postcodePrefix, teamId: await teamId("leeds") });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ path: "postcodePrefix", message: expect.stringMatching(/area, district or sector/) }),
    );
    expect([await ruleCount(), await auditCount()]).toEqual([rules, audits]);
  });

  it("refuses a duplicate, in any spelling, and a change onto another rule's prefix; stores nothing", async () => {
    const client = await signIn();
    const [rules, audits] = [await ruleCount(), await auditCount()];
    const duplicate = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "ls 29",
      teamId: await teamId("leeds"),
    });
    // "ls 29" is not a district (a space inside it), so it is refused as a prefix...
    expect(duplicate.statusCode).toBe(400);
    const same = await client.post("/api/admin/routing-rules", {
      postcodePrefix: " ls29 ",
      teamId: await teamId("leeds"),
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors).toContainEqual({
      path: "postcodePrefix",
      message: "There is already a rule for LS29: change that one",
    });
    const wf1 = await context.test.db.routingRule.findUniqueOrThrow({ where: { postcodePrefix: "WF12" } });
    const onto = await client.put(`/api/admin/routing-rules/${wf1.id}`, { postcodePrefix: "WF13", teamId: wf1.teamId });
    expect(onto.statusCode).toBe(400);
    expect([await ruleCount(), await auditCount()]).toEqual([rules, audits]);
    expect((await context.test.db.routingRule.findUniqueOrThrow({ where: { id: wf1.id } })).postcodePrefix).toBe(
      "WF12",
    );
  });

  it("refuses an unknown team and a malformed body; stores nothing", async () => {
    const client = await signIn();
    const [rules, audits] = [await ruleCount(), await auditCount()];
    const unknown = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "LS6 1",
      teamId: "0195f0a2-7c1e-7000-8000-000000000099",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({ path: "teamId", message: "Select a team from the list" });
    const extra = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "LS6 1",
      teamId: await teamId("leeds"),
      isHub: true,
    });
    expect(extra.statusCode).toBe(400);
    const rule = await context.test.db.routingRule.findUniqueOrThrow({ where: { postcodePrefix: "LS" } });
    const badChange = await client.put(`/api/admin/routing-rules/${rule.id}`, {
      postcodePrefix: "LS",
      teamId: "not-an-id",
    });
    expect(badChange.statusCode).toBe(400);
    expect([await ruleCount(), await auditCount()]).toEqual([rules, audits]);
  });

  describe("the tester", () => {
    it("names the team and the rule, by the most specific rule", async () => {
      const client = await signIn();
      const result = (await client.get("/api/admin/routing-rules/tester?postcode=LS1%204AP")).json();
      expect(result).toMatchObject({
        postcode: "LS1 4AP",
        team: { name: "Leeds" },
        rule: { postcodePrefix: "LS", level: "AREA" },
        hubReason: null,
      });
      const ilkley = (await client.get("/api/admin/routing-rules/tester?postcode=ls29%208ab")).json();
      expect(ilkley).toMatchObject({ team: { name: "Bradford" }, rule: { postcodePrefix: "LS29" } });
    });

    it("warns for a split district routed whole", async () => {
      const client = await signIn();
      const result = (await client.get("/api/admin/routing-rules/tester?postcode=WF11%208AA")).json();
      expect(result).toMatchObject({
        team: { name: "Wakefield" },
        crossesBoundary: true,
        boundaryNote: "Brotherton, Byram and Fairburn are in North Yorkshire.",
      });
    });

    it("says when no rule matched and the hub takes it", async () => {
      const client = await signIn();
      const result = (await client.get("/api/admin/routing-rules/tester?postcode=M1%201AE")).json();
      expect(result).toMatchObject({
        team: { name: "West Yorkshire hub", isHub: true },
        rule: null,
        hubReason: "NO_MATCHING_RULE",
      });
    });

    it.each(["LS2 98AB", "WF1 28AB", "not a postcode", "LS"])("refuses %j rather than re-read it", async (postcode) => {
      const client = await signIn();
      const response = await client.get(`/api/admin/routing-rules/tester?postcode=${encodeURIComponent(postcode)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ path: "query.postcode" });
    });
  });

  it("applies a change to new referrals only: a referral already routed keeps its team", async () => {
    const client = await signIn();
    const referrer = await signedInClient(context.app, await createUser(context.test.db, { role: "REFERRER" }));
    const before = await submitReferral(referrer, { child: { homePostcode: "LS6 3AA" } });
    expect(before.team.name).toBe("Leeds");

    const added = await client.post("/api/admin/routing-rules", {
      postcodePrefix: "LS6",
      teamId: await teamId("calderdale"),
    });
    expect(added.statusCode).toBe(201);
    const after = await submitReferral(referrer, { child: { homePostcode: "LS6 3AA" } });
    expect(after.team.name).toBe("Calderdale");

    const kept = await context.test.db.referral.findUniqueOrThrow({
      where: { id: before.id },
      include: { team: true },
    });
    expect(kept.team.name).toBe("Leeds");
    expect(kept.routingMatchedPrefix).toBe("LS");
  });

  it("records on a referral routed from a split district that its area crosses a council boundary", async () => {
    const referrer = await signedInClient(context.app, await createUser(context.test.db, { role: "REFERRER" }));
    const split = await submitReferral(referrer, { child: { homePostcode: "LS17 9AA" } });
    const whole = await submitReferral(referrer, { child: { homePostcode: "LS7 1AA" } });
    const [splitRow, wholeRow] = await Promise.all(
      [split.id, whole.id].map((id) => context.test.db.referral.findUniqueOrThrow({ where: { id } })),
    );
    expect(splitRow).toMatchObject({
      routingCrossesBoundary: true,
      routingBoundaryNote: "Huby, Weeton and North Rigton are in North Yorkshire.",
    });
    expect(wholeRow).toMatchObject({ routingCrossesBoundary: false, routingBoundaryNote: null });

    // The team's file carries the warning, so the team checks before accepting.
    const leeds = await signedInClient(
      context.app,
      await createUser(context.test.db, { role: "TRIAGE", teamCode: "leeds" }),
    );
    const splitFile = (await leeds.get(`/api/referrals/${split.id}`)).json();
    expect(splitFile).toMatchObject({
      audience: "team",
      routingBoundary: { note: "Huby, Weeton and North Rigton are in North Yorkshire." },
    });
    expect((await leeds.get(`/api/referrals/${whole.id}`)).json()).toMatchObject({ routingBoundary: null });
  });
});
