import type { ReferralFormValues } from "@cse/contracts";
import type { UseFormReturn } from "react-hook-form";
import { useCurrentUser } from "../../../auth/AuthContext.tsx";
import { SummaryList } from "../../../components/govuk/index.ts";
import { TextField } from "./fields.tsx";

export function AboutYouSection({ form }: { form: UseFormReturn<ReferralFormValues> }) {
  const user = useCurrentUser();
  return (
    <>
      <SummaryList
        rows={[
          { key: "Name", value: user.displayName },
          { key: "Organisation", value: user.organisation.name },
          { key: "Email address", value: user.email },
        ]}
      />
      <TextField form={form} path="aboutYou.jobTitle" label="Job title (optional)" width="30" />
      <TextField
        form={form}
        path="aboutYou.phone"
        label="Phone number"
        hint="The team may call you to talk about this referral."
        type="tel"
        autoComplete="tel"
        width="20"
      />
      <TextField form={form} path="aboutYou.bestTimeToCall" label="Best time to call (optional)" width="30" />
    </>
  );
}
