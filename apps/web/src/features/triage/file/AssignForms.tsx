import { assignRequestSchema, teamReferralDetailSchema } from "@cse/contracts";
import { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { Select } from "../../../components/govuk/index.ts";
import { blankToUndefined, contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

/** "Assign to me": takes the referral for yourself. */
export function ClaimForm() {
  const file = useReferralFile();
  const { referral } = file;
  const action = useFileAction<Record<string, never>, { assigneeId?: string | undefined }>({
    idPrefix: "claim",
    fields: [],
    resolver: contractResolver(assignRequestSchema, () => ({})),
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/assign`, request),
    done: (_request, updated) => file.updated(updated, `You now have referral ${referral.reference}`),
  });
  return (
    <ActionForm
      heading={referral.assignee ? `Take it over from ${referral.assignee.name}` : "Pick up this referral"}
      action={action}
      button="Assign to me"
    />
  );
}

// The contract lets an empty request mean "me"; choosing someone else must name them.
const reassignSchema = assignRequestSchema.check(
  z.refine((request) => request.assigneeId !== undefined, {
    path: ["assigneeId"],
    message: "Choose who should have this referral",
  }),
);

/** A lead gives the referral to any member of the team. */
export function ReassignForm() {
  const file = useReferralFile();
  const { referral } = file;
  const action = useFileAction<{ assigneeId: string }, { assigneeId?: string | undefined }>({
    idPrefix: "reassign",
    fields: ["assigneeId"],
    resolver: contractResolver(reassignSchema, (values) => ({ assigneeId: blankToUndefined(values.assigneeId) })),
    defaultValues: { assigneeId: "" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/assign`, request),
    done: (_request, updated) =>
      file.updated(updated, `Referral ${updated.reference} assigned to ${updated.assignee?.name ?? "nobody"}`),
  });
  return (
    <ActionForm heading="Assign to someone in the team" action={action} button="Assign">
      <Select
        id={action.id("assigneeId")}
        label="Team member"
        error={action.form.formState.errors.assigneeId?.message}
        options={[
          { value: "", label: "Choose a team member" },
          ...referral.assignableMembers
            .filter((member) => member.id !== referral.assignee?.id)
            .map((member) => ({ value: member.id, label: member.name })),
        ]}
        {...action.form.register("assigneeId")}
      />
    </ActionForm>
  );
}
