import {
  concernKindLabels,
  consentLabels,
  genderLabels,
  describeIndicatorAnswer,
  informationSourceLabels,
  lawfulBasisLabels,
  type ReferralContent,
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
  /** A link to change one answer: `path` is the form field that asks it. */
  changeLink?: (path: string, what: string) => SummaryRow["change"];
}) {
  const { child, concern, informationSharing: sharing, aboutYou } = content;
  const row = (path: string, key: string, value: ReactNode): SummaryRow => {
    const change = changeLink?.(path, key.toLowerCase());
    return change ? { key, value, change } : { key, value };
  };
  const reported = concern.indicators.filter(({ level }) => level !== "NOT_KNOWN" && level !== "NOT_PRESENT");
  const labelsAt = (level: string) =>
    concern.indicators.filter((indicator) => indicator.level === level).map(({ label }) => label);
  const age = child.dateOfBirth
    ? formatDate(child.dateOfBirth)
    : child.estimatedAgeYears !== null
      ? `Not known (about ${child.estimatedAgeYears})`
      : "";
  return (
    <>
      <h2 className="govuk-heading-m">Immediate safety</h2>
      <SummaryList
        rows={[row("immediateDanger", "In immediate danger", content.immediateDanger ? <strong>Yes</strong> : "No")]}
      />

      <h2 className="govuk-heading-m">The child</h2>
      <SummaryList
        rows={[
          row("child.givenNames", "Name", `${child.givenNames} ${child.familyName}`),
          row("child.aliases", "Other names", lines(child.aliases)),
          row("child.dateOfBirthKnown", "Date of birth", age),
          row("child.gender", "Gender", child.gender ? genderLabels[child.gender] : ""),
          row("child.ethnicity", "Ethnicity", child.ethnicity),
          row("child.firstLanguage", "First language", child.firstLanguage),
          row("child.interpreterNeeded", "Needs an interpreter", yesNoUnknown[child.interpreterNeeded]),
          row(
            "child.disabilityOrDifficulty",
            "Disability or difficulty",
            `${yesNoUnknown[child.disabilityOrDifficulty]}${child.disabilityDetails ? `: ${child.disabilityDetails}` : ""}`,
          ),
          row("child.learningDisability", "Learning disability", yesNoUnknown[child.learningDisability]),
          row(
            "child.homeAddress",
            "Home address",
            multiline([child.homeAddress, child.homePostcode].filter(Boolean).join("\n")),
          ),
          row(
            "child.currentWhereabouts",
            "Where they are now",
            multiline([child.currentWhereabouts, child.currentPostcode].filter(Boolean).join("\n")),
          ),
          row("child.school", "School or college", child.school),
          row("child.parentalResponsibility", "Parental responsibility", child.parentalResponsibility),
          row("child.householdMembers", "Household", multiline(child.householdMembers)),
          row("child.otherAgencies", "Other agencies", multiline(child.otherAgencies)),
          row(
            "child.lookedAfter",
            "Looked after",
            `${yesNoUnknown[child.lookedAfter]}${child.responsibleAuthority ? ` (${child.responsibleAuthority})` : ""}`,
          ),
        ]}
      />

      <h2 className="govuk-heading-m">The concern</h2>
      <SummaryList
        rows={[
          row("concern.description", "What was seen, heard or disclosed", multiline(concern.description)),
          row("concern.occurredOn", "When", [formatDate(concern.occurredOn), concern.when].filter(Boolean).join(", ")),
          row("concern.location", "Where", concern.location),
          row(
            "concern.informationSource",
            "How you know",
            `${informationSourceLabels[concern.informationSource]}${concern.informationSourceDetail ? `: ${concern.informationSourceDetail}` : ""}`,
          ),
          row(
            "concern.signs",
            "Signs seen or told about",
            reported.length > 0 ? lines(reported.map(({ label }) => label)) : "None of these",
          ),
          ...reported.map((indicator) =>
            row(
              `concern.indicators.${indicator.code}.${indicator.level === "PRESENT" ? "detail" : "level"}`,
              indicator.label,
              multiline(
                [describeIndicatorAnswer(indicator.code, indicator.level), indicator.detail].filter(Boolean).join("\n"),
              ),
            ),
          ),
          // Said absent (only in referrals made before "not known" could be said).
          ...(labelsAt("NOT_PRESENT").length > 0
            ? [row("concern.signs", "Signs not present", lines(labelsAt("NOT_PRESENT")))]
            : []),
          // Not known is not absent: say which signs nobody has asked about yet.
          ...(labelsAt("NOT_KNOWN").length > 0
            ? [row("concern.signs", "Signs not known", lines(labelsAt("NOT_KNOWN")))]
            : []),
        ]}
      />

      <h2 className="govuk-heading-m">People, places and vehicles of concern</h2>
      {content.entities.length === 0 ? (
        <SummaryList rows={[row("entities", "People, places or vehicles", "None added")]} />
      ) : (
        content.entities.map((entity, index) => (
          <SummaryList
            key={index}
            rows={[
              row(`entities.${index}.kind`, `${concernKindLabels[entity.kind]} ${index + 1}`, entity.name ?? ""),
              ...(entity.nicknames.length
                ? [row(`entities.${index}.nicknames`, "Nicknames", entity.nicknames.join(", "))]
                : []),
              ...(entity.approximateAge !== null
                ? [row(`entities.${index}.approximateAge`, "Approximate age", String(entity.approximateAge))]
                : []),
              ...(entity.phoneNumbers.length
                ? [row(`entities.${index}.phoneNumbers`, "Phone numbers", lines(entity.phoneNumbers))]
                : []),
              ...(entity.socialHandles.length
                ? [row(`entities.${index}.socialHandles`, "Social media", lines(entity.socialHandles))]
                : []),
              ...(entity.addresses.length || entity.postcodes.length
                ? [row(`entities.${index}.addresses`, "Addresses", lines([...entity.addresses, ...entity.postcodes]))]
                : []),
              ...(entity.vehicleRegistrations.length
                ? [
                    row(
                      `entities.${index}.vehicleRegistrations`,
                      "Registrations",
                      entity.vehicleRegistrations.join(", "),
                    ),
                  ]
                : []),
              ...(entity.description ? [row(`entities.${index}.description`, "Description", entity.description)] : []),
              ...(entity.linkToChild
                ? [row(`entities.${index}.linkToChild`, "Link to the child", entity.linkToChild)]
                : []),
            ]}
          />
        ))
      )}

      <h2 className="govuk-heading-m">Information sharing</h2>
      <SummaryList
        rows={[
          row("informationSharing.parentsAware", "Parents or carers know", yesNoUnknown[sharing.parentsAware]),
          row("informationSharing.childAware", "The child knows", yesNoUnknown[sharing.childAware]),
          row("informationSharing.consent", "Consent", consentLabels[sharing.consent]),
          ...(sharing.sharingWithoutConsentReason
            ? [
                row(
                  "informationSharing.sharingWithoutConsentReason",
                  "Why sharing without consent",
                  sharing.sharingWithoutConsentReason,
                ),
              ]
            : []),
          row("informationSharing.lawfulBasis", "Lawful basis", lawfulBasisLabels[sharing.lawfulBasis]),
          row(
            "informationSharing.referrerIdentityShareable",
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
          row("aboutYou.jobTitle", "Job title", aboutYou.jobTitle),
          row("aboutYou.phone", "Phone number", aboutYou.phone),
          row("aboutYou.bestTimeToCall", "Best time to call", aboutYou.bestTimeToCall),
        ]}
      />
    </>
  );
}
