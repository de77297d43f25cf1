import { z } from "zod/mini";
import { agencySchema, isoDateTimeSchema, roleSchema, textField, uuidSchema } from "./common.ts";

export const MINIMUM_PASSWORD_LENGTH = 12;
export const MAXIMUM_PASSWORD_LENGTH = 256;

export const emailSchema = z.pipe(
  z.pipe(
    textField("Email address", { error: "Enter your email address" }).check(
      z.trim(),
      z.minLength(1, "Enter your email address"),
      z.maxLength(254, "Email address must be 254 characters or fewer"),
    ),
    z.email("Enter an email address in the correct format, like name@example.com"),
  ),
  z.transform((email: string) => email.toLowerCase()),
);

/**
 * A new password: length is the only composition rule (NCSC and NIST guidance); the server
 * also refuses common and guessable passwords, which the browser cannot check.
 */
export const newPasswordSchema = textField("Password", { error: "Enter a password" }).check(
  z.minLength(MINIMUM_PASSWORD_LENGTH, `Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`),
  z.maxLength(MAXIMUM_PASSWORD_LENGTH, `Password must be ${MAXIMUM_PASSWORD_LENGTH} characters or fewer`),
);

export const totpCodeSchema = z.pipe(
  z.pipe(
    z.string({ error: "Enter the 6-digit code from your authenticator app" }),
    z.transform((code: string) => code.replace(/\s+/g, "")),
  ),
  z.string().check(z.regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")),
);

export const recoveryCodeSchema = z.pipe(
  z.pipe(
    z.string({ error: "Enter a recovery code" }),
    z.transform((code: string) => code.replace(/[\s-]+/g, "").toUpperCase()),
  ),
  z.string().check(z.regex(/^[A-Z2-7]{10}$/, "Enter a recovery code, like ABCDE-FGHIJ")),
);

export const signInRequestSchema = z
  .strictObject({
    email: emailSchema,
    password: textField("Password", { error: "Enter your password" }).check(
      z.minLength(1, "Enter your password"),
      z.maxLength(MAXIMUM_PASSWORD_LENGTH, "Enter your password"),
    ),
    totp: z.optional(totpCodeSchema),
  })
  .register(z.globalRegistry, {
    examples: [{ email: "referrer.police@demo.example", password: "correct-horse-battery" }],
  });
export type SignInRequest = z.input<typeof signInRequestSchema>;

export const secondFactorRequestSchema = z
  .union([z.strictObject({ code: totpCodeSchema }), z.strictObject({ recoveryCode: recoveryCodeSchema })])
  .register(z.globalRegistry, { examples: [{ code: "123456" }] });
export type SecondFactorRequest = z.input<typeof secondFactorRequestSchema>;

/** Proving the second factor again, before an action that needs it (a step-up). */
export const stepUpRequestSchema = z
  .strictObject({ code: totpCodeSchema })
  .register(z.globalRegistry, { examples: [{ code: "123456" }] });
export type StepUpRequest = z.input<typeof stepUpRequestSchema>;

export const stepUpResponseSchema = z.object({ stepUpExpiresAt: z.iso.datetime() });
export type StepUpResponse = z.infer<typeof stepUpResponseSchema>;

export const currentUserSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  role: roleSchema,
  agency: agencySchema,
  organisation: z.object({ id: uuidSchema, name: z.string() }),
  team: z.nullable(z.object({ id: uuidSchema, code: z.string(), name: z.string() })),
  secondFactorEnabled: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionTimesSchema = z.object({
  /** When the session ends unless the user does something before then. */
  idleExpiresAt: isoDateTimeSchema,
  /** When the session ends whatever the user does. */
  absoluteExpiresAt: isoDateTimeSchema,
});
export type SessionTimes = z.infer<typeof sessionTimesSchema>;

export const signedInSchema = z.object({
  status: z.literal("signed-in"),
  user: currentUserSchema,
  session: sessionTimesSchema,
  csrfToken: z.string(),
});
export type SignedIn = z.infer<typeof signedInSchema>;

export const signInResponseSchema = z.discriminatedUnion("status", [
  signedInSchema,
  z.object({ status: z.literal("second-factor-required"), csrfToken: z.string() }),
  z.object({ status: z.literal("enrolment-required"), csrfToken: z.string() }),
]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const meResponseSchema = z.object({ user: currentUserSchema, session: sessionTimesSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** Who is signed in, if anyone: how the web app starts, without a 401 for visitors. */
export const currentSessionSchema = z.object({
  user: z.nullable(currentUserSchema),
  session: z.nullable(sessionTimesSchema),
});
export type CurrentSession = z.infer<typeof currentSessionSchema>;

export const csrfResponseSchema = z.object({ token: z.string() });

export const enrolmentResponseSchema = z.object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code: an SVG data URI, for an <img>. */
  qrCodeDataUri: z.string(),
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponseSchema>;

export const completeEnrolmentRequestSchema = z
  .strictObject({ code: totpCodeSchema })
  .register(z.globalRegistry, { examples: [{ code: "123456" }] });

export const completeEnrolmentResponseSchema = z.extend(signedInSchema, {
  /** Shown once: each works once in place of a code, if the phone is lost. */
  recoveryCodes: z.array(z.string()),
});
export type CompleteEnrolmentResponse = z.infer<typeof completeEnrolmentResponseSchema>;

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: textField("Password", { error: "Enter your current password" }).check(
      z.minLength(1, "Enter your current password"),
      z.maxLength(MAXIMUM_PASSWORD_LENGTH),
    ),
    newPassword: newPasswordSchema,
  })
  .register(z.globalRegistry, {
    examples: [{ currentPassword: "correct-horse-battery", newPassword: "a-longer-new-passphrase" }],
  });
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>;

export const invitationSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  expiresAt: isoDateTimeSchema,
  /** True when the account already has a password and this link resets it. */
  isReset: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const acceptInvitationRequestSchema = z
  .strictObject({ password: newPasswordSchema })
  .register(z.globalRegistry, { examples: [{ password: "a-long-memorable-passphrase" }] });
