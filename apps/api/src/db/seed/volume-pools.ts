// The realistic parts of the volume data, made in JavaScript with the domain's own functions
// (risk rules, routing, identifier normalisation, the statutory clock) so that what the SQL
// stamps out a million times agrees with what the service itself would have stored.
import { INDICATOR_CODES, INDICATOR_LABELS } from "@cse/contracts";
import {
  assessRisk,
  decisionDueAt,
  normaliseAddress,
  normaliseFreeName,
  normalisePersonName,
  normalisePhone,
  normalisePostcode,
  normaliseSocialHandle,
  normaliseVehicleRegistration,
  routeByPostcode,
  WEST_YORKSHIRE_DEFAULT_ROUTING_RULES,
  type BankHolidayException,
  type IndicatorLevel,
} from "@cse/domain";

/** A small seeded generator (mulberry32): the same seed gives the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const inwardLetters = [..."ABDEFGHJLNPQRSTUWXYZ"];
const inward = (random: Random) =>
  `${Math.floor(random() * 10)}${pick(random, inwardLetters)}${pick(random, inwardLetters)}`;

/** Invented names: plausible, but clearly nobody's. */
export const GIVEN_NAMES = {
  girl: [
    "Amelia",
    "Olivia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Freya",
    "Grace",
    "Ella",
    "Aisha",
    "Zara",
    "Maya",
    "Poppy",
    "Evie",
    "Ruby",
    "Sofia",
    "Layla",
    "Hannah",
    "Chloe",
    "Jessica",
    "Rebecca",
    "Abigail",
    "Eleanor",
    "Elizabeth",
    "Katherine",
    "Nadia",
    "Kiera",
    "Leah",
    "Tia",
  ],
  boy: [
    "Oliver",
    "Noah",
    "George",
    "Leo",
    "Arthur",
    "Harry",
    "Oscar",
    "Jack",
    "Theo",
    "Ethan",
    "Mohammed",
    "Yusuf",
    "Ibrahim",
    "Adam",
    "Kai",
    "Callum",
    "Jayden",
    "Reece",
    "Tyler",
    "Liam",
    "Robert",
    "James",
    "Michael",
    "Daniel",
    "Samuel",
    "Thomas",
    "William",
    "Joseph",
    "Bilal",
    "Connor",
  ],
} as const;
const ALIASES = ["Bree", "Jojo", "Kiki", "Lulu", "Ziggy", "Rocco", "Taz", "Dee", "Jaz", "Frankie"];
const FAMILY_STEMS = [
  "Ash",
  "Brack",
  "Copper",
  "Dun",
  "Elm",
  "Fern",
  "Gill",
  "Heath",
  "Ivy",
  "Juni",
  "Kestrel",
  "Lark",
  "Moss",
  "Nettle",
  "Oak",
  "Pike",
  "Quill",
  "Rook",
  "Sorrel",
  "Thistle",
  "Umber",
  "Vetch",
  "Wren",
  "Yarrow",
];
const FAMILY_ENDS = ["dale", "field", "thwaite", "wood", "holme", "ley", "by", "shaw", "croft", "well"];
export const FAMILY_NAMES = FAMILY_STEMS.flatMap((stem) => FAMILY_ENDS.map((end) => `${stem}${end}`));
const ADULT_GIVEN = [
  "Dean",
  "Wayne",
  "Lee",
  "Craig",
  "Shane",
  "Imran",
  "Tariq",
  "Kyle",
  "Darren",
  "Gary",
  "Jamal",
  "Nathan",
  "Carl",
  "Ricky",
  "Sean",
  "Zak",
  "Asif",
  "Marcus",
  "Ryan",
  "Jordan",
];
const STREET_STEMS = [
  "Foxglove",
  "Heron",
  "Lapwing",
  "Millstone",
  "Quarry",
  "Tannery",
  "Weaver",
  "Bobbin",
  "Cobble",
  "Spindle",
  "Lantern",
  "Kiln",
  "Dyehouse",
  "Wool",
  "Beck",
  "Moorside",
  "Ginnel",
  "Cloth Hall",
  "Fleece",
  "Shuttle",
];
const STREET_KINDS = ["Street", "Road", "Lane", "Close", "Terrace", "Grove", "Avenue", "Court", "Walk", "Way"];
const PLACE_NAMES = [
  "Riverside flats",
  "Canal basin car park",
  "Old mill unit",
  "Takeaway on the parade",
  "Snooker hall",
  "Bus station cafe",
  "Park pavilion",
  "Car wash",
  "Shisha lounge",
  "Hotel on the ring road",
];
const NICKNAMES = [
  "Smiler",
  "Big D",
  "Tash",
  "Ghost",
  "Jonno",
  "Skinny",
  "Boss",
  "Uncle K",
  "Mikey",
  "Razor",
  "Chops",
  "Flash",
];
const TOWNS: Record<string, readonly string[]> = {
  bradford: ["Bradford", "Keighley", "Shipley", "Bingley", "Ilkley"],
  calderdale: ["Halifax", "Brighouse", "Todmorden", "Elland", "Sowerby Bridge"],
  kirklees: ["Huddersfield", "Dewsbury", "Batley", "Mirfield", "Cleckheaton"],
  leeds: ["Leeds", "Morley", "Pudsey", "Otley", "Garforth"],
  wakefield: ["Wakefield", "Pontefract", "Castleford", "Ossett", "Normanton"],
  hub: ["Tadcaster", "Barnsley", "Oldham", "Doncaster", "Skipton"],
};
/** Postcode districts per team; the hub gets what the rules cannot route (and LS24). */
const DISTRICTS: Record<string, readonly string[]> = {
  bradford: [
    "BD1",
    "BD2",
    "BD3",
    "BD4",
    "BD5",
    "BD6",
    "BD7",
    "BD8",
    "BD9",
    "BD10",
    "BD13",
    "BD15",
    "BD16",
    "BD18",
    "BD21",
    "BD22",
    "LS29",
  ],
  calderdale: ["HX1", "HX2", "HX3", "HX4", "HX5", "HX6", "HX7", "HD6", "OL14"],
  kirklees: [
    "HD1",
    "HD2",
    "HD3",
    "HD4",
    "HD5",
    "HD7",
    "HD8",
    "HD9",
    "WF12",
    "WF13",
    "WF14",
    "WF15",
    "WF16",
    "WF17",
    "BD19",
  ],
  leeds: [
    "LS1",
    "LS2",
    "LS4",
    "LS6",
    "LS7",
    "LS8",
    "LS9",
    "LS10",
    "LS11",
    "LS12",
    "LS13",
    "LS14",
    "LS15",
    "LS16",
    "LS17",
    "LS18",
    "LS19",
    "LS20",
    "LS25",
    "LS26",
    "LS27",
    "LS28",
  ],
  wakefield: ["WF1", "WF2", "WF3", "WF4", "WF5", "WF6", "WF7", "WF8", "WF9", "WF10", "WF11"],
  hub: ["LS24", "S70", "OL1", "DN1", "BD23"],
};
/** Share of referrals per team, roughly by the districts' child populations. */
export const TEAM_WEIGHTS: Record<string, number> = {
  leeds: 0.3,
  bradford: 0.25,
  kirklees: 0.17,
  wakefield: 0.13,
  calderdale: 0.08,
  hub: 0.07,
};

