import { unreadAlertCountSchema } from "@cse/contracts";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useLocation } from "react-router";
import { parsedApi } from "../../api/parsed.ts";
import { useAuth } from "../../auth/AuthContext.tsx";

interface Alerts {
  /** Unread alerts, or null before the first answer (and for roles that get none). */
  readonly unread: number | null;
  readonly refresh: () => void;
}

const AlertsContext = createContext<Alerts>({ unread: null, refresh: () => undefined });

/** How often the header asks again while the page stays open. */
const POLL_MS = 60_000;

/**
 * The unread count for the header, asked for on every navigation, after every action and once a
 * minute. The request it uses is passive on the server: it never pushes the session's idle
 * expiry on, so polling cannot keep an idle session alive past its timeout.
 */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const receivesAlerts = state.status === "signed-in" && state.user.role !== "ADMIN";
  const userId = state.status === "signed-in" ? state.user.id : null;
  const { pathname } = useLocation();
  const [counted, setCounted] = useState<{ userId: string; unread: number } | null>(null);
  const [requests, setRequests] = useState(0);

  useEffect(() => {
    if (!receivesAlerts || userId === null) return;
    let current = true;
    const ask = () =>
      parsedApi.get(unreadAlertCountSchema, "/api/alerts/unread-count").then(
        (count) => {
          if (current) setCounted({ userId, unread: count.unread });
        },
        // The count is a convenience; the alerts page says what went wrong if it matters.
        () => undefined,
      );
    void ask();
    const timer = window.setInterval(() => void ask(), POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [receivesAlerts, userId, pathname, requests]);

  const refresh = useCallback(() => setRequests((count) => count + 1), []);
  // A count fetched for someone else (before a sign-out and in) is never shown.
  const unread = receivesAlerts && counted?.userId === userId ? counted.unread : null;
  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): Alerts {
  return useContext(AlertsContext);
}
