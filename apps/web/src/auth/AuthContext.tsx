import type { CurrentSession, CurrentUser, SessionTimes } from "@cse/contracts";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { api, clearClientState } from "../api/client.ts";
import { onSessionActivity } from "../api/session-activity.ts";

type AuthState =
  | { readonly status: "loading" }
  | { readonly status: "signed-out"; readonly reason?: "expired" | "signed-out" }
  | { readonly status: "signed-in"; readonly user: CurrentUser; readonly session: SessionTimes };

interface AuthContextValue {
  readonly state: AuthState;
  readonly signedIn: (user: CurrentUser, session: SessionTimes) => void;
  readonly signOut: (reason?: "expired" | "signed-out") => Promise<void>;
  readonly refresh: () => Promise<void>;
}

function stateOf(current: CurrentSession): AuthState {
  return current.user && current.session
    ? { status: "signed-in", user: current.user, session: current.session }
    : { status: "signed-out" };
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  const refresh = useCallback(async () => {
    setState(stateOf(await api.get<CurrentSession>("/api/auth/session")));
  }, []);

  useEffect(() => {
    // Only the first answer: if the person signed in (or out) while this check was on its way,
    // its answer is older than what they did, and would sign them out of the page they are on.
    const unlessDecided = (next: AuthState) => setState((current) => (current.status === "loading" ? next : current));
    api.get<CurrentSession>("/api/auth/session").then(
      (current) => unlessDecided(stateOf(current)),
      () => unlessDecided({ status: "signed-out" }),
    );
  }, []);

  // Every API response says when the session will end; keep the warning timer honest.
  useEffect(
    () =>
      onSessionActivity((idleExpiresAt) => {
        setState((current) =>
          current.status === "signed-in" && idleExpiresAt && idleExpiresAt !== current.session.idleExpiresAt
            ? { ...current, session: { ...current.session, idleExpiresAt } }
            : current,
        );
      }),
    [],
  );

  const signedIn = useCallback((user: CurrentUser, session: SessionTimes) => {
    setState({ status: "signed-in", user, session });
  }, []);

  const navigate = useNavigate();
  const signOut = useCallback(
    async (reason: "expired" | "signed-out" = "signed-out") => {
      // Leave the page first: a page that needs a signed-in user would otherwise redirect to
      // sign-in the moment the state changes.
      await navigate(reason === "expired" ? "/signed-out?reason=expired" : "/signed-out", { replace: true });
      try {
        await api.post("/api/auth/logout");
      } catch {
        // Signing out locally matters more than telling a server that may be unreachable.
      }
      clearClientState();
      setState({ status: "signed-out", reason });
    },
    [navigate],
  );

  const value = useMemo(() => ({ state, signedIn, signOut, refresh }), [state, signedIn, signOut, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error("useAuth must be used inside AuthProvider");
  return context;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { state } = useAuth();
  if (state.status !== "signed-in") throw new Error("useCurrentUser needs a signed-in user");
  return state.user;
}
