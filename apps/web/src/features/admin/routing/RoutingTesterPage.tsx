import {
  routingHubReasonLabels,
  routingRuleLevelLabels,
  routingTesterQuerySchema,
  routingTesterResultSchema,
  type RoutingTesterResult,
} from "@cse/contracts/routing";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { ApiError, describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import {
  BackLink,
  Button,
  ErrorSummary,
  SummaryList,
  TextInput,
  WarningText,
  errorsFromForm,
} from "../../../components/govuk/index.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";

type TesterForm = z.input<typeof routingTesterQuerySchema>;
const fields = ["postcode"];

function decidedBy(result: RoutingTesterResult): string {
  if (result.decidedBy === "DIRECTORY") return `The ONS Postcode Directory (council ${result.localAuthorityCode})`;
  if (result.decidedBy === "RULE") return "A routing rule (the directory does not hold this postcode)";
  return "Nothing: the hub routes it by hand";
}

function ruleMatched(result: RoutingTesterResult): string {
  if (result.decidedBy === "DIRECTORY") return "Not used: the directory decided";
  if (result.rule) return `${result.rule.postcodePrefix} (${routingRuleLevelLabels[result.rule.level].toLowerCase()})`;
  return `None: ${routingHubReasonLabels[result.hubReason ?? "NO_MATCHING_RULE"]}, so the hub routes it by hand`;
}

/** "Which team would this postcode go to?", with the rule that decided it. */
export function RoutingTesterPage() {
  const [result, setResult] = useState<RoutingTesterResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<TesterForm>({
    resolver: zodResolver(routingTesterQuerySchema),
    shouldFocusError: false,
    mode: "onSubmit",
    reValidateMode: "onSubmit",
  });
  const { errors, isSubmitting } = form.formState;
  const summary = [...errorsFromForm(errors, { order: fields }), ...(failure ? [{ text: failure }] : [])];
  usePageTitle("Test a postcode", summary.length > 0);

  const onSubmit = form.handleSubmit(async ({ postcode }) => {
    setFailure(null);
    setResult(null);
    try {
      const query = new URLSearchParams({ postcode }).toString();
      setResult(await parsedApi.get(routingTesterResultSchema, `/api/admin/routing-rules/tester?${query}`));
    } catch (error) {
      // The API names the field by where it came from: "query.postcode".
      const problem =
        error instanceof ApiError ? error.errors?.find((item) => item.path.endsWith("postcode")) : undefined;
      if (problem) form.setError("postcode", { type: "server", message: problem.message });
      else setFailure(describeFailure(error));
    }
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/routing-rules">Routing rules</BackLink>
        <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
        <h1 className="govuk-heading-l">Test a postcode</h1>
        <p className="govuk-body">
          See which team a referral with this postcode would go to today, and which rule decides it.
        </p>
        <form noValidate onSubmit={onSubmit}>
          <TextInput
            id="postcode"
            label="Postcode"
            hint="A full postcode like LS29 8AB, or a district or sector like LS29 or LS29 8"
            width="10"
            autoComplete="off"
            spellCheck={false}
            error={errors.postcode?.message}
            {...form.register("postcode")}
          />
          <Button disabled={isSubmitting} variant="secondary">
            Test the postcode
          </Button>
        </form>
        <div aria-live="polite">
          {result ? (
            <>
              <h2 className="govuk-heading-m">{result.postcode}</h2>
              <SummaryList
                rows={[
                  { key: "Team", value: result.team.name },
                  { key: "Decided by", value: decidedBy(result) },
                  { key: "Rule matched", value: ruleMatched(result) },
                ]}
              />
              {result.crossesBoundary ? (
                <WarningText>
                  This postcode’s area crosses a council boundary: the team will be asked to check before accepting.{" "}
                  {result.boundaryNote}
                </WarningText>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
