import { REFERRAL_SECTIONS, type ReferralSectionId } from "@cse/contracts";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { Button, ErrorSummary } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useDraft } from "./DraftContext.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { nextSection } from "./section-status.ts";
import { AboutYouSection } from "./sections/AboutYouSection.tsx";
import { ChildSection } from "./sections/ChildSection.tsx";
import { ConcernSection } from "./sections/ConcernSection.tsx";
import { EntitiesSection } from "./sections/EntitiesSection.tsx";
import { ImmediateSafetySection } from "./sections/ImmediateSafetySection.tsx";
import { InformationSharingSection } from "./sections/InformationSharingSection.tsx";
import { useSectionForm } from "./use-section-form.ts";

function Section({ id }: { id: ReferralSectionId }) {
  const { draftId, saver } = useDraft();
  const navigate = useNavigate();
  const { form, summary, datePartsWithErrors } = useSectionForm(id);
  const title = REFERRAL_SECTIONS.find((section) => section.id === id)!.title;
  usePageTitle(title, summary.length > 0);

  const onSubmit = form.handleSubmit(async () => {
    // Leaving a section sends its answers at once, not after the typing pause.
    await saver.flush();
    const next = nextSection(id);
    await navigate(next ? `/referrals/drafts/${draftId}/${next}` : `/referrals/drafts/${draftId}/check`);
  });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary items={summary} />
        <span className="govuk-caption-l">Make a referral</span>
        <h1 className="govuk-heading-l">{title}</h1>
        <SaveStatus />
        <form noValidate onSubmit={onSubmit}>
          {id === "immediate-safety" ? <ImmediateSafetySection form={form} /> : null}
          {id === "child" ? <ChildSection form={form} dateParts={datePartsWithErrors} /> : null}
          {id === "concern" ? <ConcernSection form={form} dateParts={datePartsWithErrors} /> : null}
          {id === "people-places-vehicles" ? <EntitiesSection form={form} /> : null}
          {id === "information-sharing" ? <InformationSharingSection form={form} /> : null}
          {id === "about-you" ? <AboutYouSection form={form} /> : null}
          <div className="govuk-button-group">
            <Button disabled={form.formState.isSubmitting}>Save and continue</Button>
            <Link className="govuk-link" to={`/referrals/drafts/${draftId}`}>
              Back to the list of sections
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}

export function SectionPage() {
  const { section = "" } = useParams();
  if (!REFERRAL_SECTIONS.some((candidate) => candidate.id === section)) return <Navigate to=".." replace />;
  // A fresh form per section: each holds only the fields it shows.
  return <Section key={section} id={section as ReferralSectionId} />;
}
