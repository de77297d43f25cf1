import { createHash } from "node:crypto";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../testing/app.ts";
import { useTestApp } from "../../testing/use-test-app.ts";
import { TestClient } from "../../testing/client.ts";
import { createUser, signedInClient, TEST_PASSWORD, type TestUser } from "../../testing/fixtures.ts";
import { SESSION_TOUCH_INTERVAL_MS } from "./session-store.ts";

const accountKey = (email: string) => `sign-in:account:${createHash("sha256").update(email).digest("hex")}`;

describe("signing in", () => {
  const context = useTestApp();
  let referrer: TestUser;

  beforeAll(async () => {
    referrer = await createUser(context.test.db, { role: "REFERRER", agency: "EDUCATION" });
  });

  it("signs a referrer in with email and password, case-insensitively", async () => {
    const client = new TestClient(context.app);
    const response = await client.post("/api/auth/login", {
      email: referrer.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "signed-in",
      user: { id: referrer.id, role: "REFERRER", agency: "EDUCATION" },
    });
    const me = await client.get("/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(referrer.email);
    const audited = await context.test.db.auditEvent.findFirst({
      where: { action: "auth.sign-in", actorId: referrer.id, outcome: "ALLOWED" },
    });
    expect(audited).not.toBeNull();
  });

  it("answers a wrong password and an unknown account in exactly the same way", async () => {
    const wrongPassword = await new TestClient(context.app).post("/api/auth/login", {
      email: referrer.email,
      password: "not the password",
    });
    const unknownAccount = await new TestClient(context.app).post("/api/auth/login", {
      email: "nobody@test.example",
      password: "not the password",
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownAccount.statusCode).toBe(401);
    const withoutRequestId = (body: { requestId?: string }) => ({ ...body, requestId: undefined });
    expect(withoutRequestId(wrongPassword.json())).toEqual(withoutRequestId(unknownAccount.json()));
    expect(wrongPassword.json().detail).toBe("Enter a correct email address and password");
    // Both are on the audit trail, without the address that was tried.
    const denied = await context.test.db.auditEvent.findMany({ where: { action: "auth.sign-in", outcome: "DENIED" } });
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect(
      JSON.stringify(denied, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)),
    ).not.toContain("nobody@test.example");
  });

  it("refuses accounts that are disabled or not yet set up, as if the password were wrong", async () => {
    const disabled = await createUser(context.test.db, { role: "REFERRER", status: "DISABLED" });
    const invited = await createUser(context.test.db, { role: "REFERRER", status: "INVITED" });
    for (const user of [disabled, invited]) {
      const response = await new TestClient(context.app).post("/api/auth/login", {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(response.statusCode, user.email).toBe(401);
      expect(response.json().detail).toBe("Enter a correct email address and password");
    }
  });

  it("locks an address out after five failures, known account or not, until the window ends", async () => {
    const victim = await createUser(context.test.db, { role: "REFERRER" });
    for (const email of [victim.email, "ghost@test.example"]) {
      const client = new TestClient(context.app);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await client.post("/api/auth/login", { email, password: "wrong guess" })).statusCode).toBe(401);
      }
      const locked = await client.post("/api/auth/login", { email, password: TEST_PASSWORD });
      expect(locked.statusCode, email).toBe(429);
      expect(locked.json()).toMatchObject({ code: "locked" });
      expect(Number(locked.headers["retry-after"])).toBeGreaterThan(800);
    }
    // The window passes (simulated by ending it), and the right password works again.
    await context.test.db.rateLimitCounter.update({
      where: { key: accountKey(victim.email) },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    const afterLockout = await new TestClient(context.app).post("/api/auth/login", {
      email: victim.email,
      password: TEST_PASSWORD,
    });
    expect(afterLockout.statusCode).toBe(200);
  });

  it("refuses a request with malformed credentials and stores nothing", async () => {
    const before = await context.test.db.session.count();
    const response = await new TestClient(context.app).post("/api/auth/login", {
      email: "not an email",
      password: "",
      admin: true,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
    expect(await context.test.db.session.count()).toBe(before);
  });
});

describe("the second factor", () => {
  const context = useTestApp();

  it("is asked of a lead, and a correct code completes sign-in", async () => {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "leeds" });
    const client = new TestClient(context.app);
    const first = await client.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    expect(first.json()).toMatchObject({ status: "second-factor-required" });
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);

    expect((await client.post("/api/auth/second-factor", { code: "000000" })).statusCode).toBe(401);
    const second = await client.post("/api/auth/second-factor", { code: await generate({ secret: lead.totpSecret! }) });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ status: "signed-in", user: { role: "LEAD", team: { code: "leeds" } } });
  });

  it("refuses a code that has already been used (replay)", async () => {
    const triage = await createUser(context.test.db, { role: "TRIAGE", teamCode: "wakefield" });
    const code = await generate({ secret: triage.totpSecret! });
    const first = new TestClient(context.app);
    await first.post("/api/auth/login", { email: triage.email, password: TEST_PASSWORD });
    expect((await first.post("/api/auth/second-factor", { code })).statusCode).toBe(200);

    const attacker = new TestClient(context.app);
    await attacker.post("/api/auth/login", { email: triage.email, password: TEST_PASSWORD });
    const replay = await attacker.post("/api/auth/second-factor", { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toMatch(/already been used/);
  });

  it("takes the code with the password in one request too", async () => {
    const admin = await createUser(context.test.db, { role: "ADMIN" });
    const response = await new TestClient(context.app).post("/api/auth/login", {
      email: admin.email,
      password: TEST_PASSWORD,
      totp: await generate({ secret: admin.totpSecret! }),
    });
    expect(response.json()).toMatchObject({ status: "signed-in" });
  });

  it("enrols a new triage member with a QR code, then accepts each recovery code once", async () => {
    const newcomer = await createUser(context.test.db, { role: "TRIAGE", teamCode: "kirklees", withTotp: false });
    const client = new TestClient(context.app);
    expect(
      (await client.post("/api/auth/login", { email: newcomer.email, password: TEST_PASSWORD })).json().status,
    ).toBe("enrolment-required");
    const enrolment = (await client.get("/api/auth/enrolment")).json();
    expect(enrolment.qrCodeDataUri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(enrolment.otpauthUri).toContain("issuer=CSE%20Referral%20Hub");
    expect((await client.post("/api/auth/enrolment", { code: "123456" })).statusCode).toBe(400);
    const enrolled = await client.post("/api/auth/enrolment", { code: await generate({ secret: enrolment.secret }) });
    expect(enrolled.statusCode).toBe(200);
    const { recoveryCodes } = enrolled.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes[0]).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    // The codes are stored only as hashes.
    const stored = await context.test.db.recoveryCode.findMany({ where: { userId: newcomer.id } });
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replace("-", ""));

    const useRecoveryCode = async () => {
      const other = new TestClient(context.app);
      await other.post("/api/auth/login", { email: newcomer.email, password: TEST_PASSWORD });
      return other.post("/api/auth/second-factor", { recoveryCode: recoveryCodes[0].toLowerCase() });
    };
    expect((await useRecoveryCode()).statusCode).toBe(200);
    expect((await useRecoveryCode()).statusCode).toBe(401);
  });

  it("throttles code guessing", async () => {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "calderdale" });
    const client = new TestClient(context.app);
    await client.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await client.post("/api/auth/second-factor", { code: "111111" })).statusCode).toBe(401);
    const blocked = await client.post("/api/auth/second-factor", {
      code: await generate({ secret: lead.totpSecret! }),
    });
    expect(blocked.statusCode).toBe(429);
  });

  it("cannot be skipped: the pending step gives no access to anything else", async () => {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "bradford" });
    const client = new TestClient(context.app);
    await client.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    expect((await client.get("/api/referrals?scope=team")).statusCode).toBe(401);
    expect((await client.get("/api/auth/me")).statusCode).toBe(401);
  });
});

