import { Link } from "react-router";

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly to: string;
  readonly status: "completed" | "in-progress" | "not-started" | "has-errors";
}

const statusText: Record<Task["status"], { text: string; colour?: string }> = {
  completed: { text: "Completed" },
  "in-progress": { text: "In progress", colour: "light-blue" },
  "not-started": { text: "Not yet started", colour: "blue" },
  "has-errors": { text: "There is a problem", colour: "red" },
};

export function TaskList({ tasks }: { tasks: readonly Task[] }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task) => {
        const status = statusText[task.status];
        return (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" key={task.id}>
            <div className="govuk-task-list__name-and-hint">
              <Link className="govuk-link govuk-task-list__link" to={task.to} aria-describedby={`${task.id}-status`}>
                {task.title}
              </Link>
            </div>
            <div className="govuk-task-list__status" id={`${task.id}-status`}>
              {status.colour ? <strong className={`govuk-tag govuk-tag--${status.colour}`}>{status.text}</strong> : status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
