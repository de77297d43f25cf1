import { WEST_YORKSHIRE_SPLIT_DISTRICTS } from "./split-districts.ts";

export type DefaultRoutingTeamCode = "bradford" | "calderdale" | "kirklees" | "leeds" | "wakefield" | "hub";

export interface DefaultRoutingRule {
  readonly postcodePrefix: string;
  readonly teamCode: DefaultRoutingTeamCode;
  /** The district straddles a council boundary: referrals routed by it carry a warning. */
  readonly crossesBoundary?: boolean;
}

const districts = (area: string, numbers: readonly number[], teamCode: DefaultRoutingTeamCode) =>
  numbers.map((number) => ({ postcodePrefix: `${area}${number}`, teamCode }));

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/**
 * West Yorkshire's default routing table: a starting point that the partnership maintains as
 * data (administrators edit the live rules, and every change is audited). Postcode districts
 * do not follow council boundaries, so the more specific rules carve out the exceptions:
 *
 * - BD is listed by district, because much of it is not Bradford: BD11 (Birkenshaw, Kirklees;
 *   Drighlington, Leeds) and BD20 (Silsden and Steeton, Bradford; Cross Hills and Glusburn,
 *   North Yorkshire) are split, and BD23 and BD24 (Skipton, Settle) are North Yorkshire. Those
 *   are left out, so they reach the hub. BD21 and BD22 (Keighley, Haworth) are Bradford, and
 *   BD19 (Cleckheaton, Gomersal) is Kirklees.
 * - LS is Leeds, except Ilkley, Burley and Menston (LS29, Bradford) and Tadcaster (LS24, North
 *   Yorkshire), which is sent to the hub by an explicit rule because the LS area rule would
 *   otherwise claim it.
 * - HD is Kirklees, except Brighouse and Rastrick (HD6, Calderdale). HX is Calderdale, and so
 *   is Todmorden (OL14).
 * - WF is Wakefield, except Dewsbury, Batley, Mirfield, Liversedge and Heckmondwike
 *   (WF12-WF17, Kirklees).
 *
 * Districts split between councils (WEST_YORKSHIRE_SPLIT_DISTRICTS: BD3, BD4, WF11, LS17,
 * LS25 and smaller fringes) are routed to the district's main council by a rule of their own,
 * marked as crossing a boundary, so the team is told to check before accepting; the
 * partnership refines them with sector rules.
 */
const SPLIT_DISTRICT_OWNERS: readonly DefaultRoutingRule[] = [
  ...["LS17", "LS21", "LS22", "LS25"].map((postcodePrefix) => ({ postcodePrefix, teamCode: "leeds" as const })),
  ...["HD8", "HD9"].map((postcodePrefix) => ({ postcodePrefix, teamCode: "kirklees" as const })),
  ...["WF3", "WF4", "WF8", "WF10", "WF11"].map((postcodePrefix) => ({
    postcodePrefix,
    teamCode: "wakefield" as const,
  })),
];

const WHOLE_DISTRICT_RULES: readonly DefaultRoutingRule[] = [
  ...districts("BD", [...range(1, 10), ...range(12, 18), 21, 22], "bradford"),
  { postcodePrefix: "BD19", teamCode: "kirklees" },
  { postcodePrefix: "LS", teamCode: "leeds" },
  { postcodePrefix: "LS29", teamCode: "bradford" },
  { postcodePrefix: "LS24", teamCode: "hub" },
  { postcodePrefix: "HX", teamCode: "calderdale" },
  { postcodePrefix: "OL14", teamCode: "calderdale" },
  { postcodePrefix: "HD", teamCode: "kirklees" },
  { postcodePrefix: "HD6", teamCode: "calderdale" },
  { postcodePrefix: "WF", teamCode: "wakefield" },
  ...districts("WF", range(12, 17), "kirklees"),
];

export const WEST_YORKSHIRE_DEFAULT_ROUTING_RULES: readonly DefaultRoutingRule[] = [
  ...WHOLE_DISTRICT_RULES,
  ...SPLIT_DISTRICT_OWNERS,
].map((rule) => (WEST_YORKSHIRE_SPLIT_DISTRICTS.has(rule.postcodePrefix) ? { ...rule, crossesBoundary: true } : rule));
