import type { ReactNode } from "react";
import { Link } from "react-router";

export const SERVICE_NAME = "CSE Referral Hub";

/**
 * GOV.UK's generic header, for government services that are not on GOV.UK: the service's
 * name instead of the GOV.UK logo, which only services on GOV.UK may show.
 */
export function SiteHeader({ navigation }: { navigation?: ReactNode }) {
  return (
    <header className="govuk-template__header">
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {SERVICE_NAME}
            </Link>
          </div>
        </div>
      </div>
      {navigation}
    </header>
  );
}
