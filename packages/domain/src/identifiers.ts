import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { isCalendarDate, type CalendarDate } from "./calendar-date.ts";
import { foldText, isNotKnown } from "./text-folding.ts";

/**
 * A date of birth as "YYYY-MM-DD", or null when the date does not exist (2013-02-29) or is
 * not in that form. A Date is read by its UTC calendar date, which is how date-only database
 * columns arrive; reading it in London time would move a BST midnight to the day before.
 */
export function normaliseDateOfBirth(input: string | Date | null | undefined): CalendarDate | null {
  if (input === null || input === undefined) return null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10);
  const text = input.trim();
  return isCalendarDate(text) ? text : null;
}

/**
 * A phone number in E.164 ("07700 900123" and "+44 (0)7700 900123" -> "+447700900123"),
 * reading numbers without a country code as `defaultCountry`. Words around the number
 * ("07911 123456 (mum)") and an extension are tolerated; what is left must be a valid
 * number, so a mistyped or cut-short one ("07911 12345a") is refused rather than kept as a
 * different number.
 */
export function normalisePhone(input: string, defaultCountry: CountryCode = "GB"): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed) return null;
  // libphonenumber marks Ofcom's drama range (07700 900000-900999), used in training and test
  // data, as invalid; any UK 07 number of the right length is accepted so those still link.
  const ukMobileShape = parsed.countryCallingCode === "44" && /^7\d{9}$/.test(parsed.nationalNumber);
  return parsed.isValid() || ukMobileShape ? parsed.number : null;
}

/**
 * A vehicle registration in upper case with no spaces or hyphens: "ab12 cde" -> "AB12CDE".
 * Null unless 2-8 letters and digits with at least one digit: every UK format (and nearly
 * every foreign one) has a digit, and requiring one stops "UNKNOWN" or "NONE" becoming a
 * registration that links every referral that used it.
 */
export function normaliseVehicleRegistration(input: string): string | null {
  const registration = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s-]+/g, "");
  return /^[A-Z0-9]{2,8}$/.test(registration) && /[0-9]/.test(registration) ? registration : null;
}

const PROFILE_URL =
  /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?(?:instagram\.com|tiktok\.com|snapchat\.com\/add|twitter\.com|x\.com|facebook\.com|threads\.net)\/+/i;
const PLATFORM_LABEL = /^(?:instagram|insta|ig|snapchat|snap|tiktok|twitter|x|facebook|fb|threads)\s*:\s*/i;
const HANDLE = /^[\p{L}\p{N}._-]{1,50}$/u;
// Paths on those sites that are not profiles: a link to a post or a search names no one.
const NOT_PROFILES = new Set([
  "p",
  "reel",
  "reels",
  "stories",
  "explore",
  "tv",
  "video",
  "i",
  "intent",
  "share",
  "search",
  "hashtag",
  "home",
  "groups",
  "watch",
  "profile.php",
  "people",
]);

/**
 * The bare handle in lower case: "@Jay_99", "instagram.com/jay_99/", "tiktok.com/@jay_99",
 * "x.com/jay_99/status/1" and "snap: jay_99" are all "jay_99". Null when no handle is left,
 * including for "n/a" and other ways of saying it is not known, and for links to posts.
 */
export function normaliseSocialHandle(input: string): string | null {
  const text = input.normalize("NFKC").trim().replace(PLATFORM_LABEL, "");
  if (isNotKnown(foldText(text))) return null;
  const profilePath = text.replace(PROFILE_URL, "");
  const isLink = profilePath !== text;
  const handle = (isLink ? (profilePath.split(/[/?#]/)[0] ?? "") : text).replace(/^@+/, "").toLowerCase();
  if (!HANDLE.test(handle) || (isLink && NOT_PROFILES.has(handle)) || isNotKnown(foldText(handle))) return null;
  return handle;
}

/** Street words written short, expanded so "12 High St." and "12 High Street" meet. */
export const ADDRESS_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: "street",
  rd: "road",
  ave: "avenue",
  av: "avenue",
  ln: "lane",
  dr: "drive",
  cl: "close",
  ct: "court",
  cres: "crescent",
  gdns: "gardens",
  gr: "grove",
  pl: "place",
  sq: "square",
  ter: "terrace",
  terr: "terrace",
  pk: "park",
};

/**
 * An address as a matching key: folded like names, with street abbreviations expanded. "St"
 * always becomes "street", even where it means Saint; what matters is that both sides of a
 * match are treated alike. Null for an empty address or "no fixed abode" and the like.
 */
export function normaliseAddress(input: string): string | null {
  const folded = foldText(input);
  if (folded === "" || isNotKnown(folded)) return null;
  return folded
    .split(" ")
    .map((word) => ADDRESS_ABBREVIATIONS[word] ?? word)
    .join(" ");
}
