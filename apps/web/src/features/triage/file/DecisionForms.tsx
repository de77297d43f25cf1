import { decisionRequestSchema, outcomeLabels, outcomeSchema, teamReferralDetailSchema } from "@cse/contracts";
import { useWatch } from "react-hook-form";
import type { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { InsetText, Radios, Textarea } from "../../../components/govuk/index.ts";
import { contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { ApprovalForm } from "./ApprovalForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

const MESSAGE_MAXIMUM = 1_000;

/** The decision on the response: an outcome, the team's reason, and a message for the referrer. */
export function DecisionForm() {
  const file = useReferralFile();
  const { referral } = file;
  const action = useFileAction<
    { outcome: string; reason: string; messageToReferrer: string },
    z.output<typeof decisionRequestSchema>
  >({
    idPrefix: "decision",
    fields: ["outcome", "reason", "messageToReferrer"],
    resolver: contractResolver(decisionRequestSchema, (values) => ({
      ...values,
      outcome: values.outcome || undefined,
    })),
    defaultValues: { outcome: "", reason: "", messageToReferrer: "" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/decision`, request),
    done: (request, updated) =>
      file.updated(
        updated,
        updated.status === "AWAITING_APPROVAL"
          ? `Decision recorded: ${outcomeLabels[request.outcome]}. It takes effect once a lead approves it`
          : `Decision recorded: ${outcomeLabels[request.outcome]}. The referrer can now see it`,
      ),
  });
  const outcome = useWatch({ control: action.form.control, name: "outcome" });
  const message = useWatch({ control: action.form.control, name: "messageToReferrer" });
  const needsApproval = referral.noFurtherActionNeedsApprovalBecause;
  return (
    <ActionForm heading="Record the decision" action={action} button="Record decision">
      <Radios
        id={action.id("outcome")}
        legend="Outcome"
        legendSize="s"
        error={action.form.formState.errors.outcome?.message}
        selected={outcome}
        options={outcomeSchema.options.map((value) => ({
          value,
          label: outcomeLabels[value],
          conditional:
            value === "NO_FURTHER_ACTION" && needsApproval ? (
              <InsetText>
                <p className="govuk-body">
                  No further action needs a lead&apos;s approval before it takes effect, because{" "}
                  {needsApproval.replace(/^[A-Z]/, (first) => first.toLowerCase()).replace(/\.$/, "")}.
                </p>
              </InsetText>
            ) : undefined,
        }))}
        inputProps={action.form.register("outcome")}
      />
      <Textarea
        id={action.id("reason")}
        label="Reason for the decision"
        hint="Seen by the team only."
        rows={4}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register("reason")}
      />
      <Textarea
        id={action.id("messageToReferrer")}
        label="Message to the referrer"
        hint="The referrer sees this with the outcome. Keep it short and leave out anything from the team's notes."
        rows={3}
        characterCount={{ maximum: MESSAGE_MAXIMUM, current: message.length }}
        error={action.form.formState.errors.messageToReferrer?.message}
        {...action.form.register("messageToReferrer")}
      />
    </ActionForm>
  );
}

/** A lead approves a decision that needs it (no further action for a child the rules protect). */
export function DecisionApprovalForm() {
  const { referral } = useReferralFile();
  if (!referral.decision) return null;
  return (
    <ApprovalForm
      idPrefix="approval"
      path="decision/approval"
      heading="Approve the decision?"
      legend={`Approve "${outcomeLabels[referral.decision.outcome]}"`}
      refuseLabel="Do not approve"
      reasonHint="Needed if you do not approve it."
      saidYes={() => "Decision approved. It has taken effect and the referrer can now see it"}
      saidNo="Decision not approved. The referral is open again for a new decision"
    />
  );
}
