import { Prisma } from "../../generated/prisma/client.ts";
import { noteVisibilitySql } from "../../policy/policy.ts";
import type { BankHolidayException } from "@cse/domain";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { auditAppendSql } from "../audit/append-sql.ts";
import type { AuditEntry } from "../audit/service.ts";
import type { NoteRow, TeamFileRow } from "./file-view.ts";

/** What the one statement brings besides the file: the choices the actions offer. */
export interface FileStatementRow extends TeamFileRow {
  readonly notes: NoteRow[];
  readonly approvedBy: { id: string; displayName: string } | null;
  readonly assignableMembers: { id: string; displayName: string }[];
  readonly routableTeams: { id: string; name: string }[];
  readonly transferTeams: { id: string; name: string }[];
  /** Only when a transfer waits: its working-day clock needs them. */
  readonly bankHolidayExceptions: BankHolidayException[] | null;
}

const person = (alias: string, column: string) =>
  Prisma.raw(
    `(SELECT jsonb_build_object('id', p."id", 'displayName', p."displayName") FROM "User" p WHERE p."id" = ${alias}."${column}")`,
  );

/**
 * The team's referral file in one statement: the referral with everything the file shows (the
 * notes the reader may see among them) as one JSON document, and the "referral.read" audit
 * entry appended after it is read. One round trip, so one statement is also the transaction:
 * the entry exists exactly when the file was read, and a referral outside the reader's scope
 * reads nothing and appends nothing.
 *
 * `scope` is the access gateway's for the read (over the referral aliased `r`).
 *
 * Fields keep the names Prisma gives them (the columns are named alike), so the document maps
 * onto TeamFileRow; timestamps arrive as ISO text and parseFileDocument makes them dates.
 */
