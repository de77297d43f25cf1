import { useEffect } from "react";

const SERVICE_NAME = "CSE Referral Hub";

/** Every page names itself first, with "Error: " when its form has errors (GOV.UK pattern). */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} - ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
