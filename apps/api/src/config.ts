import { isIP } from "node:net";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root: relative paths in the configuration are resolved against it. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

/** An IP address, or a CIDR block such as 10.0.0.0/8 or fd00::/8. */
function isAddressOrBlock(value: string): boolean {
  const [address = "", prefix, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * Which proxies may say who the client is (X-Forwarded-For) and that it used HTTPS: none
 * (false), the nearest N hops, or the listed addresses. "true" (every hop) is refused: it lets
 * any client write its own address into X-Forwarded-For and escape the per-address limits.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (["false", "0", "no"].includes(value)) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const addresses = value.split(",").map((part) => part.trim());
    if (addresses.every(isAddressOrBlock)) return addresses;
    ctx.addIssue({
      code: "custom",
      message:
        "must be false, the number of proxies in front of the service (e.g. 1), " +
        "or a comma-separated list of their addresses or CIDR blocks",
    });
    return z.NEVER;
  });

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    MIGRATION_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    WEB_DIST_DIR: z.string().min(1).default("apps/web/dist"),
    SEED_DEMO_DATA: flag.optional(),
    SEED_DEMO_REFERRALS: flag.optional(),
    DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    DEMO_TOTP_SECRET: z
      .string()
      // 26 base32 characters are 128 bits, the least RFC 4226 and our TOTP library accept.
      .regex(/^[A-Z2-7]{26,}=*$/, "must be a base32 secret of at least 26 characters (128 bits)")
      .optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded")
      .optional(),
    TRUST_PROXY: trustProxy.default(false),
    API_DOCS: flag.optional(),
    RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    SESSION_IDLE_MINUTES: positiveInt.default(30),
    SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
    SIGN_IN_MAX_FAILURES: positiveInt.default(5),
    SIGN_IN_LOCKOUT_MINUTES: positiveInt.default(15),
    SIGN_IN_MAX_PER_ADDRESS: positiveInt.default(50),
    INVITATION_VALID_HOURS: positiveInt.default(72),
    /** How long a proof of the second factor allows staff-account changes (separation of duties). */
    STEP_UP_WINDOW_SECONDS: positiveInt.default(300),
    DRAFT_RETENTION_DAYS: positiveInt.default(30),
    SHUTDOWN_GRACE_SECONDS: positiveInt.default(10),
    /** The longest a request waits for a database connection or a query before answering 503. */
    DATABASE_TIMEOUT_SECONDS: positiveInt.default(10),
    /** When a retry may take over an Idempotency-Key whose first request died mid-flight. */
    IDEMPOTENCY_TAKEOVER_SECONDS: positiveInt.default(120),
    AUDIT_CHECKPOINT_KEY: z
      .string()
      .refine((value) => Buffer.from(value, "base64").length >= 32, "must be at least 32 bytes, base64-encoded")
      .optional(),
    AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
    AUDIT_CHECKPOINT_SCHEDULE: z
      .string()
      .regex(/^\S+( \S+){4,5}$/, "must be a cron expression, such as * * * * * for every minute")
      .default("* * * * *"),
    /** off: nothing is emailed (one-time links are shown to the admin); file: .eml files; smtp. */
    EMAIL_MODE: z.enum(["off", "file", "smtp"]).default("off"),
    EMAIL_FROM: z.string().min(3).default("CSE Referral Hub <no-reply@cse-referral-hub.invalid>"),
    EMAIL_DIR: z.string().min(1).optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    /** true: TLS from the first byte (port 465); false: STARTTLS, which SMTP_REQUIRE_TLS insists on. */
    SMTP_SECURE: flag.default(false),
    SMTP_REQUIRE_TLS: flag.default(true),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    /** Where links in emails point: the address people open the service at (default: this port on localhost). */
    PUBLIC_URL: z.url().optional(),
    /** Events for one person within this many minutes go out as one email. */
    NOTIFICATION_COALESCE_MINUTES: z.coerce.number().int().min(0).max(60).default(2),
    NOTIFICATION_MAX_ATTEMPTS: positiveInt.default(6),
    /** The first retry's delay; each later one doubles it. */
    NOTIFICATION_RETRY_SECONDS: positiveInt.default(60),
  })
  .superRefine((env, ctx) => {
    if (env.EMAIL_MODE === "smtp" && !env.SMTP_HOST) {
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "is required when EMAIL_MODE=smtp" });
    }
    if (env.NODE_ENV === "production" && env.SEED_DEMO_DATA === true) {
      ctx.addIssue({
        code: "custom",
        path: ["SEED_DEMO_DATA"],
        message: "demo data is never seeded when NODE_ENV=production",
      });
    }
    if (env.NODE_ENV === "production") {
      // Outside production a missing secret is generated once and kept in DATA_DIR.
      for (const key of ["SESSION_SECRET", "ENCRYPTION_KEY", "DATABASE_URL"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when NODE_ENV=production" });
      }
    }
  });

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof environmentSchema>) {
  const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(repoRoot, path));
  const isProduction = env.NODE_ENV === "production";
  return {
    environment: env.NODE_ENV,
    isProduction,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    dataDir: fromRoot(env.DATA_DIR),
    embeddedDatabasePort: env.EMBEDDED_DATABASE_PORT,
    webDistDir: fromRoot(env.WEB_DIST_DIR),
    seedDemoData: env.SEED_DEMO_DATA ?? !isProduction,
    /** A dozen fictional referrals with the demo accounts, so a newcomer has a queue to work. */
    seedDemoReferrals: (env.SEED_DEMO_REFERRALS ?? true) && (env.SEED_DEMO_DATA ?? !isProduction),
    demoPassword: env.DEMO_PASSWORD,
    demoTotpSecret: env.DEMO_TOTP_SECRET,
    sessionSecret: env.SESSION_SECRET,
    encryptionKey: env.ENCRYPTION_KEY,
    trustProxy: env.TRUST_PROXY,
    apiDocs: env.API_DOCS ?? !isProduction,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    signInLockoutMs: env.SIGN_IN_LOCKOUT_MINUTES * 60_000,
    signInMaxPerAddress: env.SIGN_IN_MAX_PER_ADDRESS,
    invitationValidMs: env.INVITATION_VALID_HOURS * 3_600_000,
    stepUpWindowMs: env.STEP_UP_WINDOW_SECONDS * 1000,
    draftRetentionMs: env.DRAFT_RETENTION_DAYS * 86_400_000,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    databaseTimeoutMs: env.DATABASE_TIMEOUT_SECONDS * 1000,
    idempotencyTakeoverMs: env.IDEMPOTENCY_TAKEOVER_SECONDS * 1000,
    auditCheckpointKey: env.AUDIT_CHECKPOINT_KEY,
    auditCheckpointFile: fromRoot(env.AUDIT_CHECKPOINT_FILE ?? `${env.DATA_DIR}/audit-checkpoints.jsonl`),
    auditCheckpointSchedule: env.AUDIT_CHECKPOINT_SCHEDULE,
    email: {
      mode: env.EMAIL_MODE,
      from: env.EMAIL_FROM,
      directory: fromRoot(env.EMAIL_DIR ?? `${env.DATA_DIR}/emails`),
      smtp: {
        host: env.SMTP_HOST ?? "",
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        requireTls: env.SMTP_REQUIRE_TLS,
        user: env.SMTP_USER,
        password: env.SMTP_PASSWORD,
      },
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    notifications: {
      coalesceMs: env.NOTIFICATION_COALESCE_MINUTES * 60_000,
      maxAttempts: env.NOTIFICATION_MAX_ATTEMPTS,
      retryBaseMs: env.NOTIFICATION_RETRY_SECONDS * 1000,
    },
  } as const;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads the configuration once, failing fast with every problem listed.
 * This is the only module that reads process.env.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (FOO=) means "not set", as it does for most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  return toConfig(parsed.data);
}
