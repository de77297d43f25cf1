import { generate } from "otplib";

/** A minimal cookie-keeping client for benchmarks: one per simulated browser. */
export class BenchClient {
  /** Cookie name -> value: the session and the CSRF secret arrive as separate cookies. */
  private readonly cookies = new Map<string, string>();
  private csrfToken = "";

  constructor(private readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookies.size > 0 ? { cookie: this.cookieHeader } : {}),
        ...(method === "GET" ? {} : { "x-csrf-token": this.csrfToken }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ""] = setCookie.split(";");
      const split = pair.indexOf("=");
      this.cookies.set(pair.slice(0, split), pair.slice(split + 1));
    }
    const json: unknown = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    const token =
      (json as { csrfToken?: string; token?: string } | null)?.csrfToken ??
      (path === "/api/auth/csrf" ? (json as { token?: string } | null)?.token : undefined);
    if (token) this.csrfToken = token;
    return { status: response.status, json };
  }

  /** Signs in, answering the second-factor challenge when the account has an authenticator. */
  async signIn(email: string, password: string, totpSecret?: string): Promise<void> {
    await this.request("GET", "/api/auth/csrf");
    const { status, json } = await this.request("POST", "/api/auth/login", { email, password });
    if (status !== 200) throw new Error(`sign-in failed: ${status}`);
    if ((json as { status?: string }).status !== "second-factor-required") return;
    if (!totpSecret) throw new Error("sign-in needs a second factor");
    const second = await this.request("POST", "/api/auth/second-factor", {
      code: await generate({ secret: totpSecret }),
    });
    if (second.status !== 200) throw new Error(`second factor failed: ${second.status}`);
  }

  /** The session cookie, for load generators that send it themselves. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Runs `task` from `concurrency` workers until `total` have run or `durationMs` passes. */
export async function drive(
  concurrency: number,
  limit: { total?: number; durationMs?: number },
  task: (worker: number, index: number) => Promise<void>,
) {
  let started = 0;
  let completed = 0;
  const deadline = limit.durationMs ? performance.now() + limit.durationMs : Infinity;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while ((limit.total === undefined || started < limit.total) && performance.now() < deadline) {
        const index = (started += 1) - 1;
        await task(worker, index);
        completed += 1;
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  return { completed, seconds, perSecond: completed / seconds };
}
