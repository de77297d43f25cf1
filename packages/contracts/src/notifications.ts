import { z } from "zod/mini";
import { isoDateTimeSchema, uuidSchema } from "./common.ts";

export const notificationKindSchema = z.enum([
  "NEW_REFERRAL",
  "RED_REFERRAL",
  "DECISION_DUE_SOON",
  "ESCALATED",
  "TRANSFER_REQUESTED",
  "TRANSFER_ACCEPTED",
  "TRANSFER_REJECTED",
  "OUTCOME",
  "INVITATION",
  "PASSWORD_RESET",
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationKindLabels: Record<NotificationKind, string> = {
  NEW_REFERRAL: "New referrals for your team (a digest every 30 minutes in working hours)",
  RED_REFERRAL: "New RED referrals for your team (at once)",
  DECISION_DUE_SOON: "A decision due within two working hours",
  ESCALATED: "Escalations: overdue decisions, and RED referrals nobody picked up within an hour",
  TRANSFER_REQUESTED: "Another team asks yours to take a referral",
  TRANSFER_ACCEPTED: "Your transfer request was accepted",
  TRANSFER_REJECTED: "Your transfer request was refused",
  OUTCOME: "The outcome of a referral you made",
  INVITATION: "Your invitation",
  PASSWORD_RESET: "A link to set a new password",
};

export const notificationPreferenceSchema = z.object({
  kind: notificationKindSchema,
  email: z.boolean(),
  /** The team's lead cannot switch RED referrals and escalations off. */
  locked: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

export const notificationPreferencesSchema = z.object({
  /** False when the service sends no email at all (then only in-app alerts reach anyone). */
  emailEnabled: z.boolean(),
  preferences: z.array(notificationPreferenceSchema),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesSchema = z
  .object({
    preferences: z.array(z.object({ kind: notificationKindSchema, email: z.boolean() })).check(z.maxLength(20)),
  })
  .register(z.globalRegistry, {
    examples: [
      {
        preferences: [
          { kind: "NEW_REFERRAL", email: false },
          { kind: "DECISION_DUE_SOON", email: true },
        ],
      },
    ],
  });
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferencesSchema>;

export const outboxStatusSchema = z.enum(["PENDING", "SENDING", "FAILED"]);

/** A send the outbox has not finished: no recipient address and nothing about the child. */
export const outboxEntrySchema = z.object({
  id: uuidSchema,
  kind: notificationKindSchema,
  status: outboxStatusSchema,
  attempts: z.number().check(z.int()),
  createdAt: isoDateTimeSchema,
  nextAttemptAt: isoDateTimeSchema,
  lastError: z.nullable(z.string()),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxReportSchema = z.object({
  emailMode: z.enum(["off", "file", "smtp"]),
  counts: z.object({ pending: z.number(), failed: z.number(), sentLastDay: z.number() }),
  entries: z.array(outboxEntrySchema),
});
export type OutboxReport = z.infer<typeof outboxReportSchema>;
