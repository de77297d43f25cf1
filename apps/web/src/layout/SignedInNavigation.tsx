import type { Role } from "@cse/contracts";
import { useAuth } from "../auth/AuthContext.tsx";
import { useAlerts } from "../features/alerts/AlertsContext.tsx";
import { ServiceNavigation, type NavigationItem } from "./ServiceNavigation.tsx";

const sections: readonly (NavigationItem & { roles: readonly Role[] })[] = [
  { to: "/referrals", text: "Your referrals", roles: ["REFERRER"] },
  { to: "/referrals/new", text: "Make a referral", roles: ["REFERRER"] },
  { to: "/team", text: "Team queue", roles: ["TRIAGE", "LEAD"] },
  { to: "/dashboard", text: "Dashboard", roles: ["TRIAGE", "LEAD"] },
  { to: "/transfers", text: "Transfers", roles: ["TRIAGE", "LEAD"] },
  { to: "/alerts", text: "Alerts", roles: ["REFERRER", "TRIAGE", "LEAD"] },
  { to: "/admin/users", text: "Users", roles: ["ADMIN"] },
  { to: "/admin/routing-rules", text: "Routing rules", roles: ["ADMIN"] },
  { to: "/admin/bank-holidays", text: "Bank holidays", roles: ["ADMIN"] },
  { to: "/admin/email", text: "Email sending", roles: ["ADMIN"] },
  { to: "/account", text: "Your account", roles: ["REFERRER", "TRIAGE", "LEAD", "ADMIN"] },
];

/** The signed-in user's sections and "Sign out"; nothing for a visitor. */
export function SignedInNavigation() {
  const { state, signOut } = useAuth();
  const { unread } = useAlerts();
  if (state.status !== "signed-in") return null;
  const { role } = state.user;
  return (
    <ServiceNavigation
      items={sections
        .filter((section) => section.roles.includes(role))
        .map((section) =>
          section.to === "/alerts" && unread !== null
            ? {
                ...section,
                text: (
                  <>
                    Alerts ({unread}
                    <span className="govuk-visually-hidden"> unread</span>)
                  </>
                ),
              }
            : section,
        )}
      end={
        // Signing out is a POST, so it is a button dressed as the links beside it.
        <button type="button" className="app-link-button govuk-service-navigation__link" onClick={() => void signOut()}>
          Sign out
        </button>
      }
    />
  );
}
