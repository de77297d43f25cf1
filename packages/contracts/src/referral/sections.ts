/** The form's sections, in order, each with the field paths it owns. */
export const REFERRAL_SECTIONS = [
  { id: "immediate-safety", title: "Immediate safety", paths: ["immediateDanger"] },
  { id: "child", title: "The child", paths: ["child"] },
  { id: "concern", title: "The concern", paths: ["concern"] },
  { id: "people-places-vehicles", title: "People, places and vehicles of concern", paths: ["entities"] },
  { id: "information-sharing", title: "Information sharing", paths: ["informationSharing"] },
  { id: "about-you", title: "About you", paths: ["aboutYou"] },
] as const;

export type ReferralSectionId = (typeof REFERRAL_SECTIONS)[number]["id"];

export function sectionOfPath(path: string): ReferralSectionId | null {
  const section = REFERRAL_SECTIONS.find((candidate) =>
    candidate.paths.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
  return section?.id ?? null;
}
