import {
  transferInboxSchema,
  transferResultSchema,
  type TransferInbox,
  type TransferInboxItem,
  type TransferResult,
} from "@cse/contracts";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Link } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { useAuth } from "../../auth/AuthContext.tsx";
import { Button, ErrorSummary, NotificationBanner, SummaryList, Table, Tag } from "../../components/govuk/index.ts";
import { RiskTag } from "../../components/ReferralTags.tsx";
import { formatDateTime } from "../../format/london-time.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useAlerts } from "../alerts/AlertsContext.tsx";
import { TransferAnswerForm } from "./TransferAnswerForm.tsx";

const OVERDUE_TEXT = "Waiting more than one working day";

function OverdueTag({ transfer }: { transfer: TransferInboxItem }) {
  return transfer.overdue ? <Tag colour="red">{OVERDUE_TEXT}</Tag> : null;
}

/** What the receiving lead may know before accepting: never the child's name or the file. */
function IncomingTransfer({
  transfer,
  answered,
}: {
  transfer: TransferInboxItem;
  answered: (result: TransferResult, transfer: TransferInboxItem) => void;
}) {
  const headingId = `incoming-${transfer.id}`;
  return (
    <section
      className={`govuk-!-margin-bottom-8${transfer.overdue ? " app-transfer--overdue" : ""}`}
      aria-labelledby={headingId}
    >
      <h3 className="govuk-heading-m" id={headingId}>
        {transfer.reference} from {transfer.fromTeam.name} <OverdueTag transfer={transfer} />
      </h3>
      <SummaryList
        rows={[
          {
            key: "Child",
            value: `${transfer.ageAtReferral === null ? "Age not known" : `${transfer.ageAtReferral} when referred`}, ${
              transfer.area ? `postcode district ${transfer.area}` : "area not known"
            }`,
          },
          {
            key: "Risk",
            value: (
              <>
                <RiskTag risk={transfer.risk.rating} />
                <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {transfer.risk.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ),
          },
          { key: "Reason for the transfer", value: transfer.reason },
          {
            key: "Asked for by",
            value: `${transfer.requestedBy.name} (${transfer.fromTeam.name}), ${formatDateTime(transfer.requestedAt)}`,
          },
        ]}
      />
      <TransferAnswerForm transfer={transfer} answered={answered} />
    </section>
  );
}

function WithdrawButton({
  transfer,
  withdrawn,
  failed,
}: {
  transfer: TransferInboxItem;
  withdrawn: (transfer: TransferInboxItem) => void;
  failed: (message: string) => void;
}) {
  const [sending, setSending] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSending(true);
        parsedApi
          .post(transferResultSchema, `/api/transfers/${transfer.id}/cancel`)
          .then(() => withdrawn(transfer))
          .catch((error: unknown) => failed(describeFailure(error)))
          .finally(() => setSending(false));
      }}
    >
      <Button variant="secondary" disabled={sending} preventDoubleClick>
        Withdraw<span className="govuk-visually-hidden"> the transfer of {transfer.reference}</span>
      </Button>
    </form>
  );
}

/**
 * The transfer inbox (leads answer what waits for their team; the team sees what it asked for
 * and may withdraw it). A transfer waiting more than one working day is flagged on both sides.
 */
export function TransfersPage() {
  usePageTitle("Transfers");
  const { state } = useAuth();
  const isLead = state.status === "signed-in" && state.user.role === "LEAD";
  const { refresh: refreshAlerts } = useAlerts();
  const [incoming, setIncoming] = useState<TransferInbox | null>(null);
  const [outgoing, setOutgoing] = useState<TransferInbox | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ key: number; text: ReactNode } | null>(null);

  const load = useCallback(() => {
    Promise.all([
      isLead ? parsedApi.get(transferInboxSchema, "/api/transfers?box=incoming") : Promise.resolve(null),
      parsedApi.get(transferInboxSchema, "/api/transfers?box=outgoing"),
    ])
      .then(([loadedIncoming, loadedOutgoing]) => {
        setIncoming(loadedIncoming);
        setOutgoing(loadedOutgoing);
      })
      .catch((error: unknown) => setFailure(describeFailure(error)));
  }, [isLead]);
  useEffect(load, [load]);

  const announce = (text: ReactNode) => {
    setFailure(null);
    setNotice((previous) => ({ key: (previous?.key ?? 0) + 1, text }));
    refreshAlerts();
    load();
  };
  const answered = (result: TransferResult, transfer: TransferInboxItem) =>
    announce(
      result.status === "ACCEPTED" ? (
        <>
          Referral {transfer.reference} is now {result.toTeam.name}&rsquo;s.{" "}
          <Link className="govuk-notification-banner__link" to={`/referrals/${result.referralId}`}>
            Open referral {transfer.reference}
          </Link>
        </>
      ) : (
        `Transfer of ${transfer.reference} refused. ${transfer.fromTeam.name} has been told why.`
      ),
    );

  return (
    <>
      {notice ? (
        <NotificationBanner type="success" key={notice.key}>
          {notice.text}
        </NotificationBanner>
      ) : null}
      <ErrorSummary items={failure ? [{ text: failure }] : []} />
      <h1 className="govuk-heading-l">Transfers</h1>
      <p className="govuk-body">
        Transfers move a referral between West Yorkshire&rsquo;s district teams. The team that asked keeps the referral,
        its decision time and its duties until the receiving lead accepts.
      </p>
      {isLead ? (
        <section aria-labelledby="incoming-heading">
          <h2 className="govuk-heading-l" id="incoming-heading">
            Asked of your team
          </h2>
          {incoming === null ? (
            failure ? null : (
              <p className="govuk-body" role="status">
                Loading transfers…
              </p>
            )
          ) : incoming.items.length === 0 ? (
            <p className="govuk-body">No transfers are waiting for your answer.</p>
          ) : (
            incoming.items.map((transfer) => (
              <IncomingTransfer key={transfer.id} transfer={transfer} answered={answered} />
            ))
          )}
        </section>
      ) : null}
      <section aria-labelledby="outgoing-heading">
        <h2 className="govuk-heading-l" id="outgoing-heading">
          Asked by your team
        </h2>
        {outgoing === null ? null : outgoing.items.length === 0 ? (
          <p className="govuk-body">Your team is not waiting for any transfer.</p>
        ) : (
          <Table
            caption="Transfers your team asked for that are still waiting, oldest first"
            captionHidden
            columns={[
              {
                header: "Referral",
                cell: (transfer) => (
                  <Link className="govuk-link" to={`/referrals/${transfer.referralId}`}>
                    {transfer.reference}
                  </Link>
                ),
              },
              { header: "To", cell: (transfer) => transfer.toTeam.name },
              {
                header: "Asked",
                cell: (transfer) => (
                  <>
                    {transfer.requestedBy.name}, {formatDateTime(transfer.requestedAt)}{" "}
                    <OverdueTag transfer={transfer} />
                  </>
                ),
              },
              { header: "Reason", cell: (transfer) => transfer.reason },
              {
                header: "Action",
                cell: (transfer) => (
                  <WithdrawButton
                    transfer={transfer}
                    withdrawn={(done) => announce(`Transfer of ${done.reference} withdrawn. It stays with your team.`)}
                    failed={setFailure}
                  />
                ),
              },
            ]}
            rows={outgoing.items}
            rowKey={(transfer) => transfer.id}
          />
        )}
      </section>
    </>
  );
}
