import type { Role } from "@cse/contracts";
import { NavLink } from "react-router";
import { useAuth } from "../auth/AuthContext.tsx";

const navigation: readonly { to: string; text: string; roles: readonly Role[] }[] = [
  { to: "/referrals", text: "My referrals", roles: ["REFERRER"] },
  { to: "/referrals/new", text: "Make a referral", roles: ["REFERRER"] },
  { to: "/admin/users", text: "Users", roles: ["ADMIN"] },
  { to: "/account", text: "Your account", roles: ["REFERRER", "TRIAGE", "LEAD", "ADMIN"] },
];

export function ServiceNavigation() {
  const { state, signOut } = useAuth();
  const items = state.status === "signed-in" ? navigation.filter((item) => item.roles.includes(state.user.role)) : [];

  return (
    <section className="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <NavLink to="/" className="govuk-service-navigation__link">
              CSE Referral Hub
            </NavLink>
          </span>
          {state.status === "signed-in" ? (
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list" id="navigation">
                {items.map((item) => (
                  <li className="govuk-service-navigation__item" key={item.to}>
                    <NavLink end to={item.to} className="govuk-service-navigation__link">
                      {item.text}
                    </NavLink>
                  </li>
                ))}
                <li className="govuk-service-navigation__item">
                  <button
                    type="button"
                    className="app-link-button govuk-service-navigation__link"
                    onClick={() => void signOut()}
                  >
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  );
}
