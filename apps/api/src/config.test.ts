import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, repoRoot } from "./config.ts";

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://app:secret@db:5432/cse",
  SESSION_SECRET: "s".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("has working defaults for development", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: "development",
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: undefined,
      dataDir: `${repoRoot}/.data`,
      seedDemoData: true,
    });
  });

  it("reads PORT, HOST and DATA_DIR", () => {
    const config = loadConfig({ PORT: "8080", HOST: "0.0.0.0", DATA_DIR: "/var/lib/cse" });
    expect(config).toMatchObject({ port: 8080, host: "0.0.0.0", dataDir: "/var/lib/cse" });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it("names every bad value with a clear message", () => {
    const problems = problemsOf({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL/);
  });

  it("requires real secrets and a database in production", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toEqual(
      expect.arrayContaining([
        "SESSION_SECRET: is required when NODE_ENV=production",
        "ENCRYPTION_KEY: is required when NODE_ENV=production",
        "DATABASE_URL: is required when NODE_ENV=production",
      ]),
    );
    expect(loadConfig(production).isProduction).toBe(true);
  });

  it("never seeds demo data in production", () => {
    expect(loadConfig(production).seedDemoData).toBe(false);
    expect(problemsOf({ ...production, SEED_DEMO_DATA: "true" })).toEqual([
      "SEED_DEMO_DATA: demo data is never seeded when NODE_ENV=production",
    ]);
  });

  it("rejects a short demo password and a malformed TOTP secret", () => {
    const problems = problemsOf({ DEMO_PASSWORD: "short", DEMO_TOTP_SECRET: "not base32!" });
    expect(problems).toEqual([
      "DEMO_PASSWORD: must be at least 12 characters",
      "DEMO_TOTP_SECRET: must be a base32 secret of at least 26 characters (128 bits)",
    ]);
  });

  it("rejects an encryption key of the wrong length", () => {
    expect(problemsOf({ ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toEqual([
      "ENCRYPTION_KEY: must be 32 bytes, base64-encoded",
    ]);
  });

  it("trusts no proxy by default, and takes a hop count or a list of proxy addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,fd00::/8" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "fd00::/8",
    ]);
    for (const value of ["true", "yes", "10.0.0.0/33", "proxy.internal", "-1"]) {
      expect(problemsOf({ TRUST_PROXY: value }), value).toEqual([expect.stringMatching(/^TRUST_PROXY: must be false/)]);
    }
  });

  it("sends no email by default, writes files under the data folder in development mode, and needs a host for SMTP", () => {
    expect(loadConfig({}).email).toMatchObject({ mode: "off", directory: `${repoRoot}/.data/emails` });
    expect(loadConfig({ EMAIL_MODE: "file", DATA_DIR: "/srv/cse" }).email.directory).toBe("/srv/cse/emails");
    expect(problemsOf({ EMAIL_MODE: "smtp" })).toEqual(["SMTP_HOST: is required when EMAIL_MODE=smtp"]);
    const smtp = loadConfig({ EMAIL_MODE: "smtp", SMTP_HOST: "mail.example", SMTP_PORT: "465", SMTP_SECURE: "true" });
    expect(smtp.email.smtp).toMatchObject({ host: "mail.example", port: 465, secure: true, requireTls: true });
    expect(loadConfig({ PUBLIC_URL: "https://hub.example/" }).publicUrl).toBe("https://hub.example");
    // Unset, links point at the port the service listens on.
    expect(loadConfig({ PORT: "3100" }).publicUrl).toBe("http://localhost:3100");
    expect(loadConfig({ NOTIFICATION_COALESCE_MINUTES: "0" }).notifications.coalesceMs).toBe(0);
  });

  it("serves the API documentation outside production only, unless told", () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig(production).apiDocs).toBe(false);
    expect(loadConfig({ ...production, API_DOCS: "true" }).apiDocs).toBe(true);
  });
});
