import type { FastifyInstance, InjectOptions } from "fastify";
import { generate } from "otplib";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type InjectResponse = Awaited<ReturnType<FastifyInstance["inject"]>>;

export interface RequestOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Send the CSRF token on a state-changing request (default: yes). */
  readonly csrf?: boolean;
}

/**
 * A browser-like client for `app.inject`: it keeps cookies between requests and sends the
 * CSRF token on state-changing requests, as the web app does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(method: Method, url: string, options: RequestOptions = {}): Promise<InjectResponse> {
    const unsafe = method !== "GET";
    if (unsafe && options.csrf !== false && this.csrfToken === undefined) await this.refreshCsrfToken();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader;
    if (unsafe && options.csrf !== false && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    const injection: InjectOptions = { method, url, headers };
    if (options.body !== undefined) injection.payload = options.body as InjectOptions["payload"];
    const response = await this.app.inject(injection);
    this.keepCookies(response);
    const body = String(response.headers["content-type"] ?? "").includes("json")
      ? response.json<{ csrfToken?: unknown }>()
      : null;
    if (body && typeof body.csrfToken === "string") this.csrfToken = body.csrfToken;
    return response;
  }

  get = (url: string, options?: RequestOptions) => this.request("GET", url, options);
  post = (url: string, body?: unknown, options?: RequestOptions) => this.request("POST", url, { ...options, body });
  patch = (url: string, body?: unknown, options?: RequestOptions) => this.request("PATCH", url, { ...options, body });
  put = (url: string, body?: unknown, options?: RequestOptions) => this.request("PUT", url, { ...options, body });
  delete = (url: string, options?: RequestOptions) => this.request("DELETE", url, options);

  async refreshCsrfToken(): Promise<string> {
    const response = await this.get("/api/auth/csrf");
    this.csrfToken = response.json<{ token: string }>().token;
    return this.csrfToken;
  }

  forgetCsrfToken(): void {
    this.csrfToken = undefined;
  }

  /** Signs in, answering the second-factor challenge from the TOTP secret when one comes. */
  async signIn(email: string, password: string, totpSecret?: string): Promise<InjectResponse> {
    const response = await this.post("/api/auth/login", { email, password });
    const body = response.json<{ status?: string }>();
    if (body.status === "second-factor-required" && totpSecret) {
      return this.post("/api/auth/second-factor", { code: await generate({ secret: totpSecret }) });
    }
    return response;
  }

  private keepCookies(response: InjectResponse): void {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired =
        cookie.value === "" || (cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.maxAge === 0;
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}
