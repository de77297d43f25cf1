import type { TeamReferralDetail, Visibility } from "@cse/contracts";
import { agencyLabels } from "@cse/contracts";
import type { RequestContext } from "../../services/context.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { assertActionOpen } from "./actions.ts";
import type { TriageDependencies } from "./dependencies.ts";
import { applyReferralChange } from "./referral-change.ts";

/**
 * A note on the referral for the team, or (AGENCY_ONLY) for the author's agency and the lead.
 * Its chronology entry carries who and what kind, never the text.
 */
export function createAddNote({ db, audit, clock, file }: TriageDependencies) {
  return async function addNote(
    user: AuthenticatedUser,
    referralId: string,
    note: { body: string; visibility: Visibility },
    context: RequestContext,
  ): Promise<TeamReferralDetail> {
    await db.$transaction(async (tx) => {
      const { referral, triage } = await file.loadState(tx, user, referralId, "note.create", context);
      assertActionOpen(user, triage, "add-note");
      const now = clock.now();
      const created = await tx.note.create({
        data: {
          referralId,
          authorId: user.id,
          authorAgency: user.agency,
          visibility: note.visibility,
          body: note.body,
          createdAt: now,
        },
      });
      await applyReferralChange(
        tx,
        audit,
        user,
        {
          referral,
          chronology: [
            {
              type: "NOTE_ADDED",
              summary:
                note.visibility === "TEAM"
                  ? "Note added for the team"
                  : `Note added for ${agencyLabels[user.agency].toLowerCase()} and the lead only`,
              details: { noteId: created.id, visibility: note.visibility, authorAgency: user.agency },
            },
          ],
          audit: {
            action: "note.create",
            entityType: "Note",
            entityId: created.id,
            details: { visibility: note.visibility },
          },
        },
        context,
        now,
      );
    });
    return file.read(user, referralId, context);
  };
}
