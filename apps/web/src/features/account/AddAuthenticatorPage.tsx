import { useState } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../../auth/AuthContext.tsx";
import { AuthenticatorSetup } from "../auth/AuthenticatorSetup.tsx";
import { RecoveryCodes } from "../auth/RecoveryCodes.tsx";

/** A referrer may choose to add a second factor. */
export function AddAuthenticatorPage() {
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<readonly string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} onContinue={() => void refresh().then(() => navigate("/account"))} />;
  return (
    <AuthenticatorSetup<{ recoveryCodes: string[] }>
      enrolmentPath="/api/auth/account/second-factor"
      intro="An authenticator app makes your account much harder to break into, even if someone learns your password."
      onEnrolled={(result) => setCodes(result.recoveryCodes)}
    />
  );
}
