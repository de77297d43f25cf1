import { teamReferralDetailSchema, transferRequestSchema, transferResultSchema } from "@cse/contracts";
import { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { Radios, Textarea } from "../../../components/govuk/index.ts";
import { contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

/**
 * Ask another district team to take the referral. The team keeps it (and its clock) until that
 * team's lead accepts; this is not the outcome "transfer to another area" outside West Yorkshire.
 */
export function RequestTransferForm() {
  const file = useReferralFile();
  const { referral } = file;
  const action = useFileAction<{ teamId: string; reason: string }, z.output<typeof transferRequestSchema>>({
    idPrefix: "transfer",
    fields: ["teamId", "reason"],
    resolver: contractResolver(transferRequestSchema, (values) => ({
      teamId: values.teamId || undefined,
      reason: values.reason,
    })),
    defaultValues: { teamId: "", reason: "" },
    send: (request) => parsedApi.post(teamReferralDetailSchema, `/api/referrals/${referral.id}/transfer`, request),
    done: (_request, updated) =>
      file.updated(
        updated,
        `Transfer requested: ${updated.pendingTransfer?.toTeam.name ?? "the other team"}'s lead has been asked to accept it. Your team keeps the referral until then.`,
      ),
  });
  return (
    <ActionForm heading="Request a transfer to another team" action={action} button="Request transfer">
      <p className="govuk-body">
        Your team keeps the referral, its decision time and its duties until the other team&rsquo;s lead accepts. To
        hand the child to a council outside West Yorkshire, record the decision &ldquo;Transfer to another area&rdquo;
        instead.
      </p>
      <Radios
        id={action.id("teamId")}
        legend="Which team should take it?"
        legendSize="s"
        error={action.form.formState.errors.teamId?.message}
        options={referral.transferTeams.map((team) => ({ value: team.id, label: team.name }))}
        inputProps={action.form.register("teamId")}
      />
      <Textarea
        id={action.id("reason")}
        label="Reason for the transfer"
        hint="For example, where the child now lives or is most often found. The other team's lead sees this."
        rows={3}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register("reason")}
      />
    </ActionForm>
  );
}

/** Withdraw the team's waiting transfer. */
export function CancelTransferForm() {
  const file = useReferralFile();
  const pending = file.referral.pendingTransfer;
  const action = useFileAction<Record<string, never>, Record<string, never>, z.output<typeof transferResultSchema>>({
    idPrefix: "cancel-transfer",
    fields: [],
    resolver: contractResolver(z.strictObject({}), () => ({})),
    send: () => parsedApi.post(transferResultSchema, `/api/transfers/${pending?.id ?? ""}/cancel`),
    done: async () => {
      const updated = await parsedApi.get(teamReferralDetailSchema, `/api/referrals/${file.referral.id}`);
      file.updated(updated, "Transfer request withdrawn. The referral stays with your team.");
    },
  });
  if (!pending) return null;
  return (
    <ActionForm heading={`Withdraw the transfer to ${pending.toTeam.name}`} action={action} button="Withdraw transfer">
      <p className="govuk-body">
        Asked for by {pending.requestedBy.name}: {pending.reason}
      </p>
    </ActionForm>
  );
}
