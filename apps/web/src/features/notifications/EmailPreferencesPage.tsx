import {
  notificationKindLabels,
  notificationPreferencesSchema,
  type NotificationKind,
  type NotificationPreferences,
} from "@cse/contracts/notifications";
import { useEffect, useState, type FormEvent } from "react";
import { describeFailure } from "../../api/errors.ts";
import { parsedApi } from "../../api/parsed.ts";
import { api } from "../../api/client.ts";
import { BackLink, Button, ErrorSummary, InsetText, NotificationBanner } from "../../components/govuk/index.ts";
import { usePageTitle } from "../../hooks/usePageTitle.ts";

/** Which kinds of event reach the person by email. In-app alerts are not affected. */
export function EmailPreferencesPage() {
  usePageTitle("Email notifications");
  const [loaded, setLoaded] = useState<NotificationPreferences | null>(null);
  const [chosen, setChosen] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    parsedApi.get(notificationPreferencesSchema, "/api/account/notifications").then(
      (answer) => {
        setLoaded(answer);
        setChosen(Object.fromEntries(answer.preferences.map((preference) => [preference.kind, preference.email])));
      },
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, []);

  // A lead's RED and escalation emails are not a choice: listed, not offered as checkboxes.
  const locked = loaded?.preferences.filter((preference) => preference.locked) ?? [];
  const choosable = loaded?.preferences.filter((preference) => !preference.locked) ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!loaded) return;
    setSaved(false);
    try {
      const preferences = choosable.map((preference) => ({
        kind: preference.kind,
        email: chosen[preference.kind] ?? true,
      }));
      setLoaded(notificationPreferencesSchema.parse(await api.put("/api/account/notifications", { preferences })));
      setSaved(true);
      setFailure(null);
    } catch (error) {
      setFailure(describeFailure(error));
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">Your account</BackLink>
        <ErrorSummary items={failure ? [{ text: failure }] : []} />
        {saved ? <NotificationBanner type="success">Your email choices are saved</NotificationBanner> : null}
        <h1 className="govuk-heading-l">Email notifications</h1>
        {loaded === null ? (
          failure ? null : (
            <p className="govuk-body" role="status">
              Loading your choices…
            </p>
          )
        ) : loaded.preferences.length === 0 ? (
          <p className="govuk-body">Your role receives no email notifications.</p>
        ) : (
          <form onSubmit={(event) => void save(event)} noValidate>
            {locked.length > 0 ? (
              <>
                <p className="govuk-body">As your team's lead you always receive emails about:</p>
                <ul className="govuk-list govuk-list--bullet" id="always-sent">
                  {locked.map((preference) => (
                    <li key={preference.kind}>{notificationKindLabels[preference.kind]}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {loaded.emailEnabled ? null : (
              <InsetText>This service is not sending email at the moment. Your choices apply once it does.</InsetText>
            )}
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="email-kinds-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Email me about</legend>
                <div id="email-kinds-hint" className="govuk-hint">
                  Emails give the referral's reference, the team and a link, never details of the child. Events within a
                  few minutes of each other come in one email. Alerts in the service are not affected.
                </div>
                <div className="govuk-checkboxes" data-module="govuk-checkboxes">
                  {choosable.map((preference) => {
                    const id = `email-${preference.kind.toLowerCase().replaceAll("_", "-")}`;
                    return (
                      <div className="govuk-checkboxes__item" key={preference.kind}>
                        <input
                          className="govuk-checkboxes__input"
                          id={id}
                          name="kinds"
                          type="checkbox"
                          value={preference.kind}
                          checked={chosen[preference.kind] ?? true}
                          onChange={(event) => setChosen({ ...chosen, [preference.kind]: event.target.checked })}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {notificationKindLabels[preference.kind]}
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
            <Button preventDoubleClick>Save your choices</Button>
          </form>
        )}
      </div>
    </div>
  );
}
