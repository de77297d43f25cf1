import { randomBytes } from "node:crypto";
import pg from "pg";
import { snapshotCatalog, type Catalog } from "./catalog.ts";
import { defaultMigrationsDir, migrate } from "./migrations.ts";
import { readSchema, renderMigrationSql } from "./schema-ddl.ts";
import { withDatabase } from "./urls.ts";

/**
 * Objects that only migrations can create, because Prisma's schema language cannot express
 * them. Each is a deliberate guard; anything else in the database that the schema lacks is drift.
 */
export const MIGRATION_ONLY_OBJECTS: ReadonlySet<string> = new Set([
  "constraint User.User_team_matches_role_check",
  "constraint User.User_email_lower_case_check",
  "index Transfer.Transfer_one_pending_per_referral",
  "index RiskOverride.RiskOverride_one_pending_per_referral",
  "index Referral.Referral_team_queue",
  "constraint ReferralLink.ReferralLink_pair_ordered",
  "constraint ReferralLink.ReferralLink_dismissal_complete",
  "index IdentifierName.IdentifierName_value_trigram",
  "function identifier_names_from_new_rows()",
  "trigger ReferralIdentifier.ReferralIdentifier_names",
  "function referral_assignee_in_owning_team()",
  "trigger Referral.Referral_assignee_in_owning_team",
  "function audit_event_is_append_only()",
  "function audit_chain_next(OUT next_id bigint, OUT prev_hash character)",
  "trigger AuditEvent.AuditEvent_append_only",
  "trigger AuditEvent.AuditEvent_no_truncate",
  "function audit_event_referral_ids(entry_referral uuid, entry_details jsonb)",
  "function audit_event_index_referrals()",
  "trigger AuditEvent.AuditEvent_index_referrals",
  "trigger AuditEventReferral.AuditEventReferral_append_only",
  "trigger AuditEventReferral.AuditEventReferral_no_truncate",
  "index DashboardSameChildReferral.DashboardSameChildReferral_repeats",
  "index DashboardSameChildReferral.DashboardSameChildReferral_most_referred",
  "function dashboard_count_referrals(changes jsonb)",
  "function dashboard_referrals_changed()",
  "function dashboard_referral_inserted()",
  "function dashboard_identifiers_inserted()",
  "function dashboard_recount_same_child(ids uuid[])",
  "function dashboard_links_changed()",
  "trigger Referral.Referral_dashboard_inserted",
  // A constraint trigger is also listed among the constraints.
  "constraint Referral.Referral_dashboard_inserted",
  "trigger Referral.Referral_dashboard_updated",
  "trigger ReferralIdentifier.ReferralIdentifier_dashboard_inserted",
  "trigger ReferralLink.ReferralLink_dashboard_inserted",
  "trigger ReferralLink.ReferralLink_dashboard_updated",
  "trigger ReferralLink.ReferralLink_dashboard_deleted",
]);

export interface DriftItem {
  readonly object: string;
  readonly problem: "missing from migrations" | "not in schema.prisma" | "differs";
  readonly migrations?: string;
  readonly schema?: string;
}

export function compareCatalogs(
  fromMigrations: Catalog,
  fromSchema: Catalog,
  migrationOnly: ReadonlySet<string> = MIGRATION_ONLY_OBJECTS,
): DriftItem[] {
  const drift: DriftItem[] = [];
  for (const [object, schema] of fromSchema) {
    const migrations = fromMigrations.get(object);
    if (migrations === undefined) drift.push({ object, problem: "missing from migrations", schema });
    else if (migrations !== schema) drift.push({ object, problem: "differs", migrations, schema });
  }
  for (const [object, migrations] of fromMigrations) {
    if (!fromSchema.has(object) && !migrationOnly.has(object)) {
      drift.push({ object, problem: "not in schema.prisma", migrations });
    }
  }
  return drift.sort((a, b) => a.object.localeCompare(b.object));
}

export function describeDrift(drift: readonly DriftItem[]): string {
  return drift
    .map((item) => {
      const detail =
        item.problem === "differs" ? `\n      migrations: ${item.migrations}\n      schema:     ${item.schema}` : "";
      return `  - ${item.object}: ${item.problem}${detail}`;
    })
    .join("\n");
}

export interface DriftCheckOptions {
  /** A connection to a server where this check may create and drop two databases. */
  readonly adminUrl: string;
  readonly migrationsDir?: string;
  readonly schema?: string;
}

/**
 * Builds one database with our migrations and one with Prisma's own DDL for schema.prisma,
 * and compares what PostgreSQL says each contains.
 */
export async function checkDrift(options: DriftCheckOptions): Promise<DriftItem[]> {
  const suffix = randomBytes(4).toString("hex");
  const migratedName = `drift_migrated_${suffix}`;
  const expectedName = `drift_expected_${suffix}`;
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${migratedName}`);
    await admin.query(`CREATE DATABASE ${expectedName}`);
    const migratedUrl = withDatabase(options.adminUrl, migratedName);
    const expectedUrl = withDatabase(options.adminUrl, expectedName);

    await migrate(migratedUrl, options.migrationsDir ?? defaultMigrationsDir);
    const ddl = await renderMigrationSql({
      fromSchema: null,
      toSchema: options.schema ?? (await readSchema()),
      databaseUrl: expectedUrl,
    });
    await execute(expectedUrl, ddl);

    const [fromMigrations, fromSchema] = await Promise.all([
      snapshotCatalog(migratedUrl),
      snapshotCatalog(expectedUrl),
    ]);
    return compareCatalogs(fromMigrations, fromSchema);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${migratedName} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${expectedName} WITH (FORCE)`);
    await admin.end();
  }
}

async function execute(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
