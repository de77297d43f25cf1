import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { startTestServer } from "@cse/api/testing/server";
import { generateSecret } from "otplib";
import type { TestProject } from "vitest/node";

export interface E2eContext {
  readonly baseUrl: string;
  readonly demoPassword: string;
  readonly demoTotpSecret: string;
  readonly databaseUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject) {
  // Always test the web app as it is now, not a build left over from earlier.
  execFileSync(
    process.execPath,
    [join(import.meta.dirname, "../../web/node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"],
    {
      cwd: join(import.meta.dirname, "../../web"),
      stdio: "inherit",
    },
  );
  const demo = { password: "e2e-demo-password-not-secret", totpSecret: generateSecret() };
  const server = await startTestServer(demo);
  project.provide("e2e", {
    baseUrl: server.url,
    demoPassword: demo.password,
    demoTotpSecret: demo.totpSecret,
    databaseUrl: server.databaseUrl,
  });
  return () => server.stop();
}
