import { REFERRAL_SECTIONS, validateReferralForm } from "@cse/contracts";
import { Link } from "react-router";
import { TaskList, WarningText } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useDraft } from "./DraftContext.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { firstPageOf } from "./form-pages.ts";
import { sectionStatus } from "./section-status.ts";

export function TaskListPage() {
  const { draftId, getValues } = useDraft();
  usePageTitle("Tell us about your concern");
  const values = getValues();
  const result = validateReferralForm(values);
  const issues = result.success ? [] : result.issues;
  const tasks = REFERRAL_SECTIONS.map((section) => ({
    id: section.id,
    title: section.title,
    to: `/referrals/drafts/${draftId}/${firstPageOf(section.id).slug}`,
    status: sectionStatus(values, section.id, issues),
    ...(section.id === "people-places-vehicles"
      ? { hint: "Add anyone or anything linked to the concern, if you can" }
      : {}),
  }));
  const done = tasks.filter((task) => task.status === "completed").length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Make a referral</span>
        <h1 className="govuk-heading-l">Tell us about your concern</h1>
        {values.immediateDanger === "yes" ? (
          <WarningText>If the child is in immediate danger, call 999 now.</WarningText>
        ) : null}
        <SaveStatus />
        <p className="govuk-body">
          You have completed {done} of {tasks.length} sections.
        </p>
        <TaskList tasks={tasks} />
        {result.success ? (
          <Link
            to={`/referrals/drafts/${draftId}/check`}
            role="button"
            draggable="false"
            className="govuk-button"
            data-module="govuk-button"
          >
            Check your answers
          </Link>
        ) : (
          <p className="govuk-body">
            When you have completed every section you can check your answers and send the referral.
          </p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/referrals">
            Come back to it later
          </Link>{" "}
          (your answers are saved as a draft)
        </p>
      </div>
    </div>
  );
}