export interface AddressRow {
  readonly idx: number;
  readonly team_code: string;
  readonly address: string | null;
  readonly postcode: string | null;
  readonly address_key: string | null;
  readonly routing_method: "POSTCODE_RULE" | "HUB_FALLBACK";
  readonly matched_prefix: string | null;
  readonly routed_summary: string;
}

const TEAM_NAMES: Record<string, string> = {
  bradford: "Bradford",
  calderdale: "Calderdale",
  kirklees: "Kirklees",
  leeds: "Leeds",
  wakefield: "Wakefield",
  hub: "West Yorkshire hub",
};

/** Home addresses, in proportion to the teams' weights, each routed by the default rules. */
export function addressPool(random: Random, size: number): AddressRow[] {
  const rules = WEST_YORKSHIRE_DEFAULT_ROUTING_RULES.map((rule) => ({
    postcodePrefix: rule.postcodePrefix,
    teamId: rule.teamCode,
  }));
  const rows: AddressRow[] = [];
  for (const [teamCode, weight] of Object.entries(TEAM_WEIGHTS)) {
    const count = Math.max(4, Math.round(size * weight));
    for (let index = 0; index < count; index += 1) {
      // Some hub referrals come with no address at all.
      const noAddress = teamCode === "hub" && index % 5 === 0;
      const street = `${1 + Math.floor(random() * 120)} ${pick(random, STREET_STEMS)} ${pick(random, STREET_KINDS)}, ${pick(random, TOWNS[teamCode]!)}`;
      const postcode = noAddress ? null : normalisePostcode(`${pick(random, DISTRICTS[teamCode]!)} ${inward(random)}`);
      const routing = routeByPostcode(postcode, rules);
      if ((routing.kind === "RULE" ? routing.teamId : "hub") !== teamCode) {
        throw new Error(`Volume data: ${postcode} does not route to ${teamCode}`);
      }
      rows.push({
        idx: rows.length,
        team_code: teamCode,
        address: noAddress ? null : street,
        postcode,
        address_key: noAddress ? null : normaliseAddress(street),
        routing_method: routing.kind === "RULE" ? "POSTCODE_RULE" : "HUB_FALLBACK",
        matched_prefix: routing.kind === "RULE" ? routing.matchedPrefix : null,
        routed_summary:
          routing.kind === "RULE"
            ? `Routed to ${TEAM_NAMES[teamCode]} by the postcode rule for ${routing.matchedPrefix}`
            : `Sent to the ${TEAM_NAMES.hub} for manual routing (${routing.reason.toLowerCase().replaceAll("_", " ")})`,
      });
    }
  }
  return rows;
}

