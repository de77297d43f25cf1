import { teamQueuePageSchema, type TeamQueuePage as QueuePage } from "@cse/contracts";
import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { describeFailure } from "../../api/errors.ts";
import { useCurrentUser } from "../../auth/AuthContext.tsx";
import { parsedApi } from "../../api/parsed.ts";
import { ErrorSummary, NotificationBanner, Table, type ErrorSummaryItem } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { BulkReassignForm, describeBulkResult } from "./BulkReassignForm.tsx";
import { selectionColumn } from "./selection-column.tsx";
import { QueueFilters } from "./QueueFilters.tsx";
import { QueueViews } from "./QueueViews.tsx";
import { queueColumns } from "./queue-columns.tsx";
import { queueApiPath, queueHref, queueViews, readQueueState } from "./queue-query.ts";

interface Loaded {
  readonly path: string;
  readonly page: QueuePage;
  /** Due times are worded as at this moment, so the words match what the API just said. */
  readonly at: Date;
}

/** The team's open referrals, the most urgent first. */
export function TeamQueuePage() {
  usePageTitle("Team queue");
  const [searchParams] = useSearchParams();
  // Set by the referral file after routing from the hub, which leaves the user here.
  const notice = noticeFrom(useLocation().state);
  const state = useMemo(() => readQueueState(searchParams), [searchParams]);
  const path = queueApiPath(state);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<{ path: string; message: string } | null>(null);
  // A page (or a failure) for an earlier query is never shown while the next one loads.
  const current = loaded?.path === path ? loaded : null;
  const failure = failed?.path === path ? failed.message : null;
  // Leads tick rows and reassign them together; the queue reloads afterwards.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkErrors, setBulkErrors] = useState<{ items: ErrorSummaryItem[]; attempt: number }>({
    items: [],
    attempt: 0,
  });
  const [bulkNotice, setBulkNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    parsedApi.get(teamQueuePageSchema, path).then(
      (page) => setLoaded({ path, page, at: new Date() }),
      (error: unknown) => setFailed({ path, message: describeFailure(error) }),
    );
  }, [path, reloads]);

  const isLead = useCurrentUser().role === "LEAD";
  const canReassign = (current?.page.assignableMembers.length ?? 0) > 0;
  const columns = useMemo(() => {
    if (!current) return [];
    const toggle = (id: string) =>
      setSelected((was) => {
        const next = new Set(was);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    return canReassign ? [selectionColumn(selected, toggle), ...queueColumns(current.at)] : queueColumns(current.at);
  }, [current, canReassign, selected]);
  const viewLabel = queueViews.find((view) => view.id === state.view)?.label ?? "";

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      {bulkNotice ? <NotificationBanner type="success">{bulkNotice}</NotificationBanner> : null}
      <ErrorSummary
        items={[...(failure ? [{ text: failure }] : []), ...bulkErrors.items]}
        focusKey={bulkErrors.attempt}
      />
      {current ? <span className="govuk-caption-l">{current.page.team.name}</span> : null}
      <h1 className="govuk-heading-l">Team queue</h1>
      {isLead ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/team/export">
            Export the team’s referrals
          </Link>
        </p>
      ) : null}
      <QueueViews state={state} counts={current?.page.counts ?? loaded?.page.counts ?? null} />
      <QueueFilters state={state} />
      {current === null ? (
        failure ? null : (
          <p className="govuk-body" role="status">
            Loading the queue…
          </p>
        )
      ) : current.page.items.length === 0 ? (
        <p className="govuk-body">No open referrals match.</p>
      ) : (
        <Table
          caption={`${viewLabel}: most urgent first`}
          columns={columns}
          rows={current.page.items}
          rowKey={(item) => item.id}
          rowClassName={(item) => (item.attention.length > 0 ? "app-table__row--attention" : undefined)}
        />
      )}
      {current && canReassign && current.page.items.length > 0 ? (
        <BulkReassignForm
          selected={current.page.items.filter((item) => selected.has(item.id)).map((item) => item.id)}
          firstRow={current.page.items[0]!.id}
          members={current.page.assignableMembers}
          reportErrors={(items) => setBulkErrors((was) => ({ items, attempt: was.attempt + 1 }))}
          done={(result) => {
            setBulkNotice(describeBulkResult(result));
            setSelected(new Set());
            setReloads((count) => count + 1);
          }}
        />
      ) : null}
      {current && (current.page.nextCursor || state.cursor) ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
          {state.cursor ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={queueHref({ ...state, cursor: null })}>
                <span className="govuk-pagination__link-title">First page</span>
              </Link>
            </div>
          ) : null}
          {current.page.nextCursor ? (
            <div className="govuk-pagination__next">
              <Link
                className="govuk-link govuk-pagination__link"
                rel="next"
                to={queueHref({ ...state, cursor: current.page.nextCursor })}
              >
                <span className="govuk-pagination__link-title">Next page</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

function noticeFrom(state: unknown): string | null {
  return typeof state === "object" && state !== null && "notice" in state && typeof state.notice === "string"
    ? state.notice
    : null;
}
