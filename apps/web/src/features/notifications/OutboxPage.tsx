import {
  notificationKindLabels,
  outboxReportSchema,
  type OutboxEntry,
  type OutboxReport,
} from "@cse/contracts/notifications";
import { useEffect, useState } from "react";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { ErrorSummary, SummaryList, Table, Tag, type TableColumn } from "../../components/govuk/index.ts";
import { formatDateTime } from "../../format/london-time.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

const modeLabels: Record<OutboxReport["emailMode"], string> = {
  off: "Off: nothing is emailed; one-time links are shown to administrators",
  file: "Development: each email is written as a file",
  smtp: "On: sent by the mail server",
};

const columns: readonly TableColumn<OutboxEntry>[] = [
  { header: "Kind", cell: (entry) => notificationKindLabels[entry.kind] },
  {
    header: "Status",
    cell: (entry) =>
      entry.status === "FAILED" ? <Tag colour="red">Failed</Tag> : entry.status === "SENDING" ? "Sending" : "Waiting",
  },
  { header: "Attempts", cell: (entry) => String(entry.attempts), numeric: true },
  { header: "Raised", cell: (entry) => formatDateTime(entry.createdAt) },
  {
    header: "Next attempt",
    cell: (entry) => (entry.status === "FAILED" ? "None" : formatDateTime(entry.nextAttemptAt)),
  },
  { header: "Last error", cell: (entry) => entry.lastError ?? "None" },
];

/** Emails that failed or still wait: enough to see the mail server is in trouble, nothing personal. */
export function OutboxPage() {
  usePageTitle("Email sending");
  const [report, setReport] = useState<OutboxReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    parsedApi
      .get(outboxReportSchema, "/api/admin/notifications")
      .then(setReport, (error: unknown) => setFailure(describeFailure(error)));
  }, []);

  return (
    <>
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Email sending</h1>
      {report === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading…
          </p>
        )
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Email", value: modeLabels[report.emailMode] },
              { key: "Waiting to be sent", value: String(report.counts.pending) },
              { key: "Failed after every retry", value: String(report.counts.failed) },
              { key: "Sent in the last 24 hours", value: String(report.counts.sentLastDay) },
            ]}
          />
          <p className="govuk-body">
            A failed send is retried with growing gaps between attempts before it is marked failed. This page never
            shows addresses or anything about a referral.
          </p>
          {report.entries.length === 0 ? (
            <p className="govuk-body">Nothing has failed and nothing is waiting.</p>
          ) : (
            <Table
              caption="Failed and waiting emails, failed first"
              columns={columns}
              rows={report.entries}
              rowKey={(entry) => entry.id}
            />
          )}
        </>
      )}
    </>
  );
}