export interface NameRow {
  readonly idx: number;
  readonly gender: string;
  readonly given: string;
  /** normalisePersonName's given-name half: nicknames mapped, as links match them. */
  readonly given_key: string;
}

export function givenNamePool(): NameRow[] {
  const girls = GIVEN_NAMES.girl.map((given) => ({ gender: "GIRL", given }));
  const boys = GIVEN_NAMES.boy.map((given) => ({ gender: "BOY", given }));
  return [...girls, ...boys].map((row, idx) => ({ idx, ...row, given_key: normalisePersonName(row.given, "") }));
}

export function familyNamePool(): { idx: number; family: string; family_key: string }[] {
  return FAMILY_NAMES.map((family, idx) => ({ idx, family, family_key: normalisePersonName("", family) }));
}

export function aliasPool(): { idx: number; alias: string; alias_key: string }[] {
  return ALIASES.map((alias, idx) => ({ idx, alias, alias_key: normalisePersonName(alias, "") }));
}

/** One identifier a pool entity carries, as extractReferralIdentifiers would store it. */
export interface EntityIdentifierRow {
  readonly entity_idx: number;
  readonly kind: "PERSON_NAME" | "PHONE" | "HANDLE" | "VEHICLE" | "ADDRESS" | "POSTCODE";
  readonly value: string;
}

export interface ConcernEntityRow {
  readonly idx: number;
  readonly kind: "PERSON" | "VEHICLE" | "PLACE";
  readonly name: string | null;
  readonly nicknames: string[];
  readonly approximate_age: number | null;
  readonly phone_numbers: string[];
  readonly social_handles: string[];
  readonly addresses: string[];
  readonly postcodes: string[];
  readonly vehicle_registrations: string[];
  readonly description: string;
  readonly link_to_child: string;
}

/**
 * People, vehicles and places of concern. Referrals draw from these pools with a skew, so a
 * few adults, cars and addresses recur across many children, as they do in real networks.
 */
export function concernEntityPool(random: Random, size: number) {
  const entities: ConcernEntityRow[] = [];
  const identifiers: EntityIdentifierRow[] = [];
  let seen = new Set<string>();
  const add = (idx: number, kind: EntityIdentifierRow["kind"], value: string | null) => {
    if (value && !seen.has(`${kind}|${value}`)) {
      seen.add(`${kind}|${value}`);
      identifiers.push({ entity_idx: idx, kind, value });
    }
  };
  const letters = [..."ABCDEFGHJKLMNPRSTUVWXY"];
  for (let idx = 0; idx < size; idx += 1) {
    seen = new Set();
    const roll = random();
    // Phones in 07700 9xxxxx, the range Ofcom sets aside for fiction (widened for volume).
    const phone = () => `07700 9${String(Math.floor(random() * 100_000)).padStart(5, "0")}`;
    if (roll < 0.65) {
      const name = `${pick(random, ADULT_GIVEN)} ${pick(random, FAMILY_NAMES)}`;
      const nicknames = random() < 0.4 ? [pick(random, NICKNAMES)] : [];
      const phones = random() < 0.7 ? [phone(), ...(random() < 0.3 ? [phone()] : [])] : [];
      const handles = random() < 0.4 ? [`${name.split(" ")[0]!.toLowerCase()}_${Math.floor(random() * 1000)}`] : [];
      entities.push({
        idx,
        kind: "PERSON",
        name,
        nicknames,
        approximate_age: 18 + Math.floor(random() * 30),
        phone_numbers: phones,
        social_handles: handles,
        addresses: [],
        postcodes: [],
        vehicle_registrations: [],
        description: "Older male seen with the child (fictional volume data)",
        link_to_child: pick(random, ["Calls himself her boyfriend", "Gives lifts", "Buys gifts", "Met online"]),
      });
      add(idx, "PERSON_NAME", normaliseFreeName(name) || null);
      for (const nickname of nicknames) add(idx, "PERSON_NAME", normaliseFreeName(nickname) || null);
      for (const number of phones) add(idx, "PHONE", normalisePhone(number));
      for (const handle of handles) add(idx, "HANDLE", normaliseSocialHandle(handle));
    } else if (roll < 0.85) {
      const registration = `${pick(random, letters)}${pick(random, letters)}${10 + Math.floor(random() * 60)} ${pick(random, letters)}${pick(random, letters)}${pick(random, letters)}`;
      entities.push({
        idx,
        kind: "VEHICLE",
        name: pick(random, ["Silver hatchback", "Black saloon", "White van", "Grey estate"]),
        nicknames: [],
        approximate_age: null,
        phone_numbers: [],
        social_handles: [],
        addresses: [],
        postcodes: [],
        vehicle_registrations: [registration],
        description: "Seen picking the child up after school (fictional volume data)",
        link_to_child: "Transports the child",
      });
      add(idx, "VEHICLE", normaliseVehicleRegistration(registration));
    } else {
      const team = pick(
        random,
        Object.keys(DISTRICTS).filter((code) => code !== "hub"),
      );
      const name = `${pick(random, PLACE_NAMES)}, ${pick(random, TOWNS[team]!)}`;
      const address = `${1 + Math.floor(random() * 200)} ${pick(random, STREET_STEMS)} ${pick(random, STREET_KINDS)}`;
      const postcode = normalisePostcode(`${pick(random, DISTRICTS[team]!)} ${inward(random)}`)!;
      entities.push({
        idx,
        kind: "PLACE",
        name,
        nicknames: [],
        approximate_age: null,
        phone_numbers: [],
        social_handles: [],
        addresses: [address],
        postcodes: [postcode],
        vehicle_registrations: [],
        description: "Address where adults gather (fictional volume data)",
        link_to_child: "Taken there at night",
      });
      add(idx, "ADDRESS", normaliseAddress(name));
      add(idx, "ADDRESS", normaliseAddress(address));
      add(idx, "POSTCODE", postcode);
    }
  }
  return { entities, identifiers };
}

