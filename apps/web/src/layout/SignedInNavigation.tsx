import type { Role } from "@cse/contracts";
import { useAuth } from "../auth/AuthContext.tsx";
import { ServiceNavigation, type NavigationItem } from "./ServiceNavigation.tsx";

const sections: readonly (NavigationItem & { roles: readonly Role[] })[] = [
  { to: "/referrals", text: "Your referrals", roles: ["REFERRER"] },
  { to: "/referrals/new", text: "Make a referral", roles: ["REFERRER"] },
  { to: "/admin/users", text: "Users", roles: ["ADMIN"] },
  { to: "/account", text: "Your account", roles: ["REFERRER", "TRIAGE", "LEAD", "ADMIN"] },
];

/** The signed-in user's sections and "Sign out"; nothing for a visitor. */
export function SignedInNavigation() {
  const { state, signOut } = useAuth();
  if (state.status !== "signed-in") return null;
  const { role } = state.user;
  return (
    <ServiceNavigation
      items={sections.filter((section) => section.roles.includes(role))}
      end={
        // Signing out is a POST, so it is a button dressed as the links beside it.
        <button type="button" className="app-link-button govuk-service-navigation__link" onClick={() => void signOut()}>
          Sign out
        </button>
      }
    />
  );
}
