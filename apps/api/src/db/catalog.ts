import pg from "pg";

/**
 * A database schema reduced to comparable facts: key -> definition. Keys name the object
 * ("column User.email"); definitions are PostgreSQL's own rendering of it, so two databases
 * built by different routes compare equal exactly when PostgreSQL sees them as the same.
 */
export type Catalog = Map<string, string>;

const EXCLUDED_TABLE = "_prisma_migrations";

const queries: { kind: string; sql: string }[] = [
  {
    kind: "enum",
    sql: `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS definition
            FROM pg_type t
            JOIN pg_enum e ON e.enumtypid = t.oid
            JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = $1
           GROUP BY t.typname`,
  },
  {
    kind: "table",
    sql: `SELECT c.relname AS name, c.relkind::text AS definition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '${EXCLUDED_TABLE}'`,
  },
  {
    kind: "column",
    sql: `SELECT c.relname || '.' || a.attname AS name,
                 format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                   || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
                   || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
                   || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END AS definition
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
           WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
             AND c.relname <> '${EXCLUDED_TABLE}'`,
  },
  {
    kind: "constraint",
    sql: `SELECT c.relname || '.' || con.conname AS name, pg_get_constraintdef(con.oid) AS definition
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND c.relname <> '${EXCLUDED_TABLE}'`,
  },
  {
    kind: "index",
    sql: `SELECT tablename || '.' || indexname AS name, indexdef AS definition
            FROM pg_indexes WHERE schemaname = $1 AND tablename <> '${EXCLUDED_TABLE}'`,
  },
  {
    kind: "sequence",
    sql: `SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS definition
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1`,
  },
  {
    kind: "trigger",
    sql: `SELECT c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = $1 AND NOT t.tgisinternal`,
  },
  {
    kind: "function",
    sql: `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                 pg_get_function_result(p.oid) AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = $1
             -- An extension's own functions (pg_trgm's similarity, say) belong to the extension.
             AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  },
];

export async function snapshotCatalog(databaseUrl: string, schema = "public"): Promise<Catalog> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const catalog: Catalog = new Map();
    for (const { kind, sql } of queries) {
      const rows = (await client.query<{ name: string; definition: string }>(sql, [schema])).rows;
      for (const row of rows) catalog.set(`${kind} ${row.name}`, row.definition);
    }
    return catalog;
  } finally {
    await client.end();
  }
}
