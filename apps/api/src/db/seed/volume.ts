// Volume data: fills a database with realistic, clearly fictional referrals, fast, for
// benchmarks and for working against a queue of real size. The realism is made once in
// JavaScript (volume-pools.ts); the volume is made by PostgreSQL (volume-sql.ts).
import type { BankHolidayException } from "@cse/domain";
import pg from "pg";
import type { Agency } from "../../generated/prisma/enums.ts";
import {
  addressPool,
  aliasPool,
  concernEntityPool,
  dueDates,
  familyNamePool,
  givenNamePool,
  indicatorProfiles,
  seededRandom,
} from "./volume-pools.ts";
import {
  batchParameters,
  CREATE_BATCH,
  CREATE_CHILDREN,
  INDEX_CHILDREN,
  CREATE_POOL_TABLES,
  CREATE_UUID7_FUNCTION,
  INSERT_BATCH,
  loadPool,
} from "./volume-sql.ts";

export interface VolumeSeedOptions {
  readonly referrals: number;
  /** Add to a database that already holds referrals (otherwise that is refused). */
  readonly append?: boolean;
  readonly batchSize?: number;
  /** The same seed gives the same data. */
  readonly seed?: number;
  readonly now?: Date;
  /** Referrals are spread over this many days before now. */
  readonly spanDays?: number;
  readonly onProgress?: (progress: VolumeProgress) => void;
}

export interface VolumeProgress {
  readonly referrals: number;
  readonly total: number;
  readonly rows: number;
  readonly seconds: number;
}

export interface VolumeSeedResult {
  readonly referrals: number;
  /** Rows written in every table together. */
  readonly rows: number;
  readonly seconds: number;
}

export class VolumeSeedRefused extends Error {}

const AGENCIES: readonly Agency[] = ["POLICE", "SOCIAL_CARE", "HEALTH", "EDUCATION", "VOLUNTARY"];
const STAFF_NAMES = [
  "Priya Larkfield",
  "Tom Oakby",
  "Sana Mossley",
  "Gareth Wrenshaw",
  "Helen Fernholme",
  "Omar Pikedale",
  "Jo Heathcroft",
  "Ruth Elmwood",
  "Amir Thistleby",
  "Kate Quillfield",
];
/** Team members that seeded referrals are assigned to: three triage officers from three agencies and a lead. */
const TEAM_STAFF: readonly { role: "TRIAGE" | "LEAD"; agency: Agency }[] = [
  { role: "TRIAGE", agency: "SOCIAL_CARE" },
  { role: "TRIAGE", agency: "POLICE" },
  { role: "TRIAGE", agency: "HEALTH" },
  { role: "LEAD", agency: "SOCIAL_CARE" },
];
const REFERRERS_PER_AGENCY = 5;
export const VOLUME_EMAIL_DOMAIN = "volume.example";

interface SeededUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  agency: Agency;
  organisationName: string;
}

/** Organisations and accounts the referrals need: referrers per agency, and staff per team. */
async function ensureUsers(client: pg.Client, teams: readonly { id: string; code: string }[]) {
  const organisations = new Map<Agency, { id: string; name: string }>();
  for (const agency of AGENCIES) {
    const name = `Fictional ${agency.toLowerCase().replace("_", " ")} organisation (volume data)`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Organisation" ("id", "name", "agency") VALUES (pg_temp.vol_uuid7(now()), $1, $2::"Agency")
       ON CONFLICT ("name") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id"`,
      [name, agency],
    );
    organisations.set(agency, { id: rows[0]!.id, name });
  }
  const wanted: { email: string; name: string; role: string; agency: Agency; teamId: string | null }[] = [];
  AGENCIES.forEach((agency, a) => {
    for (let k = 0; k < REFERRERS_PER_AGENCY; k += 1) {
      wanted.push({
        email: `volume.referrer.${agency.toLowerCase()}.${k}@${VOLUME_EMAIL_DOMAIN}`,
        name: STAFF_NAMES[(a * 3 + k) % STAFF_NAMES.length]!,
        role: "REFERRER",
        agency,
        teamId: null,
      });
    }
  });
  teams.forEach((team, t) =>
    TEAM_STAFF.forEach((staff, k) =>
      wanted.push({
        email: `volume.${staff.role.toLowerCase()}.${team.code}.${k}@${VOLUME_EMAIL_DOMAIN}`,
        name: STAFF_NAMES[(t * 4 + k + 5) % STAFF_NAMES.length]!,
        role: staff.role,
        agency: staff.agency,
        teamId: team.id,
      }),
    ),
  );
  for (const user of wanted) {
    // Active but with no password: they own seeded work and can never sign in.
    await client.query(
      `INSERT INTO "User" ("id", "email", "displayName", "jobTitle", "role", "status", "organisationId", "teamId", "updatedAt")
       VALUES (pg_temp.vol_uuid7(now()), $1, $2, $3, $4::"Role", 'ACTIVE', $5, $6, now()) ON CONFLICT ("email") DO NOTHING`,
      [
        user.email,
        user.name,
        user.role === "REFERRER" ? "Designated safeguarding lead" : "CSE team member",
        user.role,
        organisations.get(user.agency)!.id,
        user.teamId,
      ],
    );
  }
  const { rows } = await client.query<SeededUser>(
    `SELECT u."id", u."email", u."displayName", u."organisationId", o."agency", o."name" AS "organisationName"
     FROM "User" u JOIN "Organisation" o ON o."id" = u."organisationId" WHERE u."email" = ANY($1::text[])`,
    [wanted.map((user) => user.email)],
  );
  const byEmail = new Map(rows.map((row) => [row.email, row]));
  return wanted.map((user) => ({ ...user, ...byEmail.get(user.email)! }));
}

