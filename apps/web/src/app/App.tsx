import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider } from "../auth/AuthContext.tsx";
import { RequireAuth } from "../auth/RequireAuth.tsx";
import { AccountPage } from "../features/account/AccountPage.tsx";
import { AddAuthenticatorPage } from "../features/account/AddAuthenticatorPage.tsx";
import { ChangePasswordPage } from "../features/account/ChangePasswordPage.tsx";
import { InviteUserPage } from "../features/admin/InviteUserPage.tsx";
import { UserPage } from "../features/admin/UserPage.tsx";
import { UsersPage } from "../features/admin/UsersPage.tsx";
import { EnrolmentPage } from "../features/auth/EnrolmentPage.tsx";
import { InvitationPage } from "../features/auth/InvitationPage.tsx";
import { SecondFactorPage } from "../features/auth/SecondFactorPage.tsx";
import { SignedOutPage } from "../features/auth/SignedOutPage.tsx";
import { SessionExpiryWarning } from "../features/auth/SessionExpiryWarning.tsx";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { HomePage } from "../features/home/HomePage.tsx";
import { Layout } from "../layout/Layout.tsx";
import { SignedInNavigation } from "../layout/SignedInNavigation.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { ConfirmationPage } from "../features/referrals/ConfirmationPage.tsx";
import { DraftRoutes } from "../features/referrals/DraftRoutes.tsx";
import { MyReferralsPage } from "../features/referrals/MyReferralsPage.tsx";
import { NewReferralPage } from "../features/referrals/NewReferralPage.tsx";
import { ReferralPage } from "../features/referrals/ReferralPage.tsx";

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
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
              { path: "referrals", element: <MyReferralsPage /> },
              { path: "referrals/new", element: <NewReferralPage /> },
              { path: "referrals/drafts/:draftId/*", element: <DraftRoutes /> },
              { path: "referrals/:id/sent", element: <ConfirmationPage /> },
              { path: "referrals/:id", element: <ReferralPage /> },
            ].map((route) => (
              <Route
                key={route.path}
                path={route.path}
                element={<RequireAuth roles={["REFERRER"]}>{route.element}</RequireAuth>}
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
