import { hubRoutingRequestSchema } from "@cse/contracts";
import { useNavigate } from "react-router";
import { z } from "zod/mini";
import { parsedApi } from "../../../api/parsed.ts";
import { Select, Textarea } from "../../../components/govuk/index.ts";
import { contractResolver } from "../../forms/contract-resolver.ts";
import { ActionForm } from "./ActionForm.tsx";
import { useReferralFile } from "./referral-file-context.ts";
import { useFileAction } from "./use-file-action.ts";

const routedSchema = z.object({ id: z.string(), team: z.object({ id: z.string(), name: z.string() }) });

/**
 * Hub staff send a referral the rules could not route to the district team that owns it.
 * Afterwards the hub can no longer open it, so the user goes back to the queue, told where it went.
 */
export function RouteForm() {
  const { referral } = useReferralFile();
  const navigate = useNavigate();
  const action = useFileAction<
    { teamId: string; reason: string },
    z.output<typeof hubRoutingRequestSchema>,
    z.output<typeof routedSchema>
  >({
    idPrefix: "route",
    fields: ["teamId", "reason"],
    resolver: contractResolver(hubRoutingRequestSchema, (values) => ({
      teamId: values.teamId || undefined,
      reason: values.reason,
    })),
    defaultValues: { teamId: "", reason: "" },
    send: (request) => parsedApi.post(routedSchema, `/api/referrals/${referral.id}/route`, request),
    done: (_request, routed) =>
      navigate("/team", { state: { notice: `Referral ${referral.reference} sent to ${routed.team.name}` } }),
  });
  return (
    <ActionForm heading="Send to a district team" action={action} button="Send to team">
      <Select
        id={action.id("teamId")}
        label="Team"
        error={action.form.formState.errors.teamId?.message}
        options={[
          { value: "", label: "Choose a team" },
          ...referral.routableTeams.map((team) => ({ value: team.id, label: team.name })),
        ]}
        {...action.form.register("teamId")}
      />
      <Textarea
        id={action.id("reason")}
        label="Reason for routing"
        rows={3}
        error={action.form.formState.errors.reason?.message}
        {...action.form.register("reason")}
      />
    </ActionForm>
  );
}
