import pg from "pg";
import { migrate, type MigrationResult } from "./migrations.ts";

/**
 * Two database roles, so that the running service cannot rewrite its own audit trail:
 * - the owner owns every table and runs migrations; the service never holds its password
 *   at run time except to migrate at start-up;
 * - the application role reads and writes the tables it needs, may only INSERT and SELECT
 *   audit entries, owns no table outside pg-boss's own schema, and is no superuser.
 */
export interface RoleLogin {
  readonly name: string;
  readonly password: string;
}

/** Tables the application role has no business with at all. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];
/** The append-only audit trail: read and append, nothing else. */
const AUDIT_TABLE = "AuditEvent";
/** Which referrals each entry names: filled by a trigger with the owner's rights, so read only. */
const AUDIT_INDEX_TABLE = "AuditEventReferral";
/** pg-boss installs and migrates its own tables here, as the application role. */
export const JOB_QUEUE_SCHEMA = "pgboss";

const ident = (client: pg.ClientBase, name: string) => client.escapeIdentifier(name);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * As a superuser (the embedded cluster, the test server): creates both login roles, makes the
 * owner own the database, and hands it anything a superuser created there before roles were
 * split, so an existing embedded database carries on.
 */
export async function ensureDatabaseRoles(
  superuserUrl: string,
  { owner, app, database }: { owner: RoleLogin; app: RoleLogin; database: string },
): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    for (const role of [owner, app]) {
      const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount === 1;
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`;
      await client.query(`${exists ? "ALTER" : "CREATE"} ROLE ${ident(client, role.name)} WITH ${attributes}`);
    }
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${ident(client, database)} OWNER ${ident(client, owner.name)}`);
    } else {
      await client.query(`ALTER DATABASE ${ident(client, database)} OWNER TO ${ident(client, owner.name)}`);
    }
  });
  const url = new URL(superuserUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), (client) => handOverToOwner(client, owner.name, app.name));
}

/** Objects a superuser made before the split (an older embedded database) pass to the owner. */
async function handOverToOwner(client: pg.Client, owner: string, app: string): Promise<void> {
  const objects = await client.query<{ kind: string; name: string }>(
    `SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END AS kind,
            quote_ident(c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v')
        AND pg_get_userbyid(c.relowner) NOT IN ($1, $2)
        -- a sequence owned by a column follows its table
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'a' AND c.relkind = 'S')
     UNION ALL
     SELECT 'TYPE', quote_ident(t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) NOT IN ($1, $2)
     UNION ALL
     SELECT 'FUNCTION', quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) NOT IN ($1, $2)`,
    [owner, app],
  );
  for (const object of objects.rows) {
    await client.query(`ALTER ${object.kind} public.${object.name} OWNER TO ${ident(client, owner)}`);
  }
  // pg-boss's schema from before the split belongs to the superuser, which the application role
  // cannot use. It holds only queued housekeeping (recreated at start), so it is rebuilt.
  const jobs = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1 AND pg_get_userbyid(nspowner) <> $2`, [
    JOB_QUEUE_SCHEMA,
    owner,
  ]);
  if (jobs.rowCount === 1) await client.query(`DROP SCHEMA ${ident(client, JOB_QUEUE_SCHEMA)} CASCADE`);
}

/**
 * As the owner, after migrating: exactly the rights the application needs, re-applied on every
 * start so tables added by later migrations are covered and nothing wider survives.
 */
export async function grantApplicationAccess(ownerUrl: string, appRole: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const app = ident(client, appRole);
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    await client.query("BEGIN");
    try {
      await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      for (const { name } of tables.rows) {
        if (OWNER_ONLY_TABLES.includes(name)) continue;
        const rights =
          name === AUDIT_TABLE
            ? "SELECT, INSERT"
            : name === AUDIT_INDEX_TABLE
              ? "SELECT"
              : "SELECT, INSERT, UPDATE, DELETE";
        await client.query(`GRANT ${rights} ON ${ident(client, name)} TO ${app}`);
      }
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(client, JOB_QUEUE_SCHEMA)}`);
      await client.query(`GRANT USAGE, CREATE ON SCHEMA ${ident(client, JOB_QUEUE_SCHEMA)} TO ${app}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

/** Migrations as the owner, then the application role's rights. */
export async function prepareDatabase(ownerUrl: string, appUrl: string): Promise<MigrationResult> {
  const result = await migrate(ownerUrl);
  await grantApplicationAccess(ownerUrl, roleOf(appUrl));
  return result;
}

export interface RoleCheck {
  readonly role: string;
  readonly superuser: boolean;
  /** Tables outside pg-boss's schema that the role owns (and so could alter or disable triggers on). */
  readonly ownedTables: number;
  readonly canChangeAudit: boolean;
}

/** What the service's own connection may do: it must not be able to rewrite the audit trail. */
export async function checkApplicationRole(appUrl: string): Promise<RoleCheck> {
  return withClient(appUrl, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owned: string; change: boolean }>(
      `SELECT current_user AS role,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ($1, 'pg_catalog', 'information_schema')
                  AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned,
              has_table_privilege('"${AUDIT_TABLE}"', 'UPDATE, DELETE, TRUNCATE')
                OR has_table_privilege('"${AUDIT_INDEX_TABLE}"', 'INSERT, UPDATE, DELETE, TRUNCATE') AS change`,
      [JOB_QUEUE_SCHEMA],
    );
    const row = rows[0]!;
    return {
      role: row.role,
      superuser: row.superuser,
      ownedTables: Number(row.owned),
      canChangeAudit: row.change,
    };
  });
}
