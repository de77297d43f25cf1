import { alertListSchema, type Alert, type AlertList } from "@cse/contracts";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { ErrorSummary, Table, Tag, type TableColumn } from "../../components/govuk/index.ts";
import { RiskTag } from "../../components/ReferralTags.tsx";
import { formatDateTime } from "../../format/london-time.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { useAlerts } from "./AlertsContext.tsx";

const alertKindLabels: Record<Alert["kind"], string> = {
  RED_REFERRAL: "Red referral nobody has picked up",
  TRANSFER_REQUESTED: "Another team asks yours to take it",
  TRANSFER_REJECTED: "Your transfer request was refused",
  TRANSFER_ACCEPTED: "Your transfer request was accepted",
  NEW_REFERRAL: "New referral for your team",
  DECISION_DUE_SOON: "Decision due within two working hours",
  ESCALATED: "Escalated: overdue, or red and unclaimed for an hour",
  OUTCOME: "A decision was made on your referral",
};

/** Where an alert leads: a transfer waiting or answered opens the inbox (the file may not be theirs). */
const linkFor = (alert: Alert) =>
  alert.kind === "TRANSFER_REQUESTED" || alert.kind === "TRANSFER_ACCEPTED"
    ? "/transfers"
    : `/referrals/${alert.referralId}`;

const columns: readonly TableColumn<Alert>[] = [
  {
    header: "Referral",
    cell: (alert) => (
      // A transfer waiting for the lead opens the transfer inbox: the file is not theirs yet.
      <Link className="govuk-link" to={linkFor(alert)}>
        {alert.reference}
      </Link>
    ),
  },
  { header: "Why", cell: (alert) => alertKindLabels[alert.kind] },
  { header: "Risk", cell: (alert) => <RiskTag risk={alert.risk} /> },
  { header: "Raised", cell: (alert) => formatDateTime(alert.createdAt) },
  { header: "Status", cell: (alert) => (alert.read ? "Seen" : <Tag colour="red">New</Tag>) },
];

/** RED referrals nobody has claimed yet. Opening the page marks them read; they stay until claimed. */
export function AlertsPage() {
  usePageTitle("Alerts");
  const { refresh } = useAlerts();
  const { role } = useCurrentUser();
  const [list, setList] = useState<AlertList | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    parsedApi
      .get(alertListSchema, "/api/alerts")
      .then(async (loaded) => {
        setList(loaded);
        if (loaded.unread > 0) {
          await api.post("/api/alerts/read");
          refresh();
        }
      })
      .catch((error: unknown) => setFailure(describeFailure(error)));
  }, [refresh]);

  return (
    <>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Alerts</h1>
      {role === "REFERRER" ? (
        <p className="govuk-body">Decisions made on referrals you sent, shown once.</p>
      ) : (
        <p className="govuk-body">
          Red and new referrals to your team that nobody has picked up yet (each stays until someone in the team is
          assigned the referral), transfers waiting for your answer, and news shown once: transfers you asked for that
          were accepted or refused, decisions due within two working hours, and escalations to the lead.
        </p>
      )}
      {list === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading alerts…
          </p>
        )
      ) : list.alerts.length === 0 ? (
        <p className="govuk-body">There are no alerts.</p>
      ) : (
        <Table
          caption="Your alerts, newest first"
          captionHidden
          columns={columns}
          rows={list.alerts}
          rowKey={(alert) => alert.id}
        />
      )}
    </>
  );
}