export interface IndicatorProfileRow {
  readonly profile: number;
  readonly code: string;
  readonly level: IndicatorLevel;
}

export interface RiskRow {
  readonly profile: number;
  /** Age at referral, or -1 when not known. */
  readonly age: number;
  readonly danger: boolean;
  readonly rating: "RED" | "AMBER" | "GREEN";
  readonly reasons: string[];
}

/** How likely each indicator is at all (disclosure is rare, going missing common). */
const INDICATOR_BASE: Record<string, number> = {
  going_missing: 0.55,
  gifts_or_money: 0.45,
  older_associates: 0.5,
  transported_by_unknown_adults: 0.35,
  alcohol_or_drugs: 0.4,
  distancing_from_family: 0.45,
  secretive_phone_or_online: 0.6,
  sexual_health_concerns: 0.12,
  disclosure_of_sexual_assault: 0.05,
  school_absence_or_exclusion: 0.5,
  associating_with_exploited_peers: 0.3,
  hotel_party_house_visits: 0.2,
  self_harm_or_mental_health: 0.3,
  change_in_appearance_or_behaviour: 0.45,
};

/**
 * Indicator profiles (all 14 rated) with a realistic spread of severity, and for each the risk
 * the partnership's rules give at every age and with or without immediate danger.
 */
export function indicatorProfiles(random: Random, count: number) {
  const levels: IndicatorProfileRow[] = [];
  const risks: RiskRow[] = [];
  const dangerChance: { profile: number; danger_chance: number }[] = [];
  for (let profile = 0; profile < count; profile += 1) {
    const severity = random() ** 1.6;
    const rated: Record<string, IndicatorLevel> = {};
    for (const code of INDICATOR_CODES) {
      const present = random() < (INDICATOR_BASE[code] ?? 0.3) * (0.25 + 0.9 * severity);
      const strength = random() * 0.6 + severity * 0.6;
      const level: IndicatorLevel = !present
        ? "NOT_PRESENT"
        : strength > 0.95
          ? "HIGH"
          : strength > 0.55
            ? "MEDIUM"
            : "LOW";
      rated[code] = level;
      levels.push({ profile, code, level });
    }
    dangerChance.push({ profile, danger_chance: severity > 0.8 ? 0.15 : 0.01 });
    for (const age of [-1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) {
      for (const danger of [false, true]) {
        const assessed = assessRisk(
          { immediateDanger: danger, childAgeYears: age < 0 ? null : age, indicators: rated },
          INDICATOR_LABELS,
        );
        risks.push({ profile, age, danger, rating: assessed.rating, reasons: [...assessed.reasons] });
      }
    }
  }
  return { levels, risks, dangerChance };
}

/** The decision due time for a referral received on each London date from `from` to `to`. */
export function dueDates(from: Date, to: Date, exceptions: readonly BankHolidayException[]) {
  const rows: { day: string; due_at: string }[] = [];
  // Noon UTC is the same London date whatever the season.
  for (
    let day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) - 86_400_000;
    day <= to.getTime() + 86_400_000;
    day += 86_400_000
  ) {
    const noon = new Date(day + 12 * 3_600_000);
    rows.push({ day: noon.toISOString().slice(0, 10), due_at: decisionDueAt(noon, exceptions).toISOString() });
  }
  return rows;
}
