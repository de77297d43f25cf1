/** A full UK postcode split into the parts routing and linking use. */
export interface Postcode {
  /** The letters of the postcode area: "LS". */
  readonly area: string;
  /** The outward code, which names the postcode district: "LS29". */
  readonly district: string;
  /** The district and the sector digit: "LS29 8". */
  readonly sector: string;
  /** The inward code: "8AB". */
  readonly inward: string;
  /** The standard written form: "LS29 8AB". */
  readonly formatted: string;
  /** The written form with no space: "LS298AB". */
  readonly compact: string;
}

/** Part of a postcode: a district on its own ("LS29"), or a district and sector ("LS29 8"). */
export interface PartialPostcode {
  readonly area: string;
  readonly district: string;
  readonly sector: string | null;
}

// Royal Mail's format rules: Q, V and X never start a postcode; I, J and Z are never second;
// only some letters may follow the digit of an A9A or AA9A district; and the inward code never
// uses C, I, K, M, O or V, which are easily misread.
const AREA = "[A-PR-UWYZ][A-HK-Y]?";
const DISTRICT = new RegExp(
  "^(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$",
);
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/;
const AREA_ONLY = new RegExp(`^${AREA}$`);
const AREA_OF = /^[A-Z]+/;

/** Upper case, compatibility forms folded (full-width letters), surrounding space removed. */
function tidy(input: string): string {
  return input.normalize("NFKC").toUpperCase().trim();
}

function areaOf(district: string): string {
  return AREA_OF.exec(district)?.[0] ?? "";
}

export function isPostcodeDistrict(value: string): boolean {
  return DISTRICT.test(value);
}

export function isPostcodeArea(value: string): boolean {
  return AREA_ONLY.test(value);
}

/**
 * A full postcode is written with one gap, before the inward code, or with none. A gap
 * anywhere else is refused rather than closed up: closing it would re-read "LS2 98AB" (Leeds,
 * mistyped) as LS29 8AB (Bradford), and "WF1 28AB" (Wakefield) as WF12 8AB (Kirklees), and
 * route the child to the wrong council without a word.
 */
const FULL_POSTCODE_SPACING = /^(?<outward>\S+?)\s*(?<inward>\S{3})$/;

/**
 * Parses a full postcode in any case: "ls29 8ab", "LS298AB" and " LS29  8AB " are all
 * LS29 8AB. Returns null for anything that breaks the format rules, for a space anywhere but
 * before the inward code ("LS2 98AB"), and for the retired Girobank code GIR 0AA, which
 * belongs to no postcode area and so could never be routed.
 */
export function parsePostcode(input: string): Postcode | null {
  const spaced = FULL_POSTCODE_SPACING.exec(tidy(input))?.groups;
  if (!spaced?.outward || !spaced.inward) return null;
  const district = spaced.outward;
  const inward = spaced.inward;
  const compact = `${district}${inward}`;
  if (compact.length < 5 || compact.length > 7) return null;
  if (!DISTRICT.test(district) || !INWARD.test(inward)) return null;
  return {
    area: areaOf(district),
    district,
    sector: `${district} ${inward.charAt(0)}`,
    inward,
    formatted: `${district} ${inward}`,
    compact,
  };
}

/** "ls29  8ab" -> "LS29 8AB"; null when it is not a full postcode. */
export function normalisePostcode(input: string): string | null {
  return parsePostcode(input)?.formatted ?? null;
}

/**
 * An outward code on its own ("LS29"), which is sometimes all a referrer knows. A space inside
 * it is refused: "LS2 9" is a sector of LS2, never the district LS29.
 */
export function parseOutwardCode(input: string): { area: string; district: string } | null {
  const district = tidy(input);
  return DISTRICT.test(district) ? { area: areaOf(district), district } : null;
}

/**
 * A district ("LS29") or a district and sector ("LS29 8", "LS298"). Written without a space,
 * anything that reads as a district is taken as one: "LS28" is the Pudsey district, never
 * sector 8 of LS2, which must be written "LS2 8". "LS298" can only be LS29 sector 8.
 */
export function parsePartialPostcode(input: string): PartialPostcode | null {
  const words = tidy(input).split(/\s+/);
  if (words.length === 2) {
    const [district = "", sector = ""] = words;
    if (!DISTRICT.test(district) || !/^[0-9]$/.test(sector)) return null;
    return { area: areaOf(district), district, sector: `${district} ${sector}` };
  }
  const [compact = ""] = words;
  if (words.length !== 1) return null;
  if (DISTRICT.test(compact)) return { area: areaOf(compact), district: compact, sector: null };
  const district = compact.slice(0, -1);
  const digit = compact.slice(-1);
  if (DISTRICT.test(district) && /^[0-9]$/.test(digit)) {
    return { area: areaOf(district), district, sector: `${district} ${digit}` };
  }
  return null;
}
