import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PostcodeDirectoryLoadView } from "@cse/contracts/routing";
import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

const FIXTURE = join(import.meta.dirname, "fixtures", "onspd-sample.csv");
const csv = { "content-type": "text/csv" };

describe("the ONS Postcode Directory", () => {
  const context = useTestApp();
  let admin: TestClient;
  let adminId: string;
  const signIn = async () => {
    if (!admin) {
      const user = await createUser(context.test.db, { role: "ADMIN" });
      adminId = user.id;
      admin = await signedInClient(context.app, user);
    }
    return admin;
  };

  /** Uploads a file and follows the load as the admin page does, until it has finished. */
  async function load(body: string | Buffer, fileName = "ONSPD_NOV_2026_UK.csv") {
    const client = await signIn();
    const started = await client.post(`/api/admin/postcode-directory?fileName=${fileName}`, body, { headers: csv });
    if (started.statusCode !== 202) return { started, finished: null };
    let view = started.json<PostcodeDirectoryLoadView>();
    for (let polls = 0; view.status === "RUNNING" && polls < 200; polls += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      view = (await client.get(`/api/admin/postcode-directory/loads/${view.id}`)).json<PostcodeDirectoryLoadView>();
    }
    return { started, finished: view };
  }

  const tester = async (postcode: string) =>
    (
      await (await signIn()).get(`/api/admin/routing-rules/tester?postcode=${encodeURIComponent(postcode)}`)
    ).json<unknown>();

  it("refuses a file that is not the directory, says why, and stores nothing", async () => {
    const { started } = await load("postcode,team\nLS1 4AP,Leeds\n", "teams.csv");
    expect(started.statusCode, started.body).toBe(400);
    expect(started.json().errors).toEqual([
      { path: "file", message: expect.stringMatching(/not the ONS Postcode Directory.*pcds.*lad25cd/) },
    ]);
    expect(await context.test.db.postcodeDirectoryLoad.count()).toBe(0);
    expect(await context.test.db.postcodeDirectoryEntry.count()).toBe(0);
  });

  it("only lets administrators load it", async () => {
    const lead = await signedInClient(
      context.app,
      await createUser(context.test.db, { role: "LEAD", teamCode: "leeds" }),
    );
    const response = await lead.post("/api/admin/postcode-directory?fileName=x.csv", "pcds,lad25cd\n", {
      headers: csv,
    });
    expect(response.statusCode).toBe(403);
  });

  it("before a load, routes by the prefix rules and the tester says a rule decided", async () => {
    expect(await tester("BD4 6ZZ")).toMatchObject({
      team: { name: "Bradford" },
      decidedBy: "RULE",
      rule: { postcodePrefix: "BD4" },
      localAuthorityCode: null,
      crossesBoundary: true,
    });
  });

  it("loads the file, keeps West Yorkshire's areas and councils, and audits who loaded what", async () => {
    const { started, finished } = await load(await readFile(FIXTURE));
    expect(started.statusCode, started.body).toBe(202);
    expect(finished).toMatchObject({
      status: "ACTIVE",
      fileName: "ONSPD_NOV_2026_UK.csv",
      percentDone: 100,
      rowsRead: 33,
      // Barnsley's S70, Manchester and York are neither West Yorkshire areas nor councils.
      rowsKept: 30,
      rowsInvalid: 0,
      error: null,
    });
    expect(await context.test.db.postcodeDirectoryEntry.count()).toBe(30);
    const audited = await context.test.db.auditEvent.findMany({
      where: { entityType: "PostcodeDirectoryLoad", entityId: finished!.id },
      orderBy: { id: "asc" },
    });
    expect(audited.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["postcode-directory.load.start", adminId],
      ["postcode-directory.load.finish", adminId],
    ]);
    expect(audited[0]?.details).toMatchObject({ fileName: "ONSPD_NOV_2026_UK.csv" });
    expect(audited[1]?.details).toMatchObject({ status: "ACTIVE", rowsRead: 33, rowsKept: 30, rowsInvalid: 0 });
    const current = (await admin.get("/api/admin/postcode-directory")).json();
    expect(current).toMatchObject({ active: { id: finished!.id, status: "ACTIVE" }, latest: null });
  });

  it("routes a full postcode by its council, over the prefix rule of a split district", async () => {
    // East Bierley: BD4's rule says Bradford; the directory says Kirklees.
    expect(await tester("bd46zz")).toMatchObject({
      postcode: "BD4 6ZZ",
      team: { name: "Kirklees" },
      decidedBy: "DIRECTORY",
      rule: null,
      localAuthorityCode: "E08000034",
      crossesBoundary: false,
    });
    expect(await tester("WF3 1ZZ")).toMatchObject({ team: { name: "Leeds" }, decidedBy: "DIRECTORY" });
    expect(await tester("OL14 5ZZ")).toMatchObject({ team: { name: "Calderdale" }, decidedBy: "DIRECTORY" });
  });

  it("sends a postcode the directory places outside West Yorkshire to the hub, as any out-of-area postcode", async () => {
    expect(await tester("LS25 6ZZ")).toMatchObject({
      team: { name: "West Yorkshire hub" },
      decidedBy: "HUB",
      hubReason: "OUTSIDE_WEST_YORKSHIRE",
      localAuthorityCode: "E06000065",
    });
  });

  it("falls back to the prefix rules for a postcode the directory does not hold, and for a district", async () => {
    expect(await tester("BD4 6AB")).toMatchObject({ team: { name: "Bradford" }, decidedBy: "RULE" });
    expect(await tester("LS25")).toMatchObject({ team: { name: "Leeds" }, decidedBy: "RULE", crossesBoundary: true });
    expect(await tester("M1 1ZZ")).toMatchObject({ decidedBy: "HUB", hubReason: "NO_MATCHING_RULE" });
  });

  it("routes a new referral by the directory and records how", async () => {
    const referrer = await signedInClient(context.app, await createUser(context.test.db, { role: "REFERRER" }));
    const created = await submitReferral(referrer, { child: { homePostcode: "BD4 6ZZ" } });
    expect(created.team.name).toBe("Kirklees");
    const row = await context.test.db.referral.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      routingMethod: "POSTCODE_DIRECTORY",
      routingMatchedPrefix: null,
      routingLocalAuthorityCode: "E08000034",
      routingCrossesBoundary: false,
    });
    const outside = await submitReferral(referrer, { child: { homePostcode: "WF11 9ZZ" } });
    expect(outside.team.name).toBe("West Yorkshire hub");
    expect(await context.test.db.referral.findUniqueOrThrow({ where: { id: outside.id } })).toMatchObject({
      routingMethod: "HUB_FALLBACK",
      routingLocalAuthorityCode: "E06000065",
    });
  });

  it("keeps the directory in use when a later file fails part way, and stores none of that file", async () => {
    const fixture = await readFile(FIXTURE, "utf8");
    const [header] = fixture.split(/\r?\n/);
    const broken = `${header}\r\n"LS1 4ZZ","LS1  4ZZ","LS1 4ZZ","198001",""\r\n"LS1 5ZZ,"LS1 5ZZ"\r\n`;
    const { started, finished } = await load(broken, "broken.csv");
    expect(started.statusCode).toBe(202);
    expect(finished).toMatchObject({ status: "FAILED", error: expect.stringMatching(/could not be read/) });
    expect(await context.test.db.postcodeDirectoryEntry.count({ where: { loadId: finished!.id } })).toBe(0);
    expect(await tester("BD4 6ZZ")).toMatchObject({ team: { name: "Kirklees" }, decidedBy: "DIRECTORY" });
    const current = (await admin.get("/api/admin/postcode-directory")).json();
    expect(current).toMatchObject({ active: { fileName: "ONSPD_NOV_2026_UK.csv" }, latest: { status: "FAILED" } });
  });

  it("replaces the directory whole with a new load, and old referrals keep their team", async () => {
    const before = await context.test.db.referral.findFirstOrThrow({
      where: { routingLocalAuthorityCode: "E08000034" },
      include: { team: true },
    });
    const fixture = await readFile(FIXTURE, "utf8");
    // The next edition: East Bierley's postcode now placed in Bradford.
    const next = fixture.replace(/("BD4 6ZZ".*?)"E08000034"/, '$1"E08000032"');
    const { finished } = await load(next, "ONSPD_FEB_2027_UK.csv");
    expect(finished).toMatchObject({ status: "ACTIVE", rowsKept: 30 });
    expect(await tester("BD4 6ZZ")).toMatchObject({ team: { name: "Bradford" }, decidedBy: "DIRECTORY" });
    expect(await context.test.db.postcodeDirectoryEntry.count()).toBe(30);
    expect(await context.test.db.postcodeDirectoryLoad.count({ where: { status: "REPLACED" } })).toBe(1);
    const kept = await context.test.db.referral.findUniqueOrThrow({
      where: { id: before.id },
      include: { team: true },
    });
    expect(kept.team.name).toBe("Kirklees");
  });
});
