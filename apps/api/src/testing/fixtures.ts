import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { generateSecret } from "otplib";
import type { Database } from "../db/client.ts";
import type { Agency, Role } from "../generated/prisma/enums.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { createSecretBox } from "../security/encryption.ts";
import { TEST_SECRETS } from "./app.ts";
import { TestClient } from "./client.ts";

export const TEST_PASSWORD = "correct horse battery staple";
const secretBox = createSecretBox(Buffer.from(TEST_SECRETS.ENCRYPTION_KEY, "base64"));
// Hashing is deliberately slow; every fixture user shares one hash of the test password.
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly agency: Agency;
  readonly teamId: string | null;
  readonly totpSecret: string | null;
}

export interface UserSpec {
  readonly role: Role;
  readonly agency?: Agency;
  readonly teamCode?: string;
  readonly email?: string;
  /** Give the account an authenticator app (always, for roles that must have one). */
  readonly withTotp?: boolean;
  readonly status?: "ACTIVE" | "INVITED" | "DISABLED";
}

async function organisationFor(db: Database, agency: Agency) {
  const name = `Test ${agency} organisation`;
  return db.organisation.upsert({ where: { name }, create: { name, agency }, update: {} });
}

export async function createUser(db: Database, spec: UserSpec): Promise<TestUser> {
  const agency = spec.agency ?? "SOCIAL_CARE";
  const organisation = await organisationFor(db, agency);
  const team = spec.teamCode ? await db.team.findUniqueOrThrow({ where: { code: spec.teamCode } }) : null;
  const needsTotp = spec.withTotp ?? ["TRIAGE", "LEAD", "ADMIN"].includes(spec.role);
  const totpSecret = needsTotp ? generateSecret() : null;
  const email = spec.email ?? `${spec.role.toLowerCase()}.${randomBytes(4).toString("hex")}@test.example`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      email,
      displayName: `Test ${spec.role.toLowerCase()} ${email.split("@")[0]}`,
      role: spec.role,
      status: spec.status ?? "ACTIVE",
      organisationId: organisation.id,
      teamId: team?.id ?? null,
      passwordHash: spec.status === "INVITED" ? null : await passwordHash,
      totpSecret: totpSecret ? secretBox.seal(totpSecret) : null,
      totpEnabledAt: totpSecret ? new Date() : null,
    },
  });
  return { id: user.id, email, role: spec.role, agency, teamId: team?.id ?? null, totpSecret };
}

/** A client signed in as the user; fails loudly if signing in does not work. */
export async function signedInClient(app: FastifyInstance, user: TestUser): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.signIn(user.email, TEST_PASSWORD, user.totpSecret ?? undefined);
  if (response.statusCode !== 200 || response.json<{ status: string }>().status !== "signed-in") {
    throw new Error(`Could not sign in as ${user.email}: ${response.statusCode} ${response.body}`);
  }
  return client;
}
