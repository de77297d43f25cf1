// The browser tests drive a real Chromium. Playwright cannot download its own browser on
// our machines, so we use the system's. On a Debian or Ubuntu machine where we are root and
// it is missing, install it (that is what a fresh CI machine looks like); otherwise say how.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];
const found = candidates.find((path) => path && existsSync(path));
if (found) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
if (!canInstall) {
  process.stderr.write(
    "The browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)\n" +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.\n",
  );
  process.exit(1);
}
process.stdout.write("Installing Chromium for the browser tests (apt-get install chromium)...\n");
const apt = (args) =>
  execFileSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
apt(["update", "-qq"]);
apt(["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
process.stdout.write("Chromium installed.\n");
