import { addNoteRequestSchema, teamReferralDetailSchema, visibilityLabels, type Visibility } from "@cse/contracts";
import type { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { Radios, Textarea } from "../../../components/govuk/index.ts";
import { contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

export function NoteForm() {
  const file = useReferralFile();
  const { referral } = file;
  const action = useFileAction<{ body: string; visibility: Visibility }, z.output<typeof addNoteRequestSchema>>({
    idPrefix: "note",
    fields: ["body", "visibility"],
    resolver: contractResolver(addNoteRequestSchema, (values) => values),
    defaultValues: { body: "", visibility: "TEAM" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/notes`, request),
    done: (request, updated) =>
      file.updated(
        updated,
        request.visibility === "TEAM" ? "Note added" : "Note added, for your agency and the team's lead only",
      ),
  });
  return (
    <ActionForm heading="Add a note" action={action} button="Add note">
      <Textarea
        id={action.id("body")}
        label="Note"
        hint="The referrer never sees the team's notes."
        rows={4}
        error={action.form.formState.errors.body?.message}
        {...action.form.register("body")}
      />
      <Radios
        id={action.id("visibility")}
        legend="Who can read it"
        legendSize="s"
        small
        error={action.form.formState.errors.visibility?.message}
        options={(Object.keys(visibilityLabels) as Visibility[]).map((value) => ({
          value,
          label: visibilityLabels[value],
        }))}
        inputProps={action.form.register("visibility")}
      />
    </ActionForm>
  );
}
