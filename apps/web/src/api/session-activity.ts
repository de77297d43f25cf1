type SessionListener = (idleExpiresAt: string | null) => void;

const listeners = new Set<SessionListener>();

/** Told on every API response when the session will end unless the user does something. */
export function onSessionActivity(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSessionActivity(response: Response): void {
  const idleExpiresAt = response.headers.get("x-session-idle-expires-at");
  listeners.forEach((listener) => listener(idleExpiresAt));
}
