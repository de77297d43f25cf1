import { z } from "zod/mini";
import { isoDateTimeSchema, textField, uuidSchema } from "./common.ts";

/** How much of a postcode a rule names: "LS", "LS29" or "LS29 8". */
export const routingRuleLevelSchema = z.enum(["AREA", "DISTRICT", "SECTOR"]);
export type RoutingRuleLevel = z.infer<typeof routingRuleLevelSchema>;

export const routingRuleLevelLabels: Record<RoutingRuleLevel, string> = {
  AREA: "Area",
  DISTRICT: "District",
  SECTOR: "Sector",
};

export const routingRuleSchema = z.object({
  id: uuidSchema,
  /** Normalised by the domain: "LS", "LS29" or "LS29 8". */
  postcodePrefix: z.string(),
  level: routingRuleLevelSchema,
  team: z.object({ id: uuidSchema, name: z.string(), isHub: z.boolean() }),
  crossesBoundary: z.boolean(),
  note: z.nullable(z.string()),
  updatedAt: isoDateTimeSchema,
});
export type RoutingRuleView = z.infer<typeof routingRuleSchema>;

export const routingRuleListSchema = z.object({ rules: z.array(routingRuleSchema) });

/**
 * A rule as an administrator writes it. The prefix is checked by the API with the domain's
 * own postcode parser (the contract cannot import it), which answers with a field error.
 */
export const routingRuleRequestSchema = z
  .strictObject({
    postcodePrefix: textField("Postcode area, district or sector", {
      error: "Enter a postcode area, district or sector, like LS, LS29 or LS29 8",
    }).check(
      z.trim(),
      z.minLength(1, "Enter a postcode area, district or sector, like LS, LS29 or LS29 8"),
      z.maxLength(10, "Enter a postcode area, district or sector, like LS, LS29 or LS29 8"),
    ),
    teamId: uuidSchema,
    crossesBoundary: z._default(z.boolean(), false),
    note: z.pipe(
      z.optional(
        z.nullable(textField("Note").check(z.trim(), z.maxLength(300, "Note must be 300 characters or fewer"))),
      ),
      z.transform((value: string | null | undefined) => (value ? value : null)),
    ),
  })
  .register(z.globalRegistry, {
    examples: [
      {
        postcodePrefix: "LS25 6",
        teamId: "0195f0a2-7c1e-7000-8000-000000000002",
        crossesBoundary: true,
        note: "Sherburn in Elmet is in North Yorkshire.",
      },
    ],
  });
export type RoutingRuleRequest = z.input<typeof routingRuleRequestSchema>;

export const routingTesterQuerySchema = z.object({
  postcode: textField("Postcode", { error: "Enter a postcode" }).check(
    z.trim(),
    z.minLength(1, "Enter a postcode"),
    z.maxLength(10, "Enter a real postcode, like LS1 4AP"),
  ),
});

export const routingHubReasonLabels = {
  NO_POSTCODE: "there is no postcode",
  INVALID_POSTCODE: "the postcode is not valid",
  NO_MATCHING_RULE: "no rule matches this postcode",
  OUTSIDE_WEST_YORKSHIRE: "the ONS Postcode Directory places this postcode outside West Yorkshire",
} as const;

/** What decided: the ONS Postcode Directory, a prefix rule, or nothing (the hub). */
export const routingDecidedBySchema = z.enum(["DIRECTORY", "RULE", "HUB"]);

export const routingTesterResultSchema = z.object({
  /** The postcode as the domain reads it ("LS29 8AB", or "LS29" for a district). */
  postcode: z.string(),
  team: z.object({ id: uuidSchema, name: z.string(), isHub: z.boolean() }),
  /** The rule that matched; null when none did and the hub takes it. */
  rule: z.nullable(routingRuleSchema),
  hubReason: z.nullable(z.enum(["NO_POSTCODE", "INVALID_POSTCODE", "NO_MATCHING_RULE", "OUTSIDE_WEST_YORKSHIRE"])),
  decidedBy: routingDecidedBySchema,
  /** The council code the ONS Postcode Directory holds for the postcode; null when it holds none. */
  localAuthorityCode: z.nullable(z.string()),
  crossesBoundary: z.boolean(),
  boundaryNote: z.nullable(z.string()),
});
export type RoutingTesterResult = z.infer<typeof routingTesterResultSchema>;

export const bankHolidayChangeSchema = z.enum(["ADDITIONAL", "REMOVED"]);

export const bankHolidayExceptionSchema = z.object({
  /** YYYY-MM-DD, a day in England and Wales. */
  date: z.string(),
  name: z.string(),
  change: bankHolidayChangeSchema,
});
export type BankHolidayExceptionView = z.infer<typeof bankHolidayExceptionSchema>;

export const bankHolidayExceptionListSchema = z.object({ exceptions: z.array(bankHolidayExceptionSchema) });

/** A one-off day by proclamation: an extra bank holiday, or a usual one moved away. */
export const bankHolidayExceptionRequestSchema = z
  .strictObject({
    date: textField("Date", { error: "Enter the date" }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date")),
    name: textField("Name", { error: "Enter the name of the day" }).check(
      z.trim(),
      z.minLength(1, "Enter the name of the day"),
      z.maxLength(120, "Name must be 120 characters or fewer"),
    ),
    change: z._default(bankHolidayChangeSchema, "ADDITIONAL"),
  })
  .register(z.globalRegistry, {
    examples: [{ date: "2027-06-07", name: "Bank holiday for a royal occasion", change: "ADDITIONAL" }],
  });
export type BankHolidayExceptionRequest = z.input<typeof bankHolidayExceptionRequestSchema>;

export const postcodeDirectoryLoadStatusSchema = z.enum(["RUNNING", "ACTIVE", "REPLACED", "FAILED"]);
export type PostcodeDirectoryLoadStatus = z.infer<typeof postcodeDirectoryLoadStatusSchema>;

export const postcodeDirectoryLoadStatusLabels: Record<PostcodeDirectoryLoadStatus, string> = {
  RUNNING: "Loading",
  ACTIVE: "In use",
  REPLACED: "Replaced",
  FAILED: "Failed: nothing from this file is used",
};

/** One upload of the ONS Postcode Directory, with its progress while it runs. */
export const postcodeDirectoryLoadSchema = z.object({
  id: uuidSchema,
  fileName: z.string(),
  status: postcodeDirectoryLoadStatusSchema,
  /** 0 to 100, by the bytes of the file read so far. */
  percentDone: z.number(),
  rowsRead: z.number(),
  rowsKept: z.number(),
  rowsInvalid: z.number(),
  error: z.nullable(z.string()),
  startedBy: z.string(),
  startedAt: isoDateTimeSchema,
  finishedAt: z.nullable(isoDateTimeSchema),
});
export type PostcodeDirectoryLoadView = z.infer<typeof postcodeDirectoryLoadSchema>;

/** The load routing uses now, and the latest load when it is another (running or failed). */
export const postcodeDirectorySchema = z.object({
  active: z.nullable(postcodeDirectoryLoadSchema),
  latest: z.nullable(postcodeDirectoryLoadSchema),
});
export type PostcodeDirectoryView = z.infer<typeof postcodeDirectorySchema>;

export const postcodeDirectoryUploadQuerySchema = z.object({
  fileName: textField("File name", { error: "Choose the ONS Postcode Directory CSV file" }).check(
    z.trim(),
    z.minLength(1, "Choose the ONS Postcode Directory CSV file"),
    z.maxLength(255, "The file name must be 255 characters or fewer"),
  ),
});
