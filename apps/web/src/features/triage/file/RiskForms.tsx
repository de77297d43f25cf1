import { riskOverrideRequestSchema, teamReferralDetailSchema, type RiskRating } from "@cse/contracts";
import type { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { useCurrentUser } from "../../../auth/AuthContext.tsx";
import { Radios, Textarea } from "../../../components/govuk/index.ts";
import { riskLabels } from "../../../components/ReferralTags.tsx";
import { contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { ApprovalForm } from "./ApprovalForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

const riskOrder: readonly RiskRating[] = ["RED", "AMBER", "GREEN"];

/** Raise or lower the risk with a reason. A lowering waits for a lead unless a lead makes it. */
export function RiskOverrideForm() {
  const file = useReferralFile();
  const { referral } = file;
  const isLead = useCurrentUser().role === "LEAD";
  const current = referral.risk.rating;
  const action = useFileAction<{ toRisk: string; reason: string }, z.output<typeof riskOverrideRequestSchema>>({
    idPrefix: "risk",
    fields: ["toRisk", "reason"],
    resolver: contractResolver(riskOverrideRequestSchema, (values) => ({
      toRisk: values.toRisk || undefined,
      reason: values.reason,
    })),
    defaultValues: { toRisk: "", reason: "" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/risk-override`, request),
    done: (request, updated) =>
      file.updated(
        updated,
        updated.pendingRiskOverride
          ? `Your change to ${riskLabels[request.toRisk]} is waiting for a lead's approval`
          : `Risk changed to ${riskLabels[updated.risk.rating]}`,
      ),
  });
  const lower = (rating: RiskRating) => riskOrder.indexOf(rating) > riskOrder.indexOf(current);
  return (
    <ActionForm heading="Change the risk rating" action={action} button="Change risk">
      <Radios
        id={action.id("toRisk")}
        legend={`New rating (now ${riskLabels[current]})`}
        legendSize="s"
        hint={
          isLead
            ? "Raising or lowering takes effect at once."
            : "Raising the risk takes effect at once. Lowering it needs a lead's approval first."
        }
        error={action.form.formState.errors.toRisk?.message}
        options={riskOrder
          .filter((rating) => rating !== current)
          .map((rating) => ({
            value: rating,
            label: riskLabels[rating],
            hint: lower(rating) && !isLead ? "Needs a lead's approval" : undefined,
          }))}
        inputProps={action.form.register("toRisk")}
      />
      <Textarea
        id={action.id("reason")}
        label="Reason for the change"
        rows={3}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register("reason")}
      />
    </ActionForm>
  );
}

/** A lead approves or rejects a lowering of risk someone asked for. */
export function RiskOverrideDecisionForm() {
  const pending = useReferralFile().referral.pendingRiskOverride;
  if (!pending) return null;
  return (
    <ApprovalForm
      idPrefix="override"
      path="risk-override/decision"
      heading={`Approve lowering the risk to ${riskLabels[pending.toRisk]}?`}
      legend="Your answer"
      refuseLabel="Reject"
      reasonHint="Needed if you reject it."
      saidYes={(updated) => `Change approved: the risk is now ${riskLabels[updated.risk.rating]}`}
      saidNo="Change rejected: the risk stays as it was"
    />
  );
}