export function teamFileStatement(
  user: AuthenticatedUser,
  id: string,
  scope: Prisma.Sql,
  audit: Omit<AuditEntry, "referralId" | "entityId" | "teamId">,
  occurredAt: Date,
): Prisma.Sql {
  const visibleNote = noteVisibilitySql(user);
  const file = Prisma.sql`
    SELECT r."id", r."teamId", to_jsonb(r) || jsonb_build_object(
      'child', (SELECT to_jsonb(c) FROM "ReferralChild" c WHERE c."referralId" = r."id"),
      'informationSharing', (SELECT to_jsonb(s) FROM "InformationSharing" s WHERE s."referralId" = r."id"),
      'indicators', coalesce((SELECT jsonb_agg(to_jsonb(i)) FROM "ReferralIndicator" i WHERE i."referralId" = r."id"), '[]'),
      'concernEntities', coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e."position")
        FROM "ConcernEntity" e WHERE e."referralId" = r."id"), '[]'),
      'addenda', coalesce((SELECT jsonb_agg(to_jsonb(x) || jsonb_build_object('author', jsonb_build_object('displayName', a."displayName"))
        ORDER BY x."createdAt") FROM "Addendum" x JOIN "User" a ON a."id" = x."authorId" WHERE x."referralId" = r."id"), '[]'),
      'team', jsonb_build_object('id', t."id", 'name', t."name", 'isHub', t."isHub"),
      'referrerOrganisation', jsonb_build_object('name', o."name"),
      'assignee', ${person("r", "assigneeId")},
      'decidedBy', ${person("r", "decidedById")},
      'approvedBy', ${person("r", "decisionApprovedById")},
      'riskOverrides', coalesce((SELECT jsonb_agg(to_jsonb(ro) || jsonb_build_object('requestedBy', ${person("ro", "requestedById")}))
        FROM "RiskOverride" ro WHERE ro."referralId" = r."id" AND ro."status" = 'PENDING_APPROVAL'), '[]'),
      'chronology', coalesce((SELECT jsonb_agg(to_jsonb(ce) || jsonb_build_object('actor',
          (SELECT jsonb_build_object('displayName', p."displayName") FROM "User" p WHERE p."id" = ce."actorId"))
        ORDER BY ce."occurredAt", ce."id") FROM "ChronologyEvent" ce WHERE ce."referralId" = r."id"), '[]'),
      'transfers', coalesce((SELECT jsonb_agg(to_jsonb(tr) || jsonb_build_object(
          'fromTeam', jsonb_build_object('id', ft."id", 'name', ft."name"),
          'toTeam', jsonb_build_object('id', tt."id", 'name', tt."name"),
          'requestedBy', ${person("tr", "requestedById")})
        ORDER BY tr."requestedAt" DESC, tr."id" DESC)
        FROM "Transfer" tr JOIN "Team" ft ON ft."id" = tr."fromTeamId" JOIN "Team" tt ON tt."id" = tr."toTeamId"
        WHERE tr."referralId" = r."id" AND tr."status" IN ('PENDING', 'ACCEPTED')), '[]'),
      'notes', coalesce((SELECT jsonb_agg(to_jsonb(n) || jsonb_build_object('author', ${person("n", "authorId")})
        ORDER BY n."createdAt", n."id") FROM "Note" n WHERE n."referralId" = r."id" AND ${visibleNote}), '[]'),
      'assignableMembers', coalesce((SELECT jsonb_agg(jsonb_build_object('id', m."id", 'displayName', m."displayName")
        ORDER BY m."displayName") FROM "User" m
        WHERE m."teamId" = r."teamId" AND m."role" IN ('TRIAGE', 'LEAD') AND m."status" = 'ACTIVE'), '[]'),
      'routableTeams', coalesce((SELECT jsonb_agg(jsonb_build_object('id', d."id", 'name', d."name") ORDER BY d."name")
        FROM "Team" d WHERE NOT d."isHub"), '[]'),
      'transferTeams', coalesce((SELECT jsonb_agg(jsonb_build_object('id', d."id", 'name', d."name") ORDER BY d."name")
        FROM "Team" d WHERE NOT d."isHub" AND d."id" <> r."teamId"), '[]'),
      'bankHolidayExceptions', CASE WHEN EXISTS (SELECT 1 FROM "Transfer" w WHERE w."referralId" = r."id" AND w."status" = 'PENDING')
        THEN coalesce((SELECT jsonb_agg(jsonb_build_object('date', to_char(b."date", 'YYYY-MM-DD'), 'change', b."change", 'name', b."name"))
          FROM "BankHolidayException" b), '[]') END
    ) AS "document"
    FROM "Referral" r JOIN "Team" t ON t."id" = r."teamId" JOIN "Organisation" o ON o."id" = r."referrerOrganisationId"
    WHERE r."id" = ${id}::uuid AND ${scope}`;
  const entry: AuditEntry = { ...audit, entityId: id, referralId: id, teamId: user.team?.id ?? null };
  return Prisma.sql`
    WITH file AS MATERIALIZED (${file}),
    audited AS (${auditAppendSql(entry, occurredAt, {
      name: Prisma.raw("file"),
      key: Prisma.raw(`file."id"`),
      computed: { notesShown: { sql: Prisma.raw(`jsonb_array_length(file."document"->'notes')`), type: "integer" } },
    })})
    SELECT "document"::text AS "document" FROM file`;
}

type Json = Record<string, unknown>;

/** Turns the named fields (ISO text, or null) into Date, in place. */
function withDates(row: Json, fields: readonly string[]): void {
  for (const field of fields) row[field] = row[field] == null ? null : new Date(row[field] as string);
}

// Named field by field, so free text that looks like a date stays text.
const REFERRAL_DATES = [
  "submittedAt",
  "decisionDueAt",
  "updatedAt",
  "assignedAt",
  "redEscalationDueAt",
  "escalatedAt",
  "redEscalatedAt",
  "decidedAt",
  "decisionApprovedAt",
  "concernOccurredOn",
] as const satisfies readonly (keyof FileStatementRow)[];

/** The statement's document as Prisma would have given it: its timestamps and dates as Date. */
export function parseFileDocument(text: string): FileStatementRow {
  const file = JSON.parse(text) as Json &
    Record<"addenda" | "notes" | "chronology" | "riskOverrides" | "transfers", Json[]>;
  withDates(file, REFERRAL_DATES);
  if (file.child) withDates(file.child as Json, ["dateOfBirth"]);
  for (const row of [...file.addenda, ...file.notes]) withDates(row, ["createdAt"]);
  for (const event of file.chronology) withDates(event, ["occurredAt"]);
  for (const change of [...file.riskOverrides, ...file.transfers]) withDates(change, ["requestedAt", "decidedAt"]);
  return file as unknown as FileStatementRow;
}
