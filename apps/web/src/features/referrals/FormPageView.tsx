import type { ReferralFormValues } from "@cse/contracts";
import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import { BackLink, Button, ErrorSummary } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";
import { useDraft } from "./DraftContext.tsx";
import { findPage, formPages, pageAfter, pageAfterChange, sectionTitle, type FormPage } from "./form-pages.ts";
import { ChildFamilyPage, ChildNeedsPage, ChildWherePage, ChildWhoPage } from "./pages/ChildPages.tsx";
import { SignPage } from "./pages/SignPage.tsx";
import { SignsPage } from "./pages/SignsPage.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { AboutYouSection } from "./sections/AboutYouSection.tsx";
import { ConcernSection } from "./sections/ConcernSection.tsx";
import { EntitiesSection } from "./sections/EntitiesSection.tsx";
import { ImmediateSafetySection } from "./sections/ImmediateSafetySection.tsx";
import { InformationSharingSection } from "./sections/InformationSharingSection.tsx";
import { usePageForm } from "./use-page-form.ts";

type DateParts = (path: string) => readonly ("day" | "month" | "year")[] | undefined;
interface PageProps {
  form: UseFormReturn<ReferralFormValues>;
  dateParts: DateParts;
  page: FormPage;
}

/** Pages whose one question is the h1 (its legend), as GOV.UK asks one thing per page. */
const QUESTION_IS_HEADING = (page: FormPage) =>
  page.slug === "concern/signs" || (page.slug.startsWith("concern/signs/") && page.title.endsWith("?"));

function pageContent({ form, dateParts, page }: PageProps): ReactNode {
  if (page.slug.startsWith("concern/signs/")) return <SignPage form={form} code={page.slug.split("/")[2]!} />;
  switch (page.slug) {
    case "immediate-safety":
      return <ImmediateSafetySection form={form} />;
    case "child":
      return <ChildWhoPage form={form} dateParts={dateParts} />;
    case "child/needs":
      return <ChildNeedsPage form={form} />;
    case "child/where":
      return <ChildWherePage form={form} />;
    case "child/family":
      return <ChildFamilyPage form={form} />;
    case "concern":
      return <ConcernSection form={form} dateParts={dateParts} />;
    case "concern/signs":
      return <SignsPage form={form} />;
    case "people-places-vehicles":
      return <EntitiesSection form={form} />;
    case "information-sharing":
      return <InformationSharingSection form={form} />;
    default:
      return <AboutYouSection form={form} />;
  }
}

function FormPageForm({ page }: { page: FormPage }) {
  const { draftId, saver } = useDraft();
  const navigate = useNavigate();
  const { search } = useLocation();
  const returnToCheck = new URLSearchParams(search).get("return") === "check";
  const { form, summary, datePartsWithErrors } = usePageForm(page);
  usePageTitle(page.title, summary.length > 0);
  const draftPath = `/referrals/drafts/${draftId}`;

  const onSubmit = form.handleSubmit(async (values) => {
    if (page.section === "people-places-vehicles") form.setValue("entitiesReviewed", "yes");
    // Leaving a page sends its answers at once, not after the typing pause.
    await saver.flush();
    if (returnToCheck) {
      const needed = pageAfterChange(values, page.slug);
      await navigate(needed ? `${draftPath}/${needed.slug}?return=check` : `${draftPath}/check`);
      return;
    }
    const next = pageAfter(values, page.slug);
    await navigate(next ? `${draftPath}/${next.slug}` : `${draftPath}/check`);
  });

  const pages = formPages(form.getValues());
  const index = pages.findIndex((candidate) => candidate.slug === page.slug);
  const previous = returnToCheck ? null : index > 0 ? pages[index - 1] : null;
  const back = returnToCheck ? `${draftPath}/check` : previous ? `${draftPath}/${previous.slug}` : draftPath;

  return (
    <>
      <BackLink to={back} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary items={summary} focusKey={form.formState.submitCount} />
          <span className="govuk-caption-l">{sectionTitle(page.section)}</span>
          {QUESTION_IS_HEADING(page) ? null : <h1 className="govuk-heading-l">{page.title}</h1>}
          <SaveStatus />
          <form noValidate onSubmit={onSubmit}>
            {pageContent({ form, dateParts: datePartsWithErrors, page })}
            <div className="govuk-button-group">
              <Button disabled={form.formState.isSubmitting}>Save and continue</Button>
              <Link className="govuk-link" to={draftPath}>
                Back to the list of sections
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}

export function FormPageView() {
  const slug = useParams()["*"] ?? "";
  const { getValues } = useDraft();
  const page = findPage(slug);
  if (!page) return <Navigate to=".." replace />;
  // A sign's page exists only while the sign is ticked.
  if (page.slug.startsWith("concern/signs/") && !formPages(getValues()).some((known) => known.slug === page.slug))
    return <Navigate to="../concern/signs" replace />;
  // A fresh form per page: each holds only the fields it shows.
  return <FormPageForm key={page.slug} page={page} />;
}
