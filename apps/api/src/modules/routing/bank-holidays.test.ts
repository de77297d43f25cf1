import { describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { submitReferral } from "../../testing/referrals.ts";
import { SettableClock } from "../../services/clock.ts";
import { useTestApp } from "../../testing/use-test-app.ts";

// Thursday 3 June 2027, 10:00 in London: the decision is due the next working day.
const clock = new SettableClock(new Date("2027-06-03T09:00:00Z"));

describe("one-off bank holidays kept by administrators", () => {
  const context = useTestApp({}, { clock });
  let admin: TestClient;
  const signIn = async () => {
    admin ??= await signedInClient(context.app, await createUser(context.test.db, { role: "ADMIN" }));
    return admin;
  };
  const counts = async () => [
    await context.test.db.bankHolidayException.count(),
    await context.test.db.auditEvent.count({ where: { entityType: "BankHolidayException" } }),
  ];

  it("lists the seeded days, newest first", async () => {
    const client = await signIn();
    const { exceptions } = (await client.get("/api/admin/bank-holidays")).json<{ exceptions: { date: string }[] }>();
    expect(exceptions[0]).toMatchObject({ date: "2023-05-08" });
    expect(exceptions.map((day) => day.date)).toContain("2022-09-19");
  });

  it("adds a day that the decision clock then skips, for referrals submitted after it only", async () => {
    const client = await signIn();
    const referrer = await signedInClient(context.app, await createUser(context.test.db, { role: "REFERRER" }));
    const before = await submitReferral(referrer);
    const dueBefore = (await context.test.db.referral.findUniqueOrThrow({ where: { id: before.id } })).decisionDueAt;

    const added = await client.post("/api/admin/bank-holidays", { date: "2027-06-04", name: "A royal occasion" });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ date: "2027-06-04", name: "A royal occasion", change: "ADDITIONAL" });
    const entry = await context.test.db.auditEvent.findFirstOrThrow({ where: { action: "bank-holiday.add" } });
    expect(entry.details).toMatchObject({ "after.date": "2027-06-04", "after.name": "A royal occasion" });

    const after = await submitReferral(referrer);
    const dueAfter = (await context.test.db.referral.findUniqueOrThrow({ where: { id: after.id } })).decisionDueAt;
    // Friday 4 June is now a holiday, so the next working day is Monday 7 June.
    expect(dueAfter.getTime()).toBeGreaterThan(dueBefore.getTime());
    expect(dueAfter.toISOString().slice(0, 10)).toBe("2027-06-07");
    expect((await context.test.db.referral.findUniqueOrThrow({ where: { id: before.id } })).decisionDueAt).toEqual(
      dueBefore,
    );
  });

  it.each([
    [{ date: "2027-02-30", name: "No such day" }, "Enter a real date"],
    [{ date: "2027-06-05", name: "A Saturday" }, "That day is a weekend, which is never a working day"],
    [{ date: "2027-12-27", name: "Already a holiday" }, "That day is already a bank holiday"],
    [{ date: "2027-06-09", name: "Not usual", change: "REMOVED" }, "That day is not one of the usual bank holidays"],
    [{ date: "1970-06-09", name: "Too early" }, "Enter a date between 1978 and 2100"],
    [{ date: "2023-05-08", name: "Again" }, "There is already a change for that day"],
  ])("refuses %j with a field error and stores nothing", async (body, message) => {
    const client = await signIn();
    const before = await counts();
    const response = await client.post("/api/admin/bank-holidays", body);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toContainEqual({ path: "date", message });
    expect(await counts()).toEqual(before);
  });

  it("removes a day, audited with what it was; an unknown day is 404", async () => {
    const client = await signIn();
    expect((await client.post("/api/admin/bank-holidays", { date: "2027-07-14", name: "Gone soon" })).statusCode).toBe(
      201,
    );
    expect((await client.delete("/api/admin/bank-holidays/2027-07-14")).statusCode).toBe(204);
    expect(
      await context.test.db.bankHolidayException.findUnique({ where: { date: new Date("2027-07-14T00:00:00Z") } }),
    ).toBeNull();
    const entry = await context.test.db.auditEvent.findFirstOrThrow({ where: { action: "bank-holiday.remove" } });
    expect(entry.details).toMatchObject({ "before.date": "2027-07-14", "before.name": "Gone soon" });
    expect((await client.delete("/api/admin/bank-holidays/2027-07-14")).statusCode).toBe(404);
    expect((await client.delete("/api/admin/bank-holidays/2027-02-30")).statusCode).toBe(404);
  });
});
