import type { Draft, ReferralDraftContent } from "@cse/contracts";
import { api } from "../../api/client.ts";
import { ApiError, NetworkError } from "../../api/errors.ts";

export type SaveState =
  | { readonly kind: "saved"; readonly at: Date | null }
  | { readonly kind: "saving" }
  | { readonly kind: "pending" }
  /** The network is down or the server failed: the changes are held here and retried. */
  | { readonly kind: "retrying"; readonly attempt: number; readonly nextAttemptAt: Date }
  /** Saved elsewhere since we loaded it: we must not overwrite that. */
  | { readonly kind: "conflict" }
  /** The server refused the content (too long, say): kept here, and saved once it is fixed. */
  | { readonly kind: "refused"; readonly message: string };

const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * Keeps one draft saved on the server. Changes are held in memory (never in browser
 * storage), sent a few seconds after typing stops or at once when asked, and retried with
 * backoff while the network is down. A save carries the version it was based on, so a
 * save from a stale window is refused rather than silently overwriting newer work.
 */
export class DraftSaver {
  private content: ReferralDraftContent;
  private version: number;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private state: SaveState = { kind: "saved", at: null };
  private readonly listeners = new Set<(state: SaveState) => void>();

  constructor(
    private readonly draftId: string,
    initial: Draft,
    private readonly debounceMs = 3_000,
  ) {
    this.content = initial.content;
    this.version = initial.version;
  }

  get current(): ReferralDraftContent {
    return this.content;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Records a change; it is sent once typing pauses. */
  update(content: ReferralDraftContent): void {
    this.content = content;
    this.dirty = true;
    if (this.state.kind === "conflict") return;
    if (this.state.kind !== "retrying" && this.state.kind !== "refused") this.setState({ kind: "pending" });
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Sends any unsaved change now; resolves when the server has it (or it is queued for retry). */
  async flush(): Promise<boolean> {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
    if (this.inFlight) await this.inFlight;
    if (!this.dirty || this.state.kind === "conflict") return !this.dirty;
    this.inFlight = this.send();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    return !this.dirty;
  }

  dispose(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.retry) clearTimeout(this.retry);
    this.listeners.clear();
  }

  private async send(): Promise<void> {
    const content = this.content;
    this.dirty = false;
    this.setState({ kind: "saving" });
    try {
      const saved = await api.put<Draft>(`/api/drafts/${this.draftId}`, { content, version: this.version });
      this.version = saved.version;
      this.attempt = 0;
      this.setState(this.dirty ? { kind: "pending" } : { kind: "saved", at: new Date() });
      if (this.dirty) this.update(this.content);
    } catch (error) {
      this.dirty = true;
      if (error instanceof ApiError && error.status === 409) {
        this.setState({ kind: "conflict" });
        return;
      }
      if (error instanceof NetworkError || (error instanceof ApiError && error.status >= 500)) {
        this.scheduleRetry();
        return;
      }
      const problem =
        error instanceof ApiError
          ? (error.errors?.[0]?.message ?? error.detail ?? error.title)
          : "The draft could not be saved.";
      this.setState({ kind: "refused", message: problem });
    }
  }

  private scheduleRetry(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)]!;
    this.attempt += 1;
    this.setState({ kind: "retrying", attempt: this.attempt, nextAttemptAt: new Date(Date.now() + delay) });
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.flush(), delay);
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.listeners.forEach((listener) => listener(state));
  }
}
