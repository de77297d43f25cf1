import type { QueueCounts } from "@cse/contracts";
import { Link } from "react-router";
import { queueHref, queueViews, type QueueState } from "./queue-query.ts";

/**
 * MoJ sub navigation: one link per view of the queue, each with its count under the current
 * filters. The current view is marked for screen readers as well as by its underline.
 */
export function QueueViews({ state, counts }: { state: QueueState; counts: QueueCounts | null }) {
  return (
    <nav className="app-sub-navigation" aria-label="Views of the queue">
      <ul className="app-sub-navigation__list">
        {queueViews.map((view) => {
          const isCurrent = view.id === state.view;
          return (
            <li className="app-sub-navigation__item" key={view.id}>
              <Link
                className="app-sub-navigation__link"
                aria-current={isCurrent ? "page" : undefined}
                to={queueHref({ ...state, view: view.id, cursor: null })}
              >
                {view.label}
                {counts ? ` (${counts[view.id]})` : ""}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