describe("sessions", () => {
  const context = useTestApp();

  const sessionCookie = (client: TestClient) => client.cookies.get("cse-session");

  it("gives a new session id at sign-in, so a planted one is worthless (fixation)", async () => {
    const lead = await createUser(context.test.db, { role: "LEAD", teamCode: "leeds" });
    const client = new TestClient(context.app);
    // Half-way through signing in, the browser holds a session: the id an attacker could plant.
    await client.post("/api/auth/login", { email: lead.email, password: TEST_PASSWORD });
    const planted = sessionCookie(client);
    expect(planted).toBeDefined();
    const signedIn = await client.post("/api/auth/second-factor", {
      code: await generate({ secret: lead.totpSecret! }),
    });
    expect(signedIn.statusCode).toBe(200);
    expect(sessionCookie(client)).not.toBe(planted);

    const attacker = new TestClient(context.app);
    attacker.cookies.set("cse-session", planted!);
    expect((await attacker.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("stores no session for an anonymous caller asking for CSRF tokens", async () => {
    const before = await context.test.db.session.count();
    for (let call = 0; call < 20; call += 1) {
      const response = await new TestClient(context.app).get("/api/auth/csrf");
      expect(response.statusCode).toBe(200);
      expect(response.cookies.map((cookie) => cookie.name)).toEqual(["cse-csrf"]);
    }
    expect(await context.test.db.session.count()).toBe(before);
  });

  it("sets the cookie HttpOnly, SameSite=Strict, host-only, and Secure with a __Host- name in production", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const response = await new TestClient(context.app).post("/api/auth/login", {
      email: user.email,
      password: TEST_PASSWORD,
    });
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);

    const { app: production } = await buildTestApp(context.test.db, {
      NODE_ENV: "production",
      DATABASE_URL: context.test.url,
      TRUST_PROXY: "1",
    });
    try {
      const https = { headers: { "x-forwarded-proto": "https" } };
      const client = new TestClient(production);
      const csrfCookie = String((await client.get("/api/auth/csrf", https)).headers["set-cookie"]);
      expect(csrfCookie).toMatch(/^__Host-cse-csrf=.*; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      const secured = await client.post("/api/auth/login", { email: user.email, password: TEST_PASSWORD }, https);
      expect(secured.statusCode).toBe(200);
      const productionCookie = String(secured.headers["set-cookie"]);
      expect(productionCookie).toMatch(/^__Host-cse-session=/);
      expect(productionCookie).toMatch(/Secure/);
      // Over plain HTTP a production server sets no session cookie at all.
      const insecure = new TestClient(production);
      await insecure.refreshCsrfToken();
      const plain = await insecure.post("/api/auth/login", { email: user.email, password: TEST_PASSWORD });
      expect(plain.statusCode).toBe(200);
      expect(String(plain.headers["set-cookie"] ?? "")).not.toMatch(/cse-session/);
    } finally {
      await production.close();
    }
  });

  it("ends after the idle timeout, and after the absolute timeout however active", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    for (const column of ["expiresAt", "absoluteExpiresAt"] as const) {
      const client = await signedInClient(context.app, user);
      expect((await client.get("/api/auth/me")).statusCode).toBe(200);
      const session = await context.test.db.session.findFirstOrThrow({
        where: { userId: user.id },
        orderBy: { lastSeenAt: "desc" },
      });
      await context.test.db.session.update({
        where: { id: session.id },
        data: { [column]: new Date(Date.now() - 1000) },
      });
      expect((await client.get("/api/auth/me")).statusCode, column).toBe(401);
      expect(await context.test.db.session.findUnique({ where: { id: session.id } })).toBeNull();
    }
  });

  it("keeps an active session alive: a request a minute after the last push pushes the idle expiry on", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, user);
    const signedIn = await context.test.db.session.findFirstOrThrow({ where: { userId: user.id } });
    // As if the last request came a minute and a second ago.
    const before = await context.test.db.session.update({
      where: { id: signedIn.id },
      data: {
        lastSeenAt: new Date(signedIn.lastSeenAt.getTime() - SESSION_TOUCH_INTERVAL_MS - 1_000),
        expiresAt: new Date(signedIn.expiresAt.getTime() - SESSION_TOUCH_INTERVAL_MS - 1_000),
      },
    });
    const me = await client.get("/api/auth/me");
    const after = await context.test.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    expect(after.absoluteExpiresAt.getTime()).toBe(before.absoluteExpiresAt.getTime());
    // The header and the stored expiry are computed a moment apart.
    const announced = new Date(String(me.headers["x-session-idle-expires-at"])).getTime();
    expect(Math.abs(announced - after.expiresAt.getTime())).toBeLessThan(1000);
  });

  it("does not write an unchanged session again within a minute, and says when it really ends", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, user);
    const before = await context.test.db.session.findFirstOrThrow({ where: { userId: user.id } });
    const responses = [await client.get("/api/auth/me"), await client.get("/api/referrals")];
    const after = await context.test.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(after.lastSeenAt).toEqual(before.lastSeenAt);
    expect(after.expiresAt).toEqual(before.expiresAt);
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      // The browser's warning counts down to the expiry the row has, not a later one.
      expect(new Date(String(response.headers["x-session-idle-expires-at"])).getTime()).toBe(
        before.expiresAt.getTime(),
      );
    }
  });

  it("ends on the server at sign-out", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, user);
    const cookie = sessionCookie(client)!;
    const signedOut = await client.post("/api/auth/logout");
    expect(signedOut.statusCode).toBe(204);
    // The browser is told to forget the cookie, not left holding a dead one.
    expect(String(signedOut.headers["set-cookie"])).toMatch(/^cse-session=; .*Expires=Thu, 01 Jan 1970/);
    expect(client.cookies.has("cse-session")).toBe(false);
    expect(await context.test.db.session.count({ where: { userId: user.id } })).toBe(0);
    const replayed = new TestClient(context.app);
    replayed.cookies.set("cse-session", cookie);
    expect((await replayed.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("ends every session of an account the moment it is disabled", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const admin = await createUser(context.test.db, { role: "ADMIN" });
    const [laptop, phone] = [await signedInClient(context.app, user), await signedInClient(context.app, user)];
    const adminClient = await signedInClient(context.app, admin);
    expect((await adminClient.post(`/api/admin/users/${user.id}/disable`)).statusCode).toBe(200);
    expect((await laptop.get("/api/auth/me")).statusCode).toBe(401);
    expect((await phone.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("ends the other sessions when the password changes, keeping the one that changed it", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const here = await signedInClient(context.app, user);
    const elsewhere = await signedInClient(context.app, user);
    const weak = await here.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ path: "newPassword", message: expect.stringMatching(/commonly used/) }]);
    const changed = await here.post("/api/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "marmalade lighthouse quartet",
    });
    expect(changed.statusCode).toBe(204);
    expect((await here.get("/api/auth/me")).statusCode).toBe(200);
    expect((await elsewhere.get("/api/auth/me")).statusCode).toBe(401);
    expect(
      (
        await new TestClient(context.app).post("/api/auth/login", {
          email: user.email,
          password: "marmalade lighthouse quartet",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("is shared by every instance: signed in on one, recognised by another", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const client = await signedInClient(context.app, user);
    const { app: secondInstance } = await buildTestApp(context.test.db);
    try {
      const onSecond = new TestClient(secondInstance);
      onSecond.cookies.set("cse-session", sessionCookie(client)!);
      const me = await onSecond.get("/api/auth/me");
      expect(me.statusCode).toBe(200);
      expect(me.json().user.id).toBe(user.id);
    } finally {
      await secondInstance.close();
    }
  });
});

describe("CSRF protection", () => {
  const context = useTestApp();

  it("refuses state-changing requests without the token, or with a wrong one, and changes nothing", async () => {
    const admin = await createUser(context.test.db, { role: "ADMIN" });
    const client = await signedInClient(context.app, admin);
    const organisation = await context.test.db.organisation.findFirstOrThrow();
    const invite = {
      email: "csrf.victim@test.example",
      displayName: "Victim",
      role: "REFERRER",
      organisationId: organisation.id,
    };

    const missing = await client.post("/api/admin/users", invite, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: "csrf", type: "urn:cse-referral-hub:problem:csrf" });
    const wrong = await client.post("/api/admin/users", invite, {
      csrf: false,
      headers: { "x-csrf-token": "forged-token" },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await context.test.db.user.count({ where: { email: invite.email } })).toBe(0);

    expect((await client.post("/api/admin/users", invite)).statusCode).toBe(201);
  });

  it("protects sign-in too, against login CSRF", async () => {
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const response = await new TestClient(context.app).post(
      "/api/auth/login",
      { email: user.email, password: TEST_PASSWORD },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
  });
});
