import { randomBytes } from "node:crypto";
import { generateSecret } from "otplib";
import type { Agency, Role } from "../../generated/prisma/enums.ts";
import { hashPassword } from "../../modules/auth/passwords.ts";
import type { SecretBox } from "../../security/encryption.ts";
import type { Database } from "../client.ts";
import { WEST_YORKSHIRE_TEAMS } from "./reference-data.ts";

const DEMO_DOMAIN = "demo.example";

export const DEMO_ORGANISATIONS: readonly { agency: Agency; name: string }[] = [
  { agency: "POLICE", name: "West Yorkshire Police" },
  { agency: "SOCIAL_CARE", name: "West Yorkshire Children's Social Care" },
  { agency: "HEALTH", name: "West Yorkshire NHS Trusts" },
  { agency: "EDUCATION", name: "West Yorkshire Schools and Colleges" },
  { agency: "VOLUNTARY", name: "West Yorkshire Voluntary Sector" },
];

export interface DemoAccount {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: Agency;
  readonly teamCode?: string;
}

const referrerAgencies: readonly [string, Agency][] = [
  ["police", "POLICE"],
  ["social-care", "SOCIAL_CARE"],
  ["health", "HEALTH"],
  ["education", "EDUCATION"],
  ["voluntary", "VOLUNTARY"],
];

const title = (words: string) =>
  words.replace(
    /(^|[-\s])(\w)/g,
    (_m, gap: string, letter: string) => `${gap === "-" ? " " : gap}${letter.toUpperCase()}`,
  );

/** The demo accounts of DESIGN.md §9, one per role, agency and team. */
export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = referrerAgencies.map(([slug, agency]) => ({
    email: `referrer.${slug}@${DEMO_DOMAIN}`,
    displayName: `Demo Referrer (${title(slug)})`,
    role: "REFERRER",
    agency,
  }));
  for (const team of WEST_YORKSHIRE_TEAMS) {
    accounts.push({
      email: `triage.${team.code}@${DEMO_DOMAIN}`,
      displayName: `Demo Triage (${team.name})`,
      role: "TRIAGE",
      agency: "SOCIAL_CARE",
      teamCode: team.code,
    });
  }
  accounts.push(
    {
      email: `police.bradford@${DEMO_DOMAIN}`,
      displayName: "Demo Police Triage (Bradford)",
      role: "TRIAGE",
      agency: "POLICE",
      teamCode: "bradford",
    },
    {
      email: `voluntary.bradford@${DEMO_DOMAIN}`,
      displayName: "Demo Voluntary Triage (Bradford)",
      role: "TRIAGE",
      agency: "VOLUNTARY",
      teamCode: "bradford",
    },
  );
  for (const team of WEST_YORKSHIRE_TEAMS) {
    accounts.push({
      email: `lead.${team.code}@${DEMO_DOMAIN}`,
      displayName: `Demo Lead (${team.name})`,
      role: "LEAD",
      agency: "SOCIAL_CARE",
      teamCode: team.code,
    });
  }
  accounts.push({
    email: `admin@${DEMO_DOMAIN}`,
    displayName: "Demo Administrator",
    role: "ADMIN",
    agency: "SOCIAL_CARE",
  });
  return accounts;
}

/** Roles that must present a second factor (DESIGN §7). */
const rolesWithSecondFactor: ReadonlySet<Role> = new Set(["TRIAGE", "LEAD", "ADMIN"]);

export interface DemoCredentials {
  readonly password: string;
  readonly totpSecret: string;
  readonly passwordWasGenerated: boolean;
  readonly totpSecretWasGenerated: boolean;
  readonly accounts: readonly DemoAccount[];
}

export interface DemoSeedOptions {
  readonly password?: string;
  readonly totpSecret?: string;
  readonly secretBox: SecretBox;
}

/** Seeds organisations and demo accounts into a database that has no users yet. */
export async function seedDemoData(db: Database, options: DemoSeedOptions): Promise<DemoCredentials | null> {
  if ((await db.user.count()) > 0) return null;
  const password = options.password ?? randomBytes(12).toString("base64url");
  const totpSecret = options.totpSecret ?? generateSecret();
  const passwordHash = await hashPassword(password);
  const sealedTotpSecret = options.secretBox.seal(totpSecret);
  const accounts = demoAccounts();
  const now = new Date();

  await db.$transaction(async (tx) => {
    for (const organisation of DEMO_ORGANISATIONS) {
      await tx.organisation.upsert({ where: { name: organisation.name }, create: organisation, update: {} });
    }
    const organisations = await tx.organisation.findMany({ select: { id: true, agency: true } });
    const teams = await tx.team.findMany({ select: { id: true, code: true } });
    const organisationIdByAgency = new Map(organisations.map((organisation) => [organisation.agency, organisation.id]));
    const teamIdByCode = new Map(teams.map((team) => [team.code, team.id]));
    await tx.user.createMany({
      data: accounts.map((account) => {
        const organisationId = organisationIdByAgency.get(account.agency);
        if (!organisationId) throw new Error(`No demo organisation for ${account.agency}`);
        const hasSecondFactor = rolesWithSecondFactor.has(account.role);
        return {
          email: account.email,
          displayName: account.displayName,
          jobTitle: account.role === "REFERRER" ? "Safeguarding practitioner" : "CSE team member",
          role: account.role,
          status: "ACTIVE" as const,
          organisationId,
          teamId: account.teamCode ? (teamIdByCode.get(account.teamCode) ?? null) : null,
          passwordHash,
          passwordChangedAt: now,
          totpSecret: hasSecondFactor ? sealedTotpSecret : null,
          totpEnabledAt: hasSecondFactor ? now : null,
        };
      }),
    });
  });

  return {
    password,
    totpSecret,
    passwordWasGenerated: options.password === undefined,
    totpSecretWasGenerated: options.totpSecret === undefined,
    accounts,
  };
}

export function describeDemoCredentials(credentials: DemoCredentials): string {
  const lines = [
    "Demo accounts (development only):",
    ...credentials.accounts.map(
      (account) => `  ${account.email.padEnd(36)} ${account.role}${account.teamCode ? ` (${account.teamCode})` : ""}`,
    ),
    `Password for every demo account: ${credentials.password}${credentials.passwordWasGenerated ? "   (generated: set DEMO_PASSWORD to choose one)" : ""}`,
    `TOTP secret for triage, lead and admin accounts (base32): ${credentials.totpSecret}${credentials.totpSecretWasGenerated ? "   (generated: set DEMO_TOTP_SECRET to choose one)" : ""}`,
    "These are shown once: they are not stored anywhere readable.",
  ];
  return lines.join("\n");
}
