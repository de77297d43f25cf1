import { ApiError, NetworkError } from "./errors.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// Held in memory only: no token or personal data ever goes into browser storage.
let csrfToken: string | null = null;

type SessionListener = (idleExpiresAt: string | null) => void;
const sessionListeners = new Set<SessionListener>();

/** Told on every response when the session will end unless the user does something. */
export function onSessionActivity(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Forgets everything the client holds; called at sign-out. */
export function clearClientState(): void {
  csrfToken = null;
}

async function fetchCsrfToken(): Promise<string> {
  const { token } = await send<{ token: string }>("GET", "/api/auth/csrf");
  csrfToken = token;
  return token;
}

async function send<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const requestHeaders: Record<string, string> = { accept: "application/json", ...headers };
  if (body !== undefined) requestHeaders["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) requestHeaders["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new NetworkError();
  }
  const idleExpiresAt = response.headers.get("x-session-idle-expires-at");
  sessionListeners.forEach((listener) => listener(idleExpiresAt));
  if (response.status === 204) return undefined as T;
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    if (!response.ok) throw new ApiError({ status: response.status });
  }
  if (!response.ok) throw new ApiError({ status: response.status, ...(payload as object) });
  const token = (payload as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === "string") csrfToken = token;
  return payload as T;
}

async function request<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  if (method !== "GET" && !csrfToken) await fetchCsrfToken();
  try {
    return await send<T>(method, path, body, headers);
  } catch (error) {
    // The session behind the token may have ended and started again: fetch a new one, once.
    if (error instanceof ApiError && error.code === "csrf") {
      await fetchCsrfToken();
      return send<T>(method, path, body, headers);
    }
    throw error;
  }
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>("POST", path, body, headers),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};
