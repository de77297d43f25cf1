import { routingRuleRequestSchema, routingRuleSchema, type RoutingRuleView } from "@cse/contracts/routing";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useNavigate, useParams } from "react-router";
import { z } from "zod/mini";
import { api } from "../../../api/client.ts";
import { describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import {
  BackLink,
  Button,
  ErrorSummary,
  Radios,
  Select,
  Textarea,
  TextInput,
  errorsFromForm,
} from "../../../components/govuk/index.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";
import { applyServerFailure } from "../../forms/server-errors.ts";
import { useReferenceLists } from "../use-reference-lists.ts";

/** The contract's rule, with the answers as the form's controls give them. */
const ruleFormSchema = z.extend(routingRuleRequestSchema, {
  teamId: z.string().check(z.minLength(1, "Select the team referrals from this postcode go to")),
  crossesBoundary: z.enum(["yes", "no"], { error: "Select whether this postcode crosses a council boundary" }),
});
type RuleForm = z.input<typeof ruleFormSchema>;
const fields = ["postcodePrefix", "teamId", "crossesBoundary", "note"];

/** Add a rule (no id in the address) or change one. */
export function RoutingRuleFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { teams } = useReferenceLists();
  const [existing, setExisting] = useState<RoutingRuleView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<RuleForm>({
    resolver: zodResolver(ruleFormSchema),
    defaultValues: { postcodePrefix: "", teamId: "", note: "" },
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const crossesBoundary = useWatch({ control: form.control, name: "crossesBoundary" });
  const summary = [...errorsFromForm(errors, { order: fields }), ...(failure ? [{ text: failure }] : [])];
  const title = id ? `Change the rule for ${existing?.postcodePrefix ?? "a postcode"}` : "Add a routing rule";
  usePageTitle(title, summary.length > 0);

  useEffect(() => {
    if (!id) return;
    parsedApi.get(routingRuleSchema, `/api/admin/routing-rules/${id}`).then(
      (rule) => {
        setExisting(rule);
        form.reset({
          postcodePrefix: rule.postcodePrefix,
          teamId: rule.team.id,
          crossesBoundary: rule.crossesBoundary ? "yes" : "no",
          note: rule.note ?? "",
        });
      },
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, [id, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const body = { ...values, crossesBoundary: values.crossesBoundary === "yes" };
    try {
      const saved = id
        ? await api.put<RoutingRuleView>(`/api/admin/routing-rules/${id}`, body)
        : await api.post<RoutingRuleView>("/api/admin/routing-rules", body);
      const done = id ? "changed" : "added";
      await navigate("/admin/routing-rules", {
        state: { notice: `Rule for ${saved.postcodePrefix} ${done}. It applies to new referrals.` },
      });
    } catch (error) {
      setFailure(applyServerFailure(error, form.setError, fields));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/routing-rules">Routing rules</BackLink>
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="postcodePrefix"
            label="Postcode area, district or sector"
            hint="An area like LS, a district like LS29, or a sector like LS29 8"
            width="5"
            autoComplete="off"
            spellCheck={false}
            error={errors.postcodePrefix?.message}
            {...form.register("postcodePrefix")}
          />
          <Select
            id="teamId"
            label="Team"
            error={errors.teamId?.message}
            options={[
              { value: "", label: "Select a team" },
              ...teams.map((team) => ({ value: team.id, label: team.name })),
            ]}
            {...form.register("teamId")}
          />
          <Radios
            id="crossesBoundary"
            legend="Does this postcode cross a council boundary?"
            legendSize="m"
            hint="The team is then warned to check the address before accepting a referral routed by this rule"
            error={errors.crossesBoundary?.message}
            selected={crossesBoundary}
            inputProps={form.register("crossesBoundary")}
            inline
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <Textarea
            id="note"
            label="What lies across the boundary (optional)"
            hint="For example: Huby and Weeton are in North Yorkshire"
            rows={3}
            error={errors.note?.message}
            {...form.register("note")}
          />
          <Button disabled={isSubmitting} preventDoubleClick>
            {id ? "Save the rule" : "Add the rule"}
          </Button>
        </form>
      </div>
    </div>
  );
}
