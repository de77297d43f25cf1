import { Prisma } from "../../generated/prisma/client.ts";
import { noteVisibilitySql } from "../../policy/policy.ts";
import type { BankHolidayException } from "@cse/domain";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { parseReferralDocument, readReferralStatement, withDates } from "../referrals/referral-document.ts";
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
 * The team's referral file in one statement (readReferralStatement): the referral with
 * everything the file shows (the notes the reader may see among them) as one JSON document, and
 * its "referral.read" audit entry with the number of notes shown.
 */
export function teamFileStatement(
  user: AuthenticatedUser,
  id: string,
  scope: Prisma.Sql,
  audit: Omit<AuditEntry, "referralId" | "entityId" | "teamId">,
  occurredAt: Date,
): Prisma.Sql {
  const visibleNote = noteVisibilitySql(user);
  const extra = Prisma.sql`jsonb_build_object(
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
          FROM "BankHolidayException" b), '[]') END)`;
  return readReferralStatement({
    id,
    scope,
    extra,
    audit,
    occurredAt,
    computed: { notesShown: { sql: Prisma.raw(`jsonb_array_length(file."document"->'notes')`), type: "integer" } },
  });
}

/** The statement's document as Prisma would have given it: its timestamps and dates as Date. */
export function parseFileDocument(text: string): FileStatementRow {
  const file = parseReferralDocument<FileStatementRow>(text);
  for (const note of file.notes) withDates(note, ["createdAt"]);
  for (const event of file.chronology) withDates(event, ["occurredAt"]);
  for (const change of [...file.riskOverrides, ...file.transfers]) withDates(change, ["requestedAt", "decidedAt"]);
  return file;
}
