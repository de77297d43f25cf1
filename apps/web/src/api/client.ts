import { ApiError, NetworkError, isCsrfFailure } from "./errors.ts";
import { problemToError } from "./problem.ts";
import { reportSessionActivity } from "./session-activity.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// Held in memory only: no token or personal data ever goes into browser storage.
let csrfToken: Promise<string> | null = null;

/** Forgets everything the client holds; called at sign-out. */
export function clearClientState(): void {
  csrfToken = null;
}

function currentCsrfToken(): Promise<string> {
  csrfToken ??= send<{ token: string }>("GET", "/api/auth/csrf").then(
    ({ token }) => token,
    (error: unknown) => {
      csrfToken = null;
      throw error;
    },
  );
  return csrfToken;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  if (!/[/+]json\b/.test(type)) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

async function send<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...extraHeaders };
  // A file goes as it is (the postcode directory's CSV is too large for JSON); all else is JSON.
  const file = body instanceof Blob;
  if (body !== undefined) headers["content-type"] = file ? "text/csv" : "application/json";
  if (method !== "GET") headers["x-csrf-token"] = await currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : file ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new NetworkError();
  }
  reportSessionActivity(response);
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (!response.ok) throw problemToError(response.status, payload);
  if (payload === undefined) {
    // Something other than the API answered (a static server's index.html, say): treat it as
    // a bad gateway rather than hand the page a value it cannot use.
    throw new ApiError({ status: 502, title: "The service gave an answer that could not be read" });
  }
  // Signing in starts a new session, which hands out a new token with its answer.
  if (
    typeof payload === "object" &&
    payload !== null &&
    "csrfToken" in payload &&
    typeof payload.csrfToken === "string"
  ) {
    csrfToken = Promise.resolve(payload.csrfToken);
  }
  return payload as T;
}

async function request<T>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
  try {
    return await send<T>(method, path, body, headers);
  } catch (error) {
    // The session behind the token may have ended and started again: fetch a new one, once.
    if (!isCsrfFailure(error)) throw error;
    csrfToken = null;
    return send<T>(method, path, body, headers);
  }
}

async function sendForFile(path: string, body: unknown): Promise<{ blob: Blob; headers: Headers }> {
  const headers = { accept: "text/csv, application/problem+json", "content-type": "application/json" };
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { ...headers, "x-csrf-token": await currentCsrfToken() },
      body: JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new NetworkError();
  }
  reportSessionActivity(response);
  if (!response.ok) throw problemToError(response.status, await readJson(response));
  return { blob: await response.blob(), headers: response.headers };
}

/** A POST whose answer is a file to save (an export), with the same CSRF handling as the rest. */
export async function postForFile(path: string, body: unknown): Promise<{ blob: Blob; headers: Headers }> {
  try {
    return await sendForFile(path, body);
  } catch (error) {
    if (!isCsrfFailure(error)) throw error;
    csrfToken = null;
    return sendForFile(path, body);
  }
}

/** JSON in and out of the API, with the session cookie and, on changes, the CSRF token. */
export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>("POST", path, body, headers),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
  /** A CSV file as the request body, unchanged. */
  upload: <T>(path: string, file: Blob) => request<T>("POST", path, file),
};
