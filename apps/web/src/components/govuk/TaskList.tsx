import { Link } from "react-router";
import { Tag, type TagColour } from "./Tag.tsx";

export type TaskStatus = "completed" | "incomplete" | "not-started" | "optional" | "cannot-start-yet" | "has-errors";

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly to: string;
  readonly status: TaskStatus;
  readonly hint?: string;
}

// GOV.UK's words; "Completed" and "Cannot start yet" are plain text, so the tags stand out.
const statuses: Record<TaskStatus, { text: string; tag?: { colour?: TagColour } }> = {
  completed: { text: "Completed" },
  incomplete: { text: "Incomplete", tag: {} },
  "not-started": { text: "Not yet started", tag: { colour: "teal" } },
  optional: { text: "Optional", tag: { colour: "grey" } },
  "cannot-start-yet": { text: "Cannot start yet" },
  "has-errors": { text: "There is a problem", tag: { colour: "red" } },
};

export function TaskList({ tasks }: { tasks: readonly Task[] }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task) => {
        const status = statuses[task.status];
        const canStart = task.status !== "cannot-start-yet";
        const describedBy = [task.hint ? `${task.id}-hint` : "", `${task.id}-status`].filter(Boolean).join(" ");
        return (
          <li className={`govuk-task-list__item${canStart ? " govuk-task-list__item--with-link" : ""}`} key={task.id}>
            <div className="govuk-task-list__name-and-hint">
              {canStart ? (
                <Link className="govuk-link govuk-task-list__link" to={task.to} aria-describedby={describedBy}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint ? (
                <div id={`${task.id}-hint`} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              ) : null}
            </div>
            <div
              className={`govuk-task-list__status${canStart ? "" : " govuk-task-list__status--cannot-start-yet"}`}
              id={`${task.id}-status`}
            >
              {status.tag ? <Tag colour={status.tag.colour}>{status.text}</Tag> : status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