/**
 * Seeds `referrals` referrals, in batches of one transaction each. Refuses a database that
 * already has referrals unless `append` is set. Writes no audit entries: nobody read or did
 * anything, the data was made.
 */
export async function seedVolume(databaseUrl: string, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const total = options.referrals;
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError("The number of referrals must be a positive whole number");
  const batchSize = options.batchSize ?? 20_000;
  const now = options.now ?? new Date();
  let start = new Date(now.getTime() - (options.spanDays ?? 100) * 86_400_000);
  const random = seededRandom(options.seed ?? 20261130);
  const begin = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM "Referral" LIMIT 1`);
    if (existing.rowCount && !options.append) {
      throw new VolumeSeedRefused("The database already holds referrals: pass --append to add volume data to them.");
    }
    // Appended referrals arrive after the ones already there, so references keep following time.
    const latest = (await client.query<{ at: Date | null }>(`SELECT max("submittedAt") AS at FROM "Referral"`)).rows[0]
      ?.at;
    if (latest && latest > start && latest < now) start = latest;
    const teams = (
      await client.query<{ id: string; code: string; name: string }>(
        `SELECT "id", "code", "name" FROM "Team" ORDER BY "code"`,
      )
    ).rows;
    if (teams.length === 0)
      throw new VolumeSeedRefused("The database has no teams: seed the reference data first (pnpm db:seed).");

    // Reproducible: the same seed draws the same random() sequence on this session.
    await client.query("SELECT setseed($1)", [((options.seed ?? 20261130) % 1000) / 1000]);
    await client.query(CREATE_UUID7_FUNCTION);
    await client.query(CREATE_POOL_TABLES);

    const users = await ensureUsers(client, teams);
    const staff = (code: string) =>
      users.filter((user) => user.teamId === teams.find((team) => team.code === code)?.id);
    const teamRows = teams.map((team) => {
      const members = staff(team.code);
      const lead = members.find((member) => member.role === "LEAD")!;
      return {
        team_code: team.code,
        team_id: team.id,
        team_name: team.name,
        members: members.map((member) => member.id),
        member_names: members.map((member) => member.displayName),
        member_agencies: members.map((member) => member.agency),
        lead_id: lead.id,
        lead_name: lead.displayName,
      };
    });
    const referrerRows = users
      .filter((user) => user.role === "REFERRER")
      .map((user, idx) => ({
        idx,
        id: user.id,
        organisation_id: user.organisationId,
        name: user.displayName,
        job_title: "Designated safeguarding lead",
        organisation_name: user.organisationName,
      }));
    const exceptions = (
      await client.query<{ date: string; name: string; change: "ADDITIONAL" | "REMOVED" }>(
        `SELECT to_char("date", 'YYYY-MM-DD') AS "date", "name", "change"::text AS "change" FROM "BankHolidayException"`,
      )
    ).rows satisfies BankHolidayException[];

    const addresses = addressPool(random, Math.min(50_000, Math.max(60, Math.round(total / 10))));
    const entities = concernEntityPool(random, Math.min(60_000, Math.max(50, Math.round(total / 20))));
    const profiles = indicatorProfiles(random, Math.min(3_000, Math.max(200, Math.round(total / 5))));
    const pools: [string, unknown[]][] = [
      ["vol_team", teamRows],
      ["vol_referrer", referrerRows],
      ["vol_address", addresses],
      ["vol_given", givenNamePool()],
      ["vol_family", familyNamePool()],
      ["vol_alias", aliasPool()],
      ["vol_entity_pool", entities.entities],
      ["vol_entity_ident", entities.identifiers],
      ["vol_profile_level", profiles.levels],
      ["vol_risk", profiles.risks],
      ["vol_danger", profiles.dangerChance],
      ["vol_due", dueDates(start, now, exceptions)],
    ];
    for (const [table, rows] of pools) await client.query(loadPool(table), [JSON.stringify(rows)]);
    const children = Math.max(10, Math.round(total / 1.3));
    await client.query(CREATE_CHILDREN, [
      children,
      givenNamePool().length,
      familyNamePool().length,
      aliasPool().length,
      addresses.length,
      now.toISOString(),
    ]);
    await client.query(INDEX_CHILDREN);
    // Temporary tables are never analysed automatically, and the batch joins need the statistics.
    await client.query(
      "ANALYZE vol_child, vol_address, vol_entity_pool, vol_entity_ident, vol_profile_level, vol_risk, vol_due, vol_team, vol_referrer",
    );

    let rows = 0;
    for (let first = 0; first < total; first += batchSize) {
      const last = Math.min(total, first + batchSize) - 1;
      await client.query("BEGIN");
      try {
        // Seeding can be replayed, so a crash losing the last batch costs nothing.
        await client.query("SET LOCAL synchronous_commit = off");
        await client.query(CREATE_BATCH, [
          first,
          last,
          total,
          start.toISOString(),
          now.toISOString(),
          now.toISOString(),
          children,
          profiles.dangerChance.length,
          referrerRows.length,
        ]);
        await client.query("ANALYZE vol_batch");
        for (const statement of INSERT_BATCH) {
          const result = await client.query(
            statement,
            batchParameters(statement, now.toISOString(), entities.entities.length),
          );
          if (result.command === "INSERT") rows += result.rowCount ?? 0;
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      options.onProgress?.({ referrals: last + 1, total, rows, seconds: (performance.now() - begin) / 1000 });
    }
    await client.query(
      `ANALYZE "Referral", "ReferralChild", "ReferralIndicator", "ConcernEntity", "ReferralIdentifier", "ChronologyEvent", "Note", "Addendum", "Alert", "InformationSharing"`,
    );
    return { referrals: total, rows, seconds: (performance.now() - begin) / 1000 };
  } finally {
    await client.end();
  }
}
