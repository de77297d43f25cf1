import type { QueueDue } from "@cse/contracts";
import { Link, useNavigate } from "react-router";
import { Button, Select } from "../../components/govuk/index.ts";
import { teamStatusLabels } from "../../components/ReferralTags.tsx";
import { queueHref, readQueueState, type QueueState } from "./queue-query.ts";

const statusOptions = [
  { value: "", label: "Any open status" },
  ...(["SUBMITTED", "IN_TRIAGE", "AWAITING_APPROVAL"] as const).map((status) => ({
    value: status,
    label: teamStatusLabels[status],
  })),
];

const riskOptions = [
  { value: "", label: "Any risk" },
  { value: "RED", label: "Red" },
  { value: "AMBER", label: "Amber" },
  { value: "GREEN", label: "Green" },
];

const dueLabels: Record<QueueDue, string> = {
  overdue: "Overdue",
  today: "Due later today",
  "red-hour": "RED, nobody on it for over an hour",
};

const dueOptions = [
  { value: "", label: "Any time" },
  ...(Object.entries(dueLabels) as [QueueDue, string][]).map(([value, label]) => ({ value, label })),
];

/**
 * MoJ "filter a list", without its script: two GOV.UK selects and Apply. The filters live in
 * the URL, so they survive a reload and the back button; applying starts again at page one.
 */
export function QueueFilters({ state }: { state: QueueState }) {
  const navigate = useNavigate();
  const filtered = state.status !== null || state.risk !== null || state.due !== null || state.member !== null;
  return (
    <form
      noValidate
      className="app-filter"
      aria-label="Filter the queue"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const params = new URLSearchParams();
        for (const key of ["status", "risk", "due"]) {
          const value = data.get(key);
          if (typeof value === "string" && value) params.set(key, value);
        }
        const chosen = readQueueState(params);
        void navigate(queueHref({ ...state, status: chosen.status, risk: chosen.risk, due: chosen.due, cursor: null }));
      }}
    >
      <div className="app-filter__fields">
        <Select
          id="status"
          name="status"
          label="Status"
          key={`status-${state.status ?? ""}`}
          defaultValue={state.status ?? ""}
          options={statusOptions}
        />
        <Select
          id="risk"
          name="risk"
          label="Risk"
          key={`risk-${state.risk ?? ""}`}
          defaultValue={state.risk ?? ""}
          options={riskOptions}
        />
        <Select
          id="due"
          name="due"
          label="Decision"
          key={`due-${state.due ?? ""}`}
          defaultValue={state.due ?? ""}
          options={dueOptions}
        />
      </div>
      <div className="govuk-button-group">
        <Button variant="secondary">Apply filters</Button>
        {filtered ? (
          <Link
            className="govuk-link"
            to={queueHref({ ...state, status: null, risk: null, due: null, member: null, cursor: null })}
          >
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
