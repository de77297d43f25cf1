import { parsePostcode } from "./postcode.ts";

/**
 * The five West Yorkshire councils by their ONS local authority district code, with the team
 * code each one's referrals go to. The codes are fixed by statute; a council outside this list
 * is outside the partnership.
 */
export const WEST_YORKSHIRE_COUNCILS: ReadonlyMap<string, { readonly name: string; readonly teamCode: string }> =
  new Map([
    ["E08000032", { name: "Bradford", teamCode: "bradford" }],
    ["E08000033", { name: "Calderdale", teamCode: "calderdale" }],
    ["E08000034", { name: "Kirklees", teamCode: "kirklees" }],
    ["E08000035", { name: "Leeds", teamCode: "leeds" }],
    ["E08000036", { name: "Wakefield", teamCode: "wakefield" }],
  ]);

/**
 * Postcode areas that reach into West Yorkshire (Todmorden is OL14, in Calderdale). The
 * directory keeps every postcode in these areas, whichever council it is in, so that a
 * postcode across a boundary (Sherburn in Elmet, LS25 6) is known to be outside rather than
 * left to a district rule; postcodes elsewhere are kept only when a West Yorkshire council
 * holds them. Everything else falls to the prefix rules, as before the directory.
 */
export const DIRECTORY_AREAS: ReadonlySet<string> = new Set(["BD", "HD", "HX", "LS", "OL", "WF"]);

export interface DirectoryColumns {
  readonly postcode: number;
  readonly localAuthority: number;
}

export type DirectoryHeader =
  { readonly ok: true; readonly columns: DirectoryColumns } | { readonly ok: false; readonly problem: string };

// Full postcode, best first: pcds is the written form; pcd (older files), pcd7 and pcd8 are
// padded forms that parse once their spaces are removed.
const POSTCODE_COLUMNS = ["pcds", "pcd", "pcd7", "pcd8"];
// The local authority district: oslaua in files before 2024, then ladYYcd (lad25cd).
const COUNCIL_COLUMN = /^(?:oslaua|laua|lad(\d{2})?cd)$/;

/**
 * Finds the full postcode and council columns in an ONS Postcode Directory header, or says
 * what is missing so that a wrong file is refused before anything is stored.
 */
export function directoryColumns(header: readonly string[]): DirectoryHeader {
  const names = header.map((name) =>
    name
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  const postcode = POSTCODE_COLUMNS.map((name) => names.indexOf(name)).find((index) => index >= 0);
  // With several years' codes in one file, the latest year wins.
  const councils = names
    .map((name, index) => ({ index, match: COUNCIL_COLUMN.exec(name) }))
    .filter((column) => column.match !== null)
    .sort((a, b) => Number(b.match?.[1] ?? 0) - Number(a.match?.[1] ?? 0));
  const missing = [
    ...(postcode === undefined ? ["a full postcode column (pcds)"] : []),
    ...(councils.length === 0 ? ["a local authority column (lad25cd or oslaua)"] : []),
  ];
  if (postcode === undefined || councils[0] === undefined) {
    return {
      ok: false,
      problem: `The file is not the ONS Postcode Directory: its first line has no ${missing.join(" and no ")}`,
    };
  }
  return { ok: true, columns: { postcode, localAuthority: councils[0].index } };
}

export type DirectoryRow =
  | { readonly kind: "KEEP"; readonly postcode: string; readonly localAuthorityCode: string }
  | { readonly kind: "ELSEWHERE" }
  | { readonly kind: "INVALID" };

const COUNCIL_CODE = /^[EWSNLM][0-9]{8}$/;

/** One line of the directory: kept, outside the areas that matter, or not a postcode and council. */
export function readDirectoryRow(fields: readonly string[], columns: DirectoryColumns): DirectoryRow {
  const postcode = parsePostcode((fields[columns.postcode] ?? "").replace(/\s+/g, ""));
  const localAuthorityCode = (fields[columns.localAuthority] ?? "").trim().toUpperCase();
  if (!postcode || !COUNCIL_CODE.test(localAuthorityCode)) return { kind: "INVALID" };
  if (!DIRECTORY_AREAS.has(postcode.area) && !WEST_YORKSHIRE_COUNCILS.has(localAuthorityCode)) {
    return { kind: "ELSEWHERE" };
  }
  return { kind: "KEEP", postcode: postcode.formatted, localAuthorityCode };
}

export type DirectoryDecision =
  | {
      readonly kind: "COUNCIL";
      readonly teamCode: string;
      readonly council: string;
      readonly localAuthorityCode: string;
    }
  | { readonly kind: "OUTSIDE"; readonly localAuthorityCode: string };

/**
 * What the directory says about a postcode it holds: one of the five councils' teams, or
 * outside West Yorkshire, which goes to the hub like any postcode no rule covers.
 */
export function decideByDirectory(localAuthorityCode: string): DirectoryDecision {
  const council = WEST_YORKSHIRE_COUNCILS.get(localAuthorityCode);
  return council
    ? { kind: "COUNCIL", teamCode: council.teamCode, council: council.name, localAuthorityCode }
    : { kind: "OUTSIDE", localAuthorityCode };
}
