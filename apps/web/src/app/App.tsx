import { lazy, Suspense } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider } from "../auth/AuthContext.tsx";
import { RequireAuth } from "../auth/RequireAuth.tsx";
import { SecondFactorPage } from "../features/auth/SecondFactorPage.tsx";
import { SignedOutPage } from "../features/auth/SignedOutPage.tsx";
import { SessionExpiryWarning } from "../features/auth/SessionExpiryWarning.tsx";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { AlertsProvider } from "../features/alerts/AlertsContext.tsx";
import { HomePage } from "../features/home/HomePage.tsx";
import { Layout } from "../layout/Layout.tsx";
import { SignedInNavigation } from "../layout/SignedInNavigation.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";

// Each journey's code loads when it is first needed, so signing in stays quick.
const AccountPage = lazy(() =>
  import("../features/account/AccountPage.tsx").then((module) => ({ default: module.AccountPage })),
);
const AddAuthenticatorPage = lazy(() =>
  import("../features/account/AddAuthenticatorPage.tsx").then((module) => ({ default: module.AddAuthenticatorPage })),
);
const ChangePasswordPage = lazy(() =>
  import("../features/account/ChangePasswordPage.tsx").then((module) => ({ default: module.ChangePasswordPage })),
);
// Accepting an invitation and setting up an authenticator happen once per account, never in a
// day's work: they load on their own rather than with every sign-in.
const EnrolmentPage = lazy(() =>
  import("../features/auth/EnrolmentPage.tsx").then((module) => ({ default: module.EnrolmentPage })),
);
const InvitationPage = lazy(() =>
  import("../features/auth/InvitationPage.tsx").then((module) => ({ default: module.InvitationPage })),
);
const InviteUserPage = lazy(() =>
  import("../features/admin/InviteUserPage.tsx").then((module) => ({ default: module.InviteUserPage })),
);
const UserPage = lazy(() => import("../features/admin/UserPage.tsx").then((module) => ({ default: module.UserPage })));
const UsersPage = lazy(() =>
  import("../features/admin/UsersPage.tsx").then((module) => ({ default: module.UsersPage })),
);
const RoutingRulesPage = lazy(() =>
  import("../features/admin/routing/RoutingRulesPage.tsx").then((module) => ({ default: module.RoutingRulesPage })),
);
const RoutingRuleFormPage = lazy(() =>
  import("../features/admin/routing/RoutingRuleFormPage.tsx").then((module) => ({
    default: module.RoutingRuleFormPage,
  })),
);
const RemoveRoutingRulePage = lazy(() =>
  import("../features/admin/routing/RemoveRoutingRulePage.tsx").then((module) => ({
    default: module.RemoveRoutingRulePage,
  })),
);
const RoutingTesterPage = lazy(() =>
  import("../features/admin/routing/RoutingTesterPage.tsx").then((module) => ({ default: module.RoutingTesterPage })),
);
const PostcodeDirectoryPage = lazy(() =>
  import("../features/admin/routing/PostcodeDirectoryPage.tsx").then((module) => ({
    default: module.PostcodeDirectoryPage,
  })),
);
const BankHolidaysPage = lazy(() =>
  import("../features/admin/routing/BankHolidaysPage.tsx").then((module) => ({ default: module.BankHolidaysPage })),
);
const ConfirmationPage = lazy(() =>
  import("../features/referrals/ConfirmationPage.tsx").then((module) => ({ default: module.ConfirmationPage })),
);
const DraftRoutes = lazy(() =>
  import("../features/referrals/DraftRoutes.tsx").then((module) => ({ default: module.DraftRoutes })),
);
const MyReferralsPage = lazy(() =>
  import("../features/referrals/MyReferralsPage.tsx").then((module) => ({ default: module.MyReferralsPage })),
);
const NewReferralPage = lazy(() =>
  import("../features/referrals/NewReferralPage.tsx").then((module) => ({ default: module.NewReferralPage })),
);
const TeamQueuePage = lazy(() =>
  import("../features/triage/TeamQueuePage.tsx").then((module) => ({ default: module.TeamQueuePage })),
);
const AlertsPage = lazy(() =>
  import("../features/alerts/AlertsPage.tsx").then((module) => ({ default: module.AlertsPage })),
);
const TransfersPage = lazy(() =>
  import("../features/transfers/TransfersPage.tsx").then((module) => ({ default: module.TransfersPage })),
);
const NetworkPage = lazy(() =>
  import("../features/links/NetworkPage.tsx").then((module) => ({ default: module.NetworkPage })),
);
const ExportPage = lazy(() =>
  import("../features/exports/ExportPage.tsx").then((module) => ({ default: module.ExportPage })),
);
const AuditTrailPage = lazy(() =>
  import("../features/audit-view/AuditTrailPage.tsx").then((module) => ({ default: module.AuditTrailPage })),
);
const EmailPreferencesPage = lazy(() =>
  import("../features/notifications/EmailPreferencesPage.tsx").then((module) => ({
    default: module.EmailPreferencesPage,
  })),
);
const OutboxPage = lazy(() =>
  import("../features/notifications/OutboxPage.tsx").then((module) => ({ default: module.OutboxPage })),
);
// Chart.js comes with this page's chunk only: no other journey downloads it.
const DashboardPage = lazy(() =>
  import("../features/dashboard/DashboardPage.tsx").then((module) => ({ default: module.DashboardPage })),
);
const ReferralPage = lazy(() =>
  import("../features/referrals/ReferralPage.tsx").then((module) => ({ default: module.ReferralPage })),
);

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AlertsProvider>
          <Suspense
            fallback={
              <p className="govuk-body govuk-width-container" role="status">
                Loading…
              </p>
            }
          >
            <Routes>
              <Route
                element={<Layout serviceNavigation={<SignedInNavigation />} beforeContent={<SessionExpiryWarning />} />}
              >
                <Route index element={<HomePage />} />
                <Route path="sign-in" element={<SignInPage />} />
                <Route path="sign-in/code" element={<SecondFactorPage />} />
                <Route path="sign-in/set-up-authenticator" element={<EnrolmentPage />} />
                <Route path="signed-out" element={<SignedOutPage />} />
                <Route path="invitations/:token" element={<InvitationPage />} />
                <Route
                  path="account"
                  element={
                    <RequireAuth>
                      <AccountPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="account/password"
                  element={
                    <RequireAuth>
                      <ChangePasswordPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="account/notifications"
                  element={
                    <RequireAuth>
                      <EmailPreferencesPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="account/authenticator"
                  element={
                    <RequireAuth>
                      <AddAuthenticatorPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="admin/users"
                  element={
                    <RequireAuth roles={["ADMIN"]}>
                      <UsersPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="admin/users/invite"
                  element={
                    <RequireAuth roles={["ADMIN"]}>
                      <InviteUserPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="admin/users/:id"
                  element={
                    <RequireAuth roles={["ADMIN"]}>
                      <UserPage />
                    </RequireAuth>
                  }
                />
                {[
                  { path: "admin/routing-rules", element: <RoutingRulesPage /> },
                  { path: "admin/routing-rules/new", element: <RoutingRuleFormPage /> },
                  { path: "admin/routing-rules/tester", element: <RoutingTesterPage /> },
                  { path: "admin/routing-rules/postcode-directory", element: <PostcodeDirectoryPage /> },
                  { path: "admin/routing-rules/:id/change", element: <RoutingRuleFormPage /> },
                  { path: "admin/routing-rules/:id/remove", element: <RemoveRoutingRulePage /> },
                  { path: "admin/bank-holidays", element: <BankHolidaysPage /> },
                  { path: "admin/email", element: <OutboxPage /> },
                ].map(({ path, element }) => (
                  <Route key={path} path={path} element={<RequireAuth roles={["ADMIN"]}>{element}</RequireAuth>} />
                ))}
                {[
                  { path: "referrals", element: <MyReferralsPage /> },
                  { path: "referrals/new", element: <NewReferralPage /> },
                  { path: "referrals/drafts/:draftId/*", element: <DraftRoutes /> },
                  { path: "referrals/:id/sent", element: <ConfirmationPage /> },
                ].map((route) => (
                  <Route
                    key={route.path}
                    path={route.path}
                    element={<RequireAuth roles={["REFERRER"]}>{route.element}</RequireAuth>}
                  />
                ))}
                <Route
                  path="referrals/:id/network"
                  element={
                    <RequireAuth roles={["TRIAGE", "LEAD"]}>
                      <NetworkPage />
                    </RequireAuth>
                  }
                />
                {[
                  { path: "team/export", element: <ExportPage /> },
                  { path: "referrals/:id/audit", element: <AuditTrailPage /> },
                ].map((route) => (
                  <Route
                    key={route.path}
                    path={route.path}
                    element={<RequireAuth roles={["LEAD"]}>{route.element}</RequireAuth>}
                  />
                ))}
                <Route
                  path="referrals/:id"
                  element={
                    // The referrer's copy or the team's file, whichever the API says the caller may see.
                    <RequireAuth roles={["REFERRER", "TRIAGE", "LEAD"]}>
                      <ReferralPage />
                    </RequireAuth>
                  }
                />
                <Route
                  path="alerts"
                  element={
                    <RequireAuth roles={["REFERRER", "TRIAGE", "LEAD"]}>
                      <AlertsPage />
                    </RequireAuth>
                  }
                />
                {[
                  { path: "team", element: <TeamQueuePage /> },
                  { path: "dashboard", element: <DashboardPage /> },
                  { path: "transfers", element: <TransfersPage /> },
                ].map((route) => (
                  <Route
                    key={route.path}
                    path={route.path}
                    element={<RequireAuth roles={["TRIAGE", "LEAD"]}>{route.element}</RequireAuth>}
                  />
                ))}
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </AlertsProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
