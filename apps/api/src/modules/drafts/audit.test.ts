import { describe, expect, it } from "vitest";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { createAuditService } from "../audit/service.ts";

// A draft holds a child's details, so reading or saving one leaves a trace, as a referral does.
describe("the audit trail of drafts", () => {
  const context = useTestApp();
  const entriesFor = (draftId: string) =>
    context.test.db.auditEvent.findMany({ where: { entityId: draftId }, orderBy: { id: "asc" } });

  it("records each read and each save by the owner, and nothing about the child", async () => {
    const owner = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, owner);
    const created = await client.post("/api/drafts", {
      content: { immediateDanger: "no", child: { givenNames: "Alexandra", familyName: "Quinnell" } },
    });
    expect(created.statusCode).toBe(201);
    const draftId = created.json<{ id: string }>().id;

    expect((await client.get(`/api/drafts/${draftId}`)).statusCode).toBe(200);
    const saved = await client.put(`/api/drafts/${draftId}`, {
      content: { immediateDanger: "no", child: { givenNames: "Alex" } },
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    const listed = await client.get("/api/drafts");
    expect(listed.statusCode).toBe(200);

    const entries = await entriesFor(draftId);
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actorId])).toEqual([
      ["draft.create", "ALLOWED", owner.id],
      ["draft.read", "ALLOWED", owner.id],
      ["draft.save", "ALLOWED", owner.id],
    ]);
    expect(entries[2]!.details).toEqual({ version: 2 });
    const list = await context.test.db.auditEvent.findFirstOrThrow({
      where: { action: "draft.list", actorId: owner.id },
    });
    expect(list.details).toEqual({ draftIds: [draftId] });
    const everything = JSON.stringify(await context.test.db.auditEvent.findMany(), (_, value: unknown) =>
      typeof value === "bigint" ? value.toString() : value,
    );
    expect(everything).not.toMatch(/Alex|Quinnell/);
    expect(await createAuditService(context.test.db).verifyChain()).toMatchObject({ brokenAt: null });
  });

  it("records someone else's attempt as refused, and a refused save stores nothing", async () => {
    const owner = await createUser(context.test.db, { role: "REFERRER" });
    const other = await createUser(context.test.db, { role: "REFERRER" });
    const ownerClient = await signedInClient(context.app, owner);
    const draftId = (await ownerClient.post("/api/drafts", { content: { immediateDanger: "no" } })).json<{
      id: string;
    }>().id;
    const otherClient = await signedInClient(context.app, other);

    expect((await otherClient.get(`/api/drafts/${draftId}`)).statusCode).toBe(404);
    const refusedSave = await otherClient.put(`/api/drafts/${draftId}`, { content: { immediateDanger: "yes" } });
    expect(refusedSave.statusCode).toBe(404);

    const draft = await context.test.db.draft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft.version).toBe(1);
    const refusals = (await entriesFor(draftId)).filter((entry) => entry.actorId === other.id);
    expect(refusals.map((entry) => [entry.action, entry.outcome])).toEqual([
      ["draft.read", "DENIED"],
      ["draft.read", "DENIED"],
    ]);
  });

  it("records nothing for a draft that does not exist (there was nothing to read)", async () => {
    const owner = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, owner);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await client.get(`/api/drafts/${missing}`)).statusCode).toBe(404);
    expect(await entriesFor(missing)).toEqual([]);
  });
});
