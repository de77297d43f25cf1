import type { AlertList } from "@cse/contracts";
import type { NotificationPreferences, OutboxReport } from "@cse/contracts/notifications";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SettableClock } from "../../services/clock.ts";
import { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient } from "../../testing/fixtures.ts";
import { randomBytes } from "node:crypto";
import type { ReferralCreated } from "@cse/contracts";
import { exampleReferral, submitReferral } from "../../testing/referrals.ts";
import { createTeamWorld, type TeamWorld } from "../../testing/team-world.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { DELIVERY_LEASE_MS } from "./delivery.ts";
import { countingMailer, deadlineWatch, deliveryWorker, emailFolder } from "./notification-world.ts";

// Tuesday 1 December 2026, 10:07 in London (GMT): working hours.
const TUESDAY = new Date("2026-12-01T10:07:00Z");

/** Values only the referral holds: none may ever appear in an email. */
const CANARY = {
  givenNames: "Zephyrine",
  familyName: "Quillfeather",
  homeAddress: "42 Canarywharf Crescent, Bradford",
  description: "CANARY-FREE-TEXT the child was seen near the old mill",
};

const minutes = (count: number) => count * 60_000;

describe("notifications by email", () => {
  const clock = new SettableClock(TUESDAY);
  const context = useTestApp({ EMAIL_MODE: "file", PUBLIC_URL: "https://hub.test.example" }, { clock });
  const folder = { current: null as Awaited<ReturnType<typeof emailFolder>> | null };
  let world: TeamWorld;
  const db = () => context.test.db;
  const emails = () => folder.current!;

  beforeAll(async () => {
    world = await createTeamWorld(context.app, context.test.db);
  });
  beforeEach(async () => {
    await folder.current?.clear();
    folder.current = await emailFolder();
    await db().notification.deleteMany();
    await db().notificationPreference.deleteMany();
    clock.set(TUESDAY);
  });
  afterAll(async () => folder.current?.clear());

  const submitRed = async () => {
    const created = await submitReferral(world.clients.referrer, {
      immediateDanger: true,
      child: { givenNames: CANARY.givenNames, familyName: CANARY.familyName, homeAddress: CANARY.homeAddress },
    });
    expect(created.risk.rating).toBe("RED");
    return created;
  };
  /** AMBER: one sign of concern at MEDIUM, an older child. */
  const submitAmber = async (child: Record<string, string> = {}) => {
    const example = exampleReferral({ child });
    const response = await world.clients.referrer.post(
      "/api/referrals",
      {
        ...example,
        concern: { ...example.concern, indicators: { gifts_or_money: { level: "MEDIUM", detail: null } } },
      },
      { headers: { "idempotency-key": `test-${randomBytes(8).toString("hex")}` } },
    );
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<ReferralCreated>();
    expect(created.risk.rating).toBe("AMBER");
    return created;
  };
  const rowsFor = (userId: string) => db().notification.findMany({ where: { recipientId: userId } });

  it("sends each message exactly once with two workers at once, and once more after a worker dies mid-send", async () => {
    const first = await submitRed();
    const second = await submitRed();
    const third = await submitRed();
    const bradford = [world.users.triage, world.users.policeTriage, world.users.lead];
    for (const member of bradford) expect(await rowsFor(member.id)).toHaveLength(3);

    clock.set(new Date(TUESDAY.getTime() + minutes(3)));
    const { mailer, written } = countingMailer(emails().directory);
    const [a, b] = await Promise.all([
      deliveryWorker(db(), clock, mailer).deliverDue(),
      deliveryWorker(db(), clock, mailer).deliverDue(),
    ]);
    // Three events in two minutes for each member: one message each, written by one worker.
    expect(a.sent + b.sent).toBe(3);
    expect(written).toHaveLength(3);
    expect(new Set(written).size).toBe(3);
    const files = await emails().messages();
    expect(files).toHaveLength(3);
    for (const file of files) {
      for (const created of [first, second, third]) expect(file.text).toContain(created.reference);
    }
    expect(await db().notification.count({ where: { status: { not: "SENT" } } })).toBe(0);

    // A worker that dies after sending and before recording: the rows stay claimed.
    const fourth = await submitRed();
    clock.set(new Date(clock.now().getTime() + minutes(3)));
    const crashing = deliveryWorker(db(), clock, mailer, {
      afterSend: async () => {
        throw Object.assign(new Error("the worker died"), { simulatedCrash: true });
      },
    });
    await expect(crashing.deliverDue()).rejects.toThrow("the worker died");
    expect(written).toHaveLength(4);
    expect(await db().notification.count({ where: { status: "SENDING" } })).toBeGreaterThan(0);

    // Before the lease runs out nobody touches the claimed message (the other members' go out);
    // after it, another worker finishes the job with the same message, which is already out:
    // nothing is written twice.
    expect((await deliveryWorker(db(), clock, mailer).deliverDue()).sent).toBe(2);
    expect(await db().notification.count({ where: { status: "SENDING" } })).toBe(1);
    clock.set(new Date(clock.now().getTime() + DELIVERY_LEASE_MS + 1000));
    const survivors = await Promise.all([
      deliveryWorker(db(), clock, mailer).deliverDue(),
      deliveryWorker(db(), clock, mailer).deliverDue(),
    ]);
    expect(survivors.reduce((sum, report) => sum + report.sent, 0)).toBe(0);
    expect(survivors.reduce((sum, report) => sum + report.alreadySent, 0)).toBe(1);
    expect(written).toHaveLength(6);
    expect(new Set(written).size).toBe(6);
    expect(await emails().messages()).toHaveLength(6);
    const sentFourth = await db().notification.findMany({ where: { referralId: fourth.id } });
    expect(sentFourth.map((row) => row.status)).toEqual(["SENT", "SENT", "SENT"]);
  });

  it("records an event once however many times it is recorded (another instance, a retried job)", async () => {
    const created = await submitRed();
    clock.set(new Date("2026-12-03T09:00:00Z"));
    const watches = [deadlineWatch(db(), clock), deadlineWatch(db(), clock), deadlineWatch(db(), clock)];
    const reports = await Promise.all(watches.map((watch) => watch.scan()));
    await deadlineWatch(db(), clock).scan();
    // However many watches ran, each escalation they report is one chronology event.
    const recorded = await db().chronologyEvent.count({ where: { type: "ESCALATED" } });
    expect(reports.reduce((sum, report) => sum + report.overdue + report.redUnclaimed, 0)).toBe(recorded);
    const escalations = await db().chronologyEvent.findMany({ where: { referralId: created.id, type: "ESCALATED" } });
    // Overdue, and RED unclaimed for an hour: two escalations, each recorded once.
    expect(escalations.map((event) => (event.details as { reason: string }).reason).sort()).toEqual([
      "overdue",
      "red-unclaimed",
    ]);
    const leadRows = await db().notification.findMany({
      where: { recipientId: world.users.lead.id, kind: "ESCALATED", referralId: created.id },
    });
    expect(leadRows).toHaveLength(2);
    // Escalations go to the lead only.
    expect(await db().notification.count({ where: { kind: "ESCALATED", recipientId: world.users.triage.id } })).toBe(0);
    const leadAlerts = (await world.clients.lead.get("/api/alerts")).json<AlertList>();
    expect(leadAlerts.alerts).toContainEqual(expect.objectContaining({ kind: "ESCALATED", referralId: created.id }));
  });

  it("never puts the child's name, address or any free text in an email", async () => {
    const created = await submitRed();
    await world.clients.triage.post(`/api/referrals/${created.id}/notes`, {
      body: `${CANARY.description} (a note)`,
      visibility: "TEAM",
    });
    await world.clients.triage.post(`/api/referrals/${created.id}/assign`, {});
    const decided = await world.clients.triage.post(`/api/referrals/${created.id}/decision`, {
      outcome: "STRATEGY_DISCUSSION",
      reason: `${CANARY.description} (the reason)`,
      messageToReferrer: `${CANARY.description} (the message)`,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // The referrer hears of it in the app too.
    const referrerAlerts = (await world.clients.referrer.get("/api/alerts")).json<AlertList>();
    expect(referrerAlerts.alerts).toContainEqual(expect.objectContaining({ kind: "OUTCOME", referralId: created.id }));
    expect((await world.clients.referrer.get("/api/alerts/unread-count")).json()).toMatchObject({
      unread: referrerAlerts.unread,
    });
    const overdue = await submitAmber({
      givenNames: CANARY.givenNames,
      familyName: CANARY.familyName,
      homeAddress: CANARY.homeAddress,
    });
    clock.set(new Date("2026-12-03T09:00:00Z"));
    await deadlineWatch(db(), clock).scan();
    clock.set(new Date("2026-12-03T09:10:00Z"));
    await deliveryWorker(db(), clock, countingMailer(emails().directory).mailer).deliverDue();

    const messages = await emails().messages();
    const kinds = (await db().notification.findMany({ where: { status: "SENT" } })).map((row) => row.kind);
    expect(new Set(kinds)).toEqual(new Set(["RED_REFERRAL", "NEW_REFERRAL", "OUTCOME", "ESCALATED"]));
    expect(messages.length).toBeGreaterThanOrEqual(4);
    const everything = messages.map((message) => message.text).join("\n");
    expect(everything).toContain(created.reference);
    expect(everything).toContain(overdue.reference);
    expect(everything).toContain("Bradford");
    expect(everything).toContain(`https://hub.test.example/referrals/${overdue.id}`);
    // The overdue referral's escalation reached the lead in a file of its own kind.
    const escalation = messages.find(
      (message) =>
        message.text.includes(world.users.lead.email) &&
        message.text.includes("Escalated to you") &&
        message.text.includes(overdue.reference),
    );
    expect(escalation, "an .eml for the escalation").toBeDefined();
    for (const message of messages) {
      for (const canary of [...Object.values(CANARY), "CANARY-FREE-TEXT", "Canarywharf", "Quillfeather", "Zephyrine"]) {
        expect(message.text.toLowerCase(), `${message.name} holds ${canary}`).not.toContain(canary.toLowerCase());
      }
    }
  });

  it("sends a non-RED referral in the half-hourly digest, and RED at once", async () => {
    const amber = await submitAmber();
    const digest = await db().notification.findMany({ where: { referralId: amber.id } });
    expect(digest.map((row) => row.nextAttemptAt.toISOString())).toEqual(
      Array(3).fill("2026-12-01T10:30:00.000Z") as string[],
    );
    const red = await submitRed();
    const now = await db().notification.findMany({ where: { referralId: red.id } });
    expect(now.every((row) => row.nextAttemptAt.getTime() === TUESDAY.getTime())).toBe(true);
  });

  it("lets people choose their emails, except RED and escalations for the team's lead", async () => {
    const own = (await world.clients.triage.get("/api/account/notifications")).json<NotificationPreferences>();
    expect(own.emailEnabled).toBe(true);
    expect(own.preferences).toContainEqual({ kind: "RED_REFERRAL", email: true, locked: false });
    const off = await world.clients.triage.put("/api/account/notifications", {
      preferences: [{ kind: "RED_REFERRAL", email: false }],
    });
    expect(off.statusCode, off.body).toBe(200);

    const lead = (await world.clients.lead.get("/api/account/notifications")).json<NotificationPreferences>();
    expect(lead.preferences).toContainEqual({ kind: "RED_REFERRAL", email: true, locked: true });
    expect(lead.preferences).toContainEqual({ kind: "ESCALATED", email: true, locked: true });
    for (const kind of ["RED_REFERRAL", "ESCALATED"]) {
      const refused = await world.clients.lead.put("/api/account/notifications", {
        preferences: [{ kind, email: false }],
      });
      expect(refused.statusCode).toBe(400);
    }
    // Even a preference stored behind the service's back does not silence the lead.
    await db().notificationPreference.create({
      data: { userId: world.users.lead.id, kind: "RED_REFERRAL", email: false },
    });
    const leadNewOff = await world.clients.lead.put("/api/account/notifications", {
      preferences: [{ kind: "NEW_REFERRAL", email: false }],
    });
    expect(leadNewOff.statusCode).toBe(200);
    // A kind the role never receives cannot be chosen.
    const notMine = await world.clients.referrer.put("/api/account/notifications", {
      preferences: [{ kind: "ESCALATED", email: true }],
    });
    expect(notMine.statusCode).toBe(400);

    const red = await submitRed();
    const amber = await submitAmber();
    const redTo = (await db().notification.findMany({ where: { referralId: red.id } })).map((row) => row.recipientId);
    expect(redTo.sort()).toEqual([world.users.policeTriage.id, world.users.lead.id].sort());
    const amberTo = (await db().notification.findMany({ where: { referralId: amber.id } })).map((r) => r.recipientId);
    expect(amberTo.sort()).toEqual([world.users.triage.id, world.users.policeTriage.id].sort());
  });

  it("never notifies a disabled account, even one disabled after the event", async () => {
    const disabled = await createUser(db(), { role: "TRIAGE", teamCode: "bradford", status: "DISABLED" });
    const later = await createUser(db(), { role: "TRIAGE", teamCode: "bradford" });
    const red = await submitRed();
    const rows = await db().notification.findMany({ where: { referralId: red.id } });
    expect(rows.map((row) => row.recipientId)).not.toContain(disabled.id);
    expect(rows.map((row) => row.recipientId)).toContain(later.id);

    await db().user.update({ where: { id: later.id }, data: { status: "DISABLED", disabledAt: clock.now() } });
    clock.set(new Date(TUESDAY.getTime() + minutes(3)));
    const { mailer } = countingMailer(emails().directory);
    const report = await deliveryWorker(db(), clock, mailer).deliverDue();
    expect(report.cancelled).toBe(1);
    expect((await rowsFor(later.id)).map((row) => row.status)).toEqual(["CANCELLED"]);
    const everything = (await emails().messages()).map((message) => message.text).join("\n");
    expect(everything).not.toContain(later.email);
    expect(everything).not.toContain(disabled.email);
    await db().user.update({ where: { id: later.id }, data: { teamId: null, role: "REFERRER" } });
    await db().user.update({ where: { id: disabled.id }, data: { teamId: null, role: "REFERRER" } });
  });

  it("holds a burst for one person for the coalescing window and sends it as one message", async () => {
    const first = await submitRed();
    clock.set(new Date(TUESDAY.getTime() + minutes(1)));
    const second = await submitRed();
    const { mailer, written } = countingMailer(emails().directory);
    // A minute after the first event: the window has not passed, nothing goes.
    expect((await deliveryWorker(db(), clock, mailer).deliverDue()).sent).toBe(0);
    clock.set(new Date(TUESDAY.getTime() + minutes(2)));
    await deliveryWorker(db(), clock, mailer).deliverDue();
    expect(written).toHaveLength(3);
    const leadRows = await db().notification.findMany({ where: { recipientId: world.users.lead.id } });
    expect(new Set(leadRows.map((row) => row.messageId)).size).toBe(1);
    const leadMessage = (await emails().messages()).find((message) => message.name.startsWith(leadRows[0]!.messageId!));
    expect(leadMessage?.text).toContain(first.reference);
    expect(leadMessage?.text).toContain(second.reference);
    expect(leadMessage?.text).toContain("Subject: 2 updates from the CSE Referral Hub");
  });

  it("emails an invitation's one-time link to the person instead of showing it to the administrator", async () => {
    const admin = await signedInClient(context.app, await createUser(db(), { role: "ADMIN" }));
    const organisationId = (await db().organisation.findFirstOrThrow()).id;
    const invited = await admin.post("/api/admin/users", {
      displayName: "Robin Invitee",
      email: "robin.invitee@school.example",
      organisationId,
      role: "REFERRER",
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({ invitationPath: null, emailed: true });
    expect(invited.body).not.toContain("/invitations/");

    clock.set(new Date(TUESDAY.getTime() + minutes(3)));
    await deliveryWorker(db(), clock, countingMailer(emails().directory).mailer).deliverDue();
    const [message] = (await emails().messages()).filter((email) =>
      email.text.includes("robin.invitee@school.example"),
    );
    expect(message?.text).toContain("Subject: Your invitation to the CSE Referral Hub");
    const link = /https:\/\/hub\.test\.example\/invitations\/([A-Za-z0-9_-]{43})/.exec(message!.text);
    expect(link).not.toBeNull();
    const opened = await new TestClient(context.app).get(`/api/invitations/${link![1]}`);
    expect(opened.statusCode).toBe(200);
    // The link is sealed in the outbox, never stored readable.
    expect(JSON.stringify(await db().notification.findMany())).not.toContain(link![1]);
  });

  it("retries a failed send with backoff, then shows it to administrators without personal data", async () => {
    await submitRed();
    const failing = {
      send: async () => {
        throw Object.assign(new Error(`550 no such user ${world.users.lead.email}`), { code: "EENVELOPE" });
      },
    };
    clock.set(new Date(TUESDAY.getTime() + minutes(3)));
    const worker = deliveryWorker(db(), clock, failing);
    expect((await worker.deliverDue()).retrying).toBe(3);
    const waiting = await db().notification.findFirstOrThrow({ where: { recipientId: world.users.lead.id } });
    expect(waiting.nextAttemptAt.getTime() - clock.now().getTime()).toBe(minutes(1));
    clock.set(new Date(clock.now().getTime() + minutes(1)));
    expect((await worker.deliverDue()).retrying).toBe(3);
    const again = await db().notification.findFirstOrThrow({ where: { recipientId: world.users.lead.id } });
    expect(again.nextAttemptAt.getTime() - clock.now().getTime()).toBe(minutes(2));
    clock.set(new Date(clock.now().getTime() + minutes(2)));
    expect((await worker.deliverDue()).failed).toBe(3);

    const admin = await signedInClient(context.app, await createUser(db(), { role: "ADMIN" }));
    const response = await admin.get("/api/admin/notifications");
    expect(response.statusCode).toBe(200);
    const report = response.json<OutboxReport>();
    expect(report.counts.failed).toBe(3);
    expect(report.entries).toContainEqual(
      expect.objectContaining({ kind: "RED_REFERRAL", status: "FAILED", attempts: 3, lastError: "EENVELOPE" }),
    );
    expect(response.body).not.toContain("@");
    expect(response.body).not.toContain("WY-");
    expect((await world.clients.lead.get("/api/admin/notifications")).statusCode).toBe(403);
  });
});
