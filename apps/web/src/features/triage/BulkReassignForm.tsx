import { bulkReassignResultSchema, type BulkReassignOutcome, type BulkReassignResult } from "@cse/contracts/oversight";
import { useState, type FormEvent } from "react";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { Button, Select, type ErrorSummaryItem } from "../../components/govuk/index.ts";

const notDoneLabels: Record<Exclude<BulkReassignOutcome, "reassigned" | "unchanged">, string> = {
  "not-found": "could not be found",
  "not-open": "is no longer open",
  conflict: "was changed by someone else meanwhile",
};

/** What happened, in words: how many moved, and each one that did not. */
export function describeBulkResult(result: BulkReassignResult): string {
  const moved = `${result.reassigned === 1 ? "1 referral" : `${result.reassigned} referrals`} reassigned to ${result.assignee.name}.`;
  const notDone = result.results.flatMap((item) =>
    item.outcome === "reassigned" || item.outcome === "unchanged"
      ? []
      : [`${item.reference ?? "A referral"} ${notDoneLabels[item.outcome]}`],
  );
  return notDone.length > 0 ? `${moved} Not reassigned: ${notDone.join("; ")}.` : moved;
}

/**
 * "Reassign selected": the lead chooses a member and every ticked referral goes to them, each
 * on its own (one that moved on meanwhile does not stop the rest). Validated on submit.
 */
export function BulkReassignForm({
  selected,
  firstRow,
  members,
  done,
  reportErrors,
}: {
  selected: readonly string[];
  /** The first row's id, where "select at least one" takes the user. */
  firstRow: string;
  members: readonly { id: string; name: string }[];
  done: (result: BulkReassignResult) => void;
  /** For the page's one error summary, above its heading. */
  reportErrors: (items: ErrorSummaryItem[]) => void;
}) {
  const [assigneeId, setAssigneeId] = useState("");
  const [assigneeError, setAssigneeError] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const assignee = assigneeId ? undefined : "Choose a member of the team";
    setAssigneeError(assignee);
    const items: ErrorSummaryItem[] = [
      ...(selected.length === 0 ? [{ fieldId: `select-${firstRow}`, text: "Select at least one referral" }] : []),
      ...(assignee ? [{ fieldId: "bulk-assignee", text: assignee }] : []),
    ];
    reportErrors(items);
    if (items.length > 0) return;
    try {
      done(
        await parsedApi.post(bulkReassignResultSchema, "/api/referrals/bulk-reassign", {
          referralIds: selected,
          assigneeId,
        }),
      );
      setAssigneeId("");
    } catch (error) {
      reportErrors([{ text: describeFailure(error) }]);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="app-no-print" aria-labelledby="bulk-heading">
      <h2 className="govuk-heading-m" id="bulk-heading">
        Reassign selected referrals
      </h2>
      <p className="govuk-body" role="status">
        {selected.length === 1 ? "1 referral selected" : `${selected.length} referrals selected`}
      </p>
      <Select
        id="bulk-assignee"
        label="Reassign to"
        error={assigneeError}
        value={assigneeId}
        onChange={(event) => setAssigneeId(event.target.value)}
        options={[
          { value: "", label: "Choose a member" },
          ...members.map((member) => ({ value: member.id, label: member.name })),
        ]}
      />
      <Button preventDoubleClick>Reassign selected</Button>
    </form>
  );
}
