import { en } from "zod/locales";
import { z } from "zod/mini";

// zod/mini (not "zod"): the web app bundles the contract, and mini's functions tree-shake where
// the classic methods cannot. Mini has no default locale, so install the English messages the
// classic build would, and every rule reads the same in the API and the browser.
z.config(en());

/**
 * The one rule for text anyone sends us, on every route. PostgreSQL cannot store NUL, other
 * control characters are never what a person meant to type, and a lone surrogate is a broken
 * character (stored, it silently becomes U+FFFD). Everything else is kept, emoji and every
 * script included.
 */
export function containsForbiddenCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
    if (code >= 0xdc00 && code <= 0xdfff) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      index += 1;
    }
  }
  return false;
}

/** A string field under the text rule; add z.trim(), z.minLength() and z.maxLength() with .check(). */
export function textField(label: string, params?: { error?: string }) {
  return z
    .string(params)
    .check(z.refine((value) => !containsForbiddenCharacters(value), `${label} must not contain control characters`));
}

/** Where the first string (a value or a key) that breaks the text rule is, in a JSON value; null if none. */
export function findForbiddenText(root: unknown): (string | number)[] | null {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      if (containsForbiddenCharacters(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (containsForbiddenCharacters(key)) return path;
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/** The text rule over a whole JSON structure, for bodies whose every string is free text. */
export function refuseForbiddenText(value: unknown, ctx: z.core.$RefinementCtx): void {
  const path = findForbiddenText(value);
  if (path) ctx.addIssue({ code: "custom", path, message: "Text must not contain control characters" });
}

export const uuidSchema = z.uuid({ message: "Must be a valid identifier" });

/** Timestamps cross the API as ISO 8601 strings in UTC. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

export const agencySchema = z.enum(["POLICE", "SOCIAL_CARE", "HEALTH", "EDUCATION", "VOLUNTARY"]);
export type Agency = z.infer<typeof agencySchema>;

export const agencyLabels: Record<Agency, string> = {
  POLICE: "Police",
  SOCIAL_CARE: "Children's social care",
  HEALTH: "Health",
  EDUCATION: "Education",
  VOLUNTARY: "Voluntary sector",
};

export const roleSchema = z.enum(["REFERRER", "TRIAGE", "LEAD", "ADMIN"]);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  REFERRER: "Referrer",
  TRIAGE: "Triage team member",
  LEAD: "Team safeguarding lead",
  ADMIN: "System administrator",
};

/** Roles that must sign in with a second factor (DESIGN §7). */
export const rolesRequiringSecondFactor: readonly Role[] = ["TRIAGE", "LEAD", "ADMIN"];

/** Roles that belong to a team. */
export const teamRoles: readonly Role[] = ["TRIAGE", "LEAD"];

/** Keyset pagination: an opaque cursor and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.optional(textField("The cursor").check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  code: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  requestId: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;
