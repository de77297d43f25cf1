import pino from "pino";
import { describe, expect, it } from "vitest";
import { LogCapture } from "./testing/app.ts";
import { TestClient } from "./testing/client.ts";
import { createUser, signedInClient } from "./testing/fixtures.ts";
import { useTestApp } from "./testing/use-test-app.ts";
import { loggerOptions } from "./logger.ts";

function captureLogger() {
  const capture = new LogCapture();
  const options = loggerOptions("info", capture) as pino.LoggerOptions & { stream: LogCapture };
  return { logger: pino(options, options.stream), capture };
}

describe("log redaction", () => {
  it("never writes personal data or secrets, at the top level or nested", () => {
    const { logger, capture } = captureLogger();
    logger.info(
      {
        email: "jo.bloggs@school.example",
        password: "correct horse battery staple",
        child: { givenNames: "Amira", familyName: "Khan" },
        referral: { concernDescription: "Seen getting into a silver car", dateOfBirth: "2012-03-04" },
        request: { body: { phone: "07700 900123" }, headers: { cookie: "sid=abc" } },
        referralId: "0195f0a2-0000-7000-8000-000000000000",
      },
      "something happened",
    );
    const text = capture.text;
    for (const secret of [
      "jo.bloggs",
      "correct horse",
      "Amira",
      "Khan",
      "silver car",
      "2012-03-04",
      "07700",
      "sid=abc",
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain("[redacted]");
    // Identifiers that are not personal data still reach the log.
    expect(text).toContain("0195f0a2-0000-7000-8000-000000000000");
  });

  it("logs a request's route pattern, never its path, query string or cookies", () => {
    const { logger, capture } = captureLogger();
    logger.info(
      {
        req: {
          id: "r1",
          method: "GET",
          url: "/api/referrals?search=Amira%20Khan",
          routeOptions: { url: "/api/referrals" },
          headers: { cookie: "sid=abc" },
        },
      },
      "request",
    );
    expect(capture.text).toContain('"route":"/api/referrals"');
    expect(capture.text).not.toContain("Amira");
    expect(capture.text).not.toContain("sid=abc");
  });

  it("keeps a foreign error's kind and stack but not its message, which may quote data", () => {
    const { logger, capture } = captureLogger();
    const error = new Error("duplicate key value violates unique constraint: Key (email)=(jo@school.example)");
    logger.error({ err: error }, "failed");
    expect(capture.text).not.toContain("jo@school.example");
    expect(capture.text).toContain('"type":"Error"');
    expect(capture.text).toContain("logger.test.ts");
  });

  it("keeps no line of a message that runs over several lines, as the database's do", () => {
    const { logger, capture } = captureLogger();
    const error = new Error(
      "Invalid `prisma.organisation.create()` invocation:\n\n\n" +
        'ERROR: invalid byte sequence for encoding "UTF8": 0x00\n' +
        "DETAIL: Failing row contains (Amira Khan's school).",
    );
    logger.error({ err: error }, "failed");
    expect(capture.text).not.toContain("Amira");
    expect(capture.text).not.toContain("invalid byte sequence");
    expect(capture.text).toContain("logger.test.ts");
  });
});

describe("one-time links in the log", () => {
  const context = useTestApp({ WEB_DIST_DIR: "/nonexistent-web-dist" });

  it("never writes an invitation or reset token, whatever route it arrives on", async () => {
    const admin = await signedInClient(context.app, await createUser(context.test.db, { role: "ADMIN" }));
    const user = await createUser(context.test.db, { role: "REFERRER" });
    const issued = await admin.post(`/api/admin/users/${user.id}/invitation`);
    expect(issued.statusCode).toBe(201);
    const token = String(issued.json<{ invitationPath: string }>().invitationPath.split("/").pop());
    const anyone = new TestClient(context.app);
    expect((await anyone.get(`/api/invitations/${token}`)).statusCode).toBe(200);
    expect((await anyone.get(`/invitations/${token}`)).statusCode).toBe(404);
    expect((await anyone.post(`/api/invitations/${token}`, { password: "short" })).statusCode).toBe(400);
    expect((await anyone.post(`/api/invitations/${token}/x`, {})).statusCode).toBe(404);

    expect(context.logs.text).toContain('"route":"/api/invitations/:token"');
    expect(context.logs.text).not.toContain(token);
  });
});
