import type { TeamReferralDetail } from "@cse/contracts";
import { createContext, useContext } from "react";

export interface ReferralFile {
  readonly referral: TeamReferralDetail;
  /** An action worked: show the referral as the API now returns it, and say what happened. */
  readonly updated: (referral: TeamReferralDetail, message: string) => void;
  /** The referral moved on under the user (409): say so, and fetch it again. */
  readonly conflicted: (message: string) => void;
  /** A form reports whether it shows errors, so the page title can start "Error: " (GOV.UK). */
  readonly formHasErrors: (form: string, hasErrors: boolean) => void;
}

export const ReferralFileContext = createContext<ReferralFile | null>(null);

export function useReferralFile(): ReferralFile {
  const file = useContext(ReferralFileContext);
  if (!file) throw new Error("useReferralFile must be used inside the team's referral file");
  return file;
}
