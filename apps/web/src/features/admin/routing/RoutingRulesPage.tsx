import { routingRuleLevelLabels, routingRuleListSchema, type RoutingRuleView } from "@cse/contracts/routing";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { describeFailure } from "../../../api/errors.ts";
import { parsedApi } from "../../../api/parsed.ts";
import {
  ButtonLink,
  ErrorSummary,
  NotificationBanner,
  Table,
  Tag,
  type TableColumn,
} from "../../../components/govuk/index.ts";
import { usePageTitle } from "../../../hooks/usePageTitle.ts";
import { noticeFrom } from "./notice.ts";

const columns: readonly TableColumn<RoutingRuleView>[] = [
  { header: "Postcode", cell: (rule) => <strong>{rule.postcodePrefix}</strong> },
  { header: "Covers", cell: (rule) => routingRuleLevelLabels[rule.level] },
  { header: "Team", cell: (rule) => rule.team.name },
  {
    header: "Council boundary",
    cell: (rule) =>
      rule.crossesBoundary ? (
        <>
          <Tag colour="orange">Crosses a boundary</Tag>
          {rule.note ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{rule.note}</p> : null}
        </>
      ) : (
        "Within one council"
      ),
  },
  {
    header: "Actions",
    cell: (rule) => (
      <ul className="govuk-summary-list__actions-list">
        <li className="govuk-summary-list__actions-list-item">
          <Link className="govuk-link" to={`/admin/routing-rules/${rule.id}/change`}>
            Change<span className="govuk-visually-hidden"> the rule for {rule.postcodePrefix}</span>
          </Link>
        </li>
        <li className="govuk-summary-list__actions-list-item">
          <Link className="govuk-link" to={`/admin/routing-rules/${rule.id}/remove`}>
            Remove<span className="govuk-visually-hidden"> the rule for {rule.postcodePrefix}</span>
          </Link>
        </li>
      </ul>
    ),
  },
];

/** The routing rules, most general first within each area, with a way to test a postcode. */
export function RoutingRulesPage() {
  usePageTitle("Routing rules");
  const notice = noticeFrom(useLocation().state);
  const [rules, setRules] = useState<RoutingRuleView[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    parsedApi.get(routingRuleListSchema, "/api/admin/routing-rules").then(
      (result) => setRules(result.rules),
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, []);

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Routing rules</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            A referral goes to the team of the most specific rule that matches the child’s postcode: a sector (LS29 8)
            before a district (LS29), and a district before an area (LS). With no match, the West Yorkshire hub routes
            it by hand. A full postcode that the loaded ONS Postcode Directory holds goes by its council instead.
          </p>
          <p className="govuk-body">
            A change applies to referrals made after it. Referrals already sent to a team stay with that team.
          </p>
        </div>
      </div>
      <div className="govuk-button-group">
        <ButtonLink to="/admin/routing-rules/new">Add a rule</ButtonLink>
        <ButtonLink to="/admin/routing-rules/tester" variant="secondary">
          Test a postcode
        </ButtonLink>
        <ButtonLink to="/admin/routing-rules/postcode-directory" variant="secondary">
          ONS Postcode Directory
        </ButtonLink>
      </div>
      {rules === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading routing rules…
          </p>
        )
      ) : rules.length === 0 ? (
        <p className="govuk-body">There are no rules: every referral goes to the West Yorkshire hub.</p>
      ) : (
        <Table caption="Routing rules" captionHidden columns={columns} rows={rules} rowKey={(rule) => rule.id} />
      )}
    </>
  );
}
