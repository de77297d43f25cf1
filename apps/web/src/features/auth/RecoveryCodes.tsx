import { useState } from "react";
import { Button, Checkboxes, WarningText } from "../../components/govuk/index.ts";

/** Shown once, straight after setting up an app: the person must say they have kept them. */
export function RecoveryCodes({ codes, onContinue }: { codes: readonly string[]; onContinue: () => void }) {
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <>
      <h1 className="govuk-heading-l">Keep your recovery codes safe</h1>
      <p className="govuk-body">
        If you lose your phone, each of these codes lets you sign in once instead of a code from your app.
      </p>
      <ul className="app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <WarningText>You will not be shown these codes again. Store them as you would a password.</WarningText>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!saved) setError("Confirm that you have kept your recovery codes");
          else onContinue();
        }}
      >
        <Checkboxes
          id="saved"
          legend="Before you continue"
          legendSize="s"
          error={error}
          options={[{ value: "yes", label: "I have kept my recovery codes somewhere safe" }]}
          inputProps={{ name: "saved", onChange: (event) => setSaved(event.target.checked) }}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}
