import type { TeamQueueItem } from "@cse/contracts";
import type { TableColumn } from "../../components/govuk/index.ts";

/** A small GOV.UK checkbox on each row (the MoJ "multi-select" pattern), named by the referral's reference. */
export function selectionColumn(
  selected: ReadonlySet<string>,
  toggle: (id: string) => void,
): TableColumn<TeamQueueItem> {
  return {
    header: "Select",
    cell: (item) => (
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={`select-${item.id}`}
            type="checkbox"
            checked={selected.has(item.id)}
            onChange={() => toggle(item.id)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={`select-${item.id}`}>
            <span className="govuk-visually-hidden">Select referral {item.reference}</span>
          </label>
        </div>
      </div>
    ),
  };
}
