import { routingRuleLevelLabels, routingRuleSchema, type RoutingRuleView } from "@cse/contracts/routing";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../../api/client.ts";
import { describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import { BackLink, Button, ErrorSummary, SummaryList } from "../../../components/govuk/index.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";

/** "Are you sure?" before a rule goes: removing one changes where new referrals go. */
export function RemoveRoutingRulePage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [rule, setRule] = useState<RoutingRuleView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const title = rule ? `Remove the rule for ${rule.postcodePrefix}?` : "Remove a routing rule";
  usePageTitle(title, failure !== null);

  useEffect(() => {
    parsedApi
      .get(routingRuleSchema, `/api/admin/routing-rules/${id}`)
      .then(setRule, (error: unknown) => setFailure(describeFailure(error)));
  }, [id]);

  const remove = async () => {
    if (!rule) return;
    setRemoving(true);
    setFailure(null);
    try {
      await api.delete(`/api/admin/routing-rules/${id}`);
      await navigate("/admin/routing-rules", {
        state: { notice: `Rule for ${rule.postcodePrefix} removed. It no longer applies to new referrals.` },
      });
    } catch (error) {
      setFailure(describeFailure(error));
      setRemoving(false);
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/routing-rules">Routing rules</BackLink>
        <ErrorSummary items={failure ? [{ text: failure }] : []} />
        <h1 className="govuk-heading-l">{title}</h1>
        {rule ? (
          <>
            <SummaryList
              rows={[
                { key: "Postcode", value: rule.postcodePrefix },
                { key: "Covers", value: routingRuleLevelLabels[rule.level] },
                { key: "Team", value: rule.team.name },
              ]}
            />
            <p className="govuk-body">
              New referrals from {rule.postcodePrefix} will go by the next most general rule, or to the West Yorkshire
              hub if there is none. Referrals already sent to a team stay with it.
            </p>
            <div className="govuk-button-group">
              <Button type="button" variant="warning" disabled={removing} onClick={() => void remove()}>
                Remove the rule
              </Button>
              <Link className="govuk-link" to="/admin/routing-rules">
                Cancel
              </Link>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
