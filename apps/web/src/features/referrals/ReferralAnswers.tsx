import {
  concernKindLabels,
  consentLabels,
  genderLabels,
  indicatorLevelLabels,
  informationSourceLabels,
  lawfulBasisLabels,
  type ReferralContent,
  type ReferralSectionId,
} from "@cse/contracts";
import type { ReactNode } from "react";
import { SummaryList, type SummaryRow } from "../../components/govuk/index.ts";
import { formatDate } from "../../format/london-time.ts";

const yesNoUnknown = { YES: "Yes", NO: "No", UNKNOWN: "Not known" } as const;
const lines = (items: readonly string[]) =>
  items.length === 0
    ? ""
    : items.map((item, index) => (
        <span key={index}>
          {item}
          <br />
        </span>
      ));
const multiline = (text: string | null): ReactNode =>
  text
    ? text.split("\n").map((line, index) => (
        <span key={index}>
          {line}
          <br />
        </span>
      ))
    : "";

/**
 * Everything in a referral as GOV.UK summary lists: on "check your answers" with change
 * links, and on the printable copy without.
 */
export function ReferralAnswers({
  content,
  changeLink,
}: {
  content: ReferralContent;
  changeLink?: (section: ReferralSectionId, what: string) => SummaryRow["change"];
}) {
  const { child, concern, informationSharing: sharing, aboutYou } = content;
  const row = (section: ReferralSectionId, key: string, value: ReactNode): SummaryRow => {
    const change = changeLink?.(section, key.toLowerCase());
    return change ? { key, value, change } : { key, value };
  };
  const age = child.dateOfBirth
    ? formatDate(child.dateOfBirth)
    : child.estimatedAgeYears !== null
      ? `Not known (about ${child.estimatedAgeYears})`
      : "";
  return (
    <>
      <h2 className="govuk-heading-m">Immediate safety</h2>
      <SummaryList
        rows={[row("immediate-safety", "In immediate danger", content.immediateDanger ? <strong>Yes</strong> : "No")]}
      />

      <h2 className="govuk-heading-m">The child</h2>
      <SummaryList
        rows={[
          row("child", "Name", `${child.givenNames} ${child.familyName}`),
          row("child", "Other names", lines(child.aliases)),
          row("child", "Date of birth", age),
          row("child", "Gender", child.gender ? genderLabels[child.gender] : ""),
          row("child", "Ethnicity", child.ethnicity),
          row("child", "First language", child.firstLanguage),
          row("child", "Needs an interpreter", yesNoUnknown[child.interpreterNeeded]),
          row(
            "child",
            "Disability or difficulty",
            `${yesNoUnknown[child.disabilityOrDifficulty]}${child.disabilityDetails ? `: ${child.disabilityDetails}` : ""}`,
          ),
          row("child", "Learning disability", yesNoUnknown[child.learningDisability]),
          row("child", "Home address", multiline([child.homeAddress, child.homePostcode].filter(Boolean).join("\n"))),
          row(
            "child",
            "Where they are now",
            multiline([child.currentWhereabouts, child.currentPostcode].filter(Boolean).join("\n")),
          ),
          row("child", "School or college", child.school),
          row("child", "Parental responsibility", child.parentalResponsibility),
          row("child", "Household", multiline(child.householdMembers)),
          row("child", "Other agencies", multiline(child.otherAgencies)),
          row(
            "child",
            "Looked after",
            `${yesNoUnknown[child.lookedAfter]}${child.responsibleAuthority ? ` (${child.responsibleAuthority})` : ""}`,
          ),
        ]}
      />

      <h2 className="govuk-heading-m">The concern</h2>
      <SummaryList
        rows={[
          row("concern", "What was seen, heard or disclosed", multiline(concern.description)),
          row("concern", "When", [formatDate(concern.occurredOn), concern.when].filter(Boolean).join(", ")),
          row("concern", "Where", concern.location),
          row(
            "concern",
            "How you know",
            `${informationSourceLabels[concern.informationSource]}${concern.informationSourceDetail ? `: ${concern.informationSourceDetail}` : ""}`,
          ),
          ...concern.indicators.map((indicator) =>
            row(
              "concern",
              indicator.label,
              `${indicatorLevelLabels[indicator.level]}${indicator.detail ? `: ${indicator.detail}` : ""}`,
            ),
          ),
        ]}
      />

      <h2 className="govuk-heading-m">People, places and vehicles of concern</h2>
      {content.entities.length === 0 ? (
        <SummaryList rows={[row("people-places-vehicles", "People, places or vehicles", "None added")]} />
      ) : (
        content.entities.map((entity, index) => (
          <SummaryList
            key={index}
            rows={[
              row("people-places-vehicles", `${concernKindLabels[entity.kind]} ${index + 1}`, entity.name ?? ""),
              ...(entity.nicknames.length
                ? [row("people-places-vehicles", "Nicknames", entity.nicknames.join(", "))]
                : []),
              ...(entity.approximateAge !== null
                ? [row("people-places-vehicles", "Approximate age", String(entity.approximateAge))]
                : []),
              ...(entity.phoneNumbers.length
                ? [row("people-places-vehicles", "Phone numbers", lines(entity.phoneNumbers))]
                : []),
              ...(entity.socialHandles.length
                ? [row("people-places-vehicles", "Social media", lines(entity.socialHandles))]
                : []),
              ...(entity.addresses.length || entity.postcodes.length
                ? [row("people-places-vehicles", "Addresses", lines([...entity.addresses, ...entity.postcodes]))]
                : []),
              ...(entity.vehicleRegistrations.length
                ? [row("people-places-vehicles", "Registrations", entity.vehicleRegistrations.join(", "))]
                : []),
              ...(entity.description ? [row("people-places-vehicles", "Description", entity.description)] : []),
              ...(entity.linkToChild ? [row("people-places-vehicles", "Link to the child", entity.linkToChild)] : []),
            ]}
          />
        ))
      )}

      <h2 className="govuk-heading-m">Information sharing</h2>
      <SummaryList
        rows={[
          row("information-sharing", "Parents or carers know", yesNoUnknown[sharing.parentsAware]),
          row("information-sharing", "The child knows", yesNoUnknown[sharing.childAware]),
          row("information-sharing", "Consent", consentLabels[sharing.consent]),
          ...(sharing.sharingWithoutConsentReason
            ? [row("information-sharing", "Why sharing without consent", sharing.sharingWithoutConsentReason)]
            : []),
          row("information-sharing", "Lawful basis", lawfulBasisLabels[sharing.lawfulBasis]),
          row(
            "information-sharing",
            "Your name may be shared with the family",
            sharing.referrerIdentityShareable ? "Yes" : "No",
          ),
        ]}
      />

      <h2 className="govuk-heading-m">About you</h2>
      <SummaryList
        rows={[
          { key: "Name", value: aboutYou.name },
          { key: "Organisation", value: aboutYou.organisation },
          row("about-you", "Job title", aboutYou.jobTitle),
          row("about-you", "Phone number", aboutYou.phone),
          row("about-you", "Best time to call", aboutYou.bestTimeToCall),
        ]}
      />
    </>
  );
}
