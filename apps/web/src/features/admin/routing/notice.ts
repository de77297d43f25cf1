/** The message a page passes on with navigate(..., { state: { notice } }), if any. */
export function noticeFrom(state: unknown): string | null {
  return typeof state === "object" && state !== null && "notice" in state && typeof state.notice === "string"
    ? state.notice
    : null;
}
