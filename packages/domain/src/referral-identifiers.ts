import {
  normaliseAddress,
  normaliseDateOfBirth,
  normalisePhone,
  normaliseSocialHandle,
  normaliseVehicleRegistration,
} from "./identifiers.ts";
import { normaliseFreeName, normalisePersonName } from "./names.ts";
import { normalisePostcode } from "./postcode.ts";
import { foldText } from "./text-folding.ts";

export const IDENTIFIER_KINDS = [
  "CHILD_NAME",
  "CHILD_DOB",
  "PERSON_NAME",
  "PHONE",
  "VEHICLE",
  "HANDLE",
  "POSTCODE",
  "ADDRESS",
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface ReferralIdentifier {
  readonly kind: IdentifierKind;
  /** The normalised value, which is what other referrals are matched on. */
  readonly value: string;
  /** The person, place or vehicle of concern it came from; null for the child. */
  readonly entityPosition: number | null;
}

export interface ConcernEntityIdentifiers {
  readonly position: number;
  readonly kind: "PERSON" | "PLACE" | "VEHICLE";
  readonly name?: string | null;
  readonly nicknames: readonly string[];
  readonly phoneNumbers: readonly string[];
  readonly socialHandles: readonly string[];
  readonly addresses: readonly string[];
  readonly postcodes: readonly string[];
  readonly vehicleRegistrations: readonly string[];
}

export interface ReferralIdentifierSource {
  readonly child: {
    readonly givenNames: string;
    readonly familyName: string;
    readonly aliases: readonly string[];
    readonly dateOfBirth?: string | null;
    readonly homePostcode?: string | null;
    readonly homeAddress?: string | null;
    readonly currentPostcode?: string | null;
  };
  readonly concernEntities: readonly ConcernEntityIdentifiers[];
}

/** The child's other names, each as a matching key. */
function childAliasNames(alias: string, familyName: string): string[] {
  const aliasKey = normaliseFreeName(alias);
  if (aliasKey === "") return [];
  const familyKey = foldText(familyName);
  // A one-word alias is another given name ("Bobby"), so it goes with the family name. A
  // longer one may be a whole other name ("Jo Bloggs") or a double given name ("Mary Jane"),
  // so both readings are kept, unless it already ends with the family name.
  if (!aliasKey.includes(" ")) return [normalisePersonName(alias, familyName)];
  if (familyKey === "" || aliasKey.endsWith(` ${familyKey}`)) return [aliasKey];
  return [aliasKey, normalisePersonName(alias, familyName)];
}

/**
 * Every identifier that can join this referral to others, normalised and de-duplicated, the
 * child's first and then each entity's in order. Values that do not normalise (an impossible
 * date, "not known", a number too short to dial) are skipped, never thrown: a referral must
 * still be submittable, and an unusable value simply cannot link.
 *
 * A place's name is matched as an address ("Premier Inn, Bradford Road"), and a vehicle's
 * name ("silver Audi") and the nicknames of places and vehicles are not used, because they
 * are descriptions that would link unrelated referrals.
 */
export function extractReferralIdentifiers(source: ReferralIdentifierSource): ReferralIdentifier[] {
  const found = new Map<string, ReferralIdentifier>();
  const add = (kind: IdentifierKind, value: string | null, entityPosition: number | null) => {
    if (value === null || value === "") return;
    const key = JSON.stringify([kind, value, entityPosition]);
    if (!found.has(key)) found.set(key, { kind, value, entityPosition });
  };
  const postcode = (input: string | null | undefined) => (input ? normalisePostcode(input) : null);

  const { child } = source;
  add("CHILD_NAME", normalisePersonName(child.givenNames, child.familyName), null);
  for (const alias of child.aliases) {
    for (const name of childAliasNames(alias, child.familyName)) add("CHILD_NAME", name, null);
  }
  add("CHILD_DOB", normaliseDateOfBirth(child.dateOfBirth), null);
  add("POSTCODE", postcode(child.homePostcode), null);
  add("POSTCODE", postcode(child.currentPostcode), null);
  add("ADDRESS", child.homeAddress ? normaliseAddress(child.homeAddress) : null, null);

  for (const entity of source.concernEntities) {
    const at = entity.position;
    if (entity.kind === "PERSON") {
      if (entity.name) add("PERSON_NAME", normaliseFreeName(entity.name), at);
      for (const nickname of entity.nicknames) add("PERSON_NAME", normaliseFreeName(nickname), at);
    }
    if (entity.kind === "PLACE" && entity.name) add("ADDRESS", normaliseAddress(entity.name), at);
    for (const phone of entity.phoneNumbers) add("PHONE", normalisePhone(phone), at);
    for (const handle of entity.socialHandles) add("HANDLE", normaliseSocialHandle(handle), at);
    for (const address of entity.addresses) add("ADDRESS", normaliseAddress(address), at);
    for (const code of entity.postcodes) add("POSTCODE", postcode(code), at);
    for (const registration of entity.vehicleRegistrations) {
      add("VEHICLE", normaliseVehicleRegistration(registration), at);
    }
  }
  return [...found.values()];
}

const NO_CHILD: ReferralIdentifierSource["child"] = { givenNames: "", familyName: "", aliases: [] };

/** The identifiers of people, places and vehicles alone: those an addendum adds after submission. */
export function extractEntityIdentifiers(concernEntities: readonly ConcernEntityIdentifiers[]): ReferralIdentifier[] {
  return extractReferralIdentifiers({ child: NO_CHILD, concernEntities }).filter(
    (identifier) => identifier.entityPosition !== null,
  );
}
