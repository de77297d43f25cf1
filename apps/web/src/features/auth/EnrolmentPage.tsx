import type { CompleteEnrolmentResponse } from "@cse/contracts";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useAuth } from "../../auth/AuthContext.tsx";
import { safeReturnPath } from "../../auth/RequireAuth.tsx";
import { AuthenticatorSetup } from "./AuthenticatorSetup.tsx";
import { RecoveryCodes } from "./RecoveryCodes.tsx";

/** First sign-in of a role that must use a second factor. */
export function EnrolmentPage() {
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [result, setResult] = useState<CompleteEnrolmentResponse | null>(null);
  if (result) {
    return (
      <RecoveryCodes
        codes={result.recoveryCodes}
        onContinue={() => {
          signedIn(result.user, result.session);
          void navigate(safeReturnPath(searchParams.get("returnTo")), { replace: true });
        }}
      />
    );
  }
  return <AuthenticatorSetup<CompleteEnrolmentResponse> enrolmentPath="/api/auth/enrolment" onEnrolled={setResult} />;
}
