import { approvalDecisionRequestSchema, teamReferralDetailSchema, type TeamReferralDetail } from "@cse/contracts";
import type { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { Radios, Textarea } from "../../../components/govuk/index.ts";
import { contractResolver, yesNoToBoolean } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

/**
 * A lead's answer to something waiting for them (a lower risk, a decision): approve, or say
 * no with a reason. The API route and the wording are what differ.
 */
export function ApprovalForm({
  idPrefix,
  path,
  heading,
  legend,
  refuseLabel,
  reasonHint,
  saidYes,
  saidNo,
}: {
  idPrefix: string;
  /** Under /api/referrals/:id, e.g. "decision/approval". */
  path: string;
  heading: string;
  legend: string;
  /** "Do not approve", "Reject". */
  refuseLabel: string;
  reasonHint: string;
  saidYes: (updated: TeamReferralDetail) => string;
  saidNo: string;
}) {
  const file = useReferralFile();
  const action = useFileAction<{ approve: string; reason: string }, z.output<typeof approvalDecisionRequestSchema>>({
    idPrefix,
    fields: ["approve", "reason"],
    resolver: contractResolver(approvalDecisionRequestSchema, (values) => ({
      approve: yesNoToBoolean(values.approve),
      reason: values.reason,
    })),
    defaultValues: { approve: "", reason: "" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${file.referral.id}/${path}`, request),
    done: (request, updated) => file.updated(updated, request.approve ? saidYes(updated) : saidNo),
  });
  return (
    <ActionForm heading={heading} action={action} button="Save answer">
      <Radios
        id={action.id("approve")}
        legend={legend}
        legendSize="s"
        inline
        error={action.form.formState.errors.approve?.message}
        options={[
          { value: "yes", label: "Approve" },
          { value: "no", label: refuseLabel },
        ]}
        inputProps={action.form.register("approve")}
      />
      <Textarea
        id={action.id("reason")}
        label="Reason"
        hint={reasonHint}
        rows={3}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register("reason")}
      />
    </ActionForm>
  );
}
