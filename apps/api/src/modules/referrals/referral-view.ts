import {
  CSE_INDICATORS,
  type ReferralContent,
  type ReferrerReferralDetail,
  type ReferrerReferralSummary,
} from "@cse/contracts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const referralDetailInclude = {
  child: true,
  informationSharing: true,
  indicators: true,
  concernEntities: { orderBy: { position: "asc" } },
  addenda: { orderBy: { createdAt: "asc" }, include: { author: { select: { displayName: true } } } },
  team: { select: { id: true, name: true } },
  referrerOrganisation: { select: { name: true } },
} as const satisfies Prisma.ReferralInclude;

export type ReferralWithDetail = Prisma.ReferralGetPayload<{ include: typeof referralDetailInclude }>;

export const referralSummarySelect = {
  id: true,
  reference: true,
  submittedAt: true,
  status: true,
  outcome: true,
  decidedAt: true,
  team: { select: { id: true, name: true } },
  child: { select: { givenNames: true, familyName: true } },
} as const satisfies Prisma.ReferralSelect;

type ReferralSummaryRow = Prisma.ReferralGetPayload<{ select: typeof referralSummarySelect }>;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function toReferrerSummary(row: ReferralSummaryRow): ReferrerReferralSummary {
  return {
    id: row.id,
    reference: row.reference,
    childName: row.child ? `${row.child.givenNames} ${row.child.familyName}` : "",
    submittedAt: row.submittedAt.toISOString(),
    status: row.status,
    // Named, so a reader's document that carries more of the team never passes it on.
    team: { id: row.team.id, name: row.team.name },
    // A decision waiting for a lead's approval is not yet the outcome: the referrer sees it
    // only once it is in force.
    outcome: row.status === "DECIDED" ? row.outcome : null,
    decidedAt: row.status === "DECIDED" ? (row.decidedAt?.toISOString() ?? null) : null,
  };
}

export function toContent(row: ReferralWithDetail): ReferralContent {
  const child = row.child!;
  const sharing = row.informationSharing!;
  const levelByCode = new Map(row.indicators.map((indicator) => [indicator.indicatorCode, indicator]));
  // Every sign in the partnership's order (one with no row was not known to the referrer),
  // then any retired since the referral was made.
  const known = CSE_INDICATORS.map((indicator) => indicator.code as string);
  const codes = [...known, ...[...levelByCode.keys()].filter((code) => !known.includes(code))];
  return {
    immediateDanger: row.immediateDanger,
    child: {
      givenNames: child.givenNames,
      familyName: child.familyName,
      aliases: child.aliases,
      dateOfBirth: isoDate(child.dateOfBirth),
      estimatedAgeYears: child.estimatedAgeYears,
      ageAtReferral: child.ageAtReferral,
      gender: child.gender as ReferralContent["child"]["gender"],
      ethnicity: child.ethnicity,
      firstLanguage: child.firstLanguage,
      interpreterNeeded: child.interpreterNeeded,
      disabilityOrDifficulty: child.disabilityOrDifficulty,
      learningDisability: child.learningDisability,
      disabilityDetails: child.disabilityDetails,
      homeAddress: child.homeAddress,
      homePostcode: child.homePostcode,
      currentWhereabouts: child.currentWhereabouts,
      currentPostcode: child.currentPostcode,
      school: child.school,
      parentalResponsibility: child.parentalResponsibility,
      householdMembers: child.householdMembers,
      otherAgencies: child.otherAgencies,
      lookedAfter: child.lookedAfter,
      responsibleAuthority: child.responsibleAuthority,
    },
    concern: {
      description: row.concernDescription,
      occurredOn: isoDate(row.concernOccurredOn),
      when: row.concernWhen,
      location: row.concernLocation,
      informationSource: row.informationSource,
      informationSourceDetail: row.informationSourceDetail,
      indicators: codes.map((code) => {
        const indicator = levelByCode.get(code);
        return {
          code,
          label: CSE_INDICATORS.find((known) => known.code === code)?.label ?? code,
          level: indicator?.level ?? "NOT_KNOWN",
          detail: indicator?.detail ?? null,
        };
      }),
    },
    entities: row.concernEntities.map((entity) => ({
      kind: entity.kind,
      name: entity.name,
      nicknames: entity.nicknames,
      approximateAge: entity.approximateAge,
      phoneNumbers: entity.phoneNumbers,
      socialHandles: entity.socialHandles,
      addresses: entity.addresses,
      postcodes: entity.postcodes,
      vehicleRegistrations: entity.vehicleRegistrations,
      description: entity.description,
      linkToChild: entity.linkToChild,
    })),
    informationSharing: {
      parentsAware: sharing.parentsAware,
      childAware: sharing.childAware,
      consent: sharing.consent,
      sharingWithoutConsentReason: sharing.sharingWithoutConsentReason,
      lawfulBasis: sharing.lawfulBasis as ReferralContent["informationSharing"]["lawfulBasis"],
      referrerIdentityShareable: sharing.referrerIdentityShareable,
    },
    aboutYou: {
      name: row.referrerName,
      organisation: row.referrerOrganisation.name,
      phone: row.referrerPhone,
      bestTimeToCall: row.referrerBestTimeToCall,
      jobTitle: row.referrerJobTitle,
    },
  };
}

/** What the referrer sees: their submission and its progress; never the team's notes. */
export function toReferrerDetail(row: ReferralWithDetail): ReferrerReferralDetail {
  return {
    audience: "referrer",
    ...toReferrerSummary({ ...row, child: row.child }),
    content: toContent(row),
    risk: { rating: row.risk, reasons: row.riskReasons },
    decisionDueAt: row.decisionDueAt.toISOString(),
    messageToReferrer: row.status === "DECIDED" ? row.messageToReferrer : null,
    addenda: toAddenda(row),
  };
}

export function toAddenda(row: Pick<ReferralWithDetail, "addenda">) {
  return row.addenda.map((addendum) => ({
    id: addendum.id,
    body: addendum.body,
    createdAt: addendum.createdAt.toISOString(),
    authorName: addendum.author.displayName,
  }));
}
