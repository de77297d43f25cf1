import { signInRequestSchema } from "@cse/contracts";
import { z } from "zod/mini";

/** The sign-in form's own rules: the API's rules for the two fields it shows. */
export const signInFormSchema = z.object({
  email: signInRequestSchema.shape.email,
  password: signInRequestSchema.shape.password,
});

export type SignInFormInput = z.input<typeof signInFormSchema>;
export type SignInFormValues = z.output<typeof signInFormSchema>;

/** The sign-in form's fields, in page order, for the error summary. */
export const signInFields = ["email", "password"] as const;
