import { z } from "zod/mini";
import { isoDateTimeSchema, uuidSchema } from "../common.ts";
import { requiredText } from "../referral/fields.ts";
import { referralStatusSchema, riskRatingSchema } from "../referral/views.ts";

/** A linked referral the viewer may open: enough to decide whether to follow it. */
export const linkedReferralSchema = z.object({
  linkId: uuidSchema,
  referralId: uuidSchema,
  reference: z.string(),
  childName: z.string(),
  teamName: z.string(),
  risk: riskRatingSchema,
  status: referralStatusSchema,
  submittedAt: isoDateTimeSchema,
  score: z.int(),
  /** Probably the same child: a repeat referral rather than a shared adult or place. */
  sameChild: z.boolean(),
  /** What matched, in words, strongest first ("Same phone number of concern"). */
  reasons: z.array(z.string()),
});
export type LinkedReferral = z.infer<typeof linkedReferralSchema>;

/** Linked referrals the viewer may not open: a count per holding team, nothing else. */
export const linksHeldElsewhereSchema = z.object({ teamName: z.string(), count: z.int().check(z.positive()) });
export type LinksHeldElsewhere = z.infer<typeof linksHeldElsewhereSchema>;

/** GET /api/referrals/:id/links */
export const referralLinksSchema = z.object({
  referralId: uuidSchema,
  linked: z.array(linkedReferralSchema),
  heldElsewhere: z.array(linksHeldElsewhereSchema),
  /** A lead may mark a suggested link "not the same". */
  canDismiss: z.boolean(),
});
export type ReferralLinks = z.infer<typeof referralLinksSchema>;

/** POST /api/referrals/:id/links/:linkId/dismiss */
export const dismissLinkRequestSchema = z
  .strictObject({
    reason: requiredText("Reason", 2_000, "Enter why these are not the same child or network"),
  })
  .register(z.globalRegistry, {
    examples: [{ reason: "Different children: checked with the school, different parents and addresses." }],
  });
export type DismissLinkRequest = z.infer<typeof dismissLinkRequestSchema>;

export const networkNodeKindSchema = z.enum(["REFERRAL", "CHILD", "PERSON", "PHONE", "VEHICLE", "HANDLE", "PLACE"]);
export type NetworkNodeKind = z.infer<typeof networkNodeKindSchema>;

/** GET /api/referrals/:id/network: what joins the referral to the linked referrals the viewer may open. */
export const referralNetworkSchema = z.object({
  referralId: uuidSchema,
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: networkNodeKindSchema,
      label: z.string(),
      /** For a referral node: its id, to open it. */
      referralId: z.nullable(uuidSchema),
    }),
  ),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string() })),
  /** Linked referrals left out because the viewer may not open them. */
  hiddenReferrals: z.int().check(z.nonnegative()),
});
export type ReferralNetwork = z.infer<typeof referralNetworkSchema>;
