import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { govukAssets } from "./vite/govuk-assets.ts";
import { noEval } from "./vite/no-eval.ts";
import { precompress } from "./vite/precompress.ts";

export default defineConfig({
  plugins: [react(), govukAssets(), noEval(), precompress()],
  css: {
    // govuk-frontend keeps old Internet Explorer hacks that lightningcss would otherwise reject.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: {
        // govuk-frontend's own deprecation notices about Sass features, not about our code.
        quietDeps: true,
        silenceDeprecations: ["import", "global-builtin", "if-function"],
      },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    // Lets scripts/journey-size.mjs find which chunks each page needs.
    manifest: true,
    // The app is served with a strict CSP: no inline script, and no assets inlined as data: URIs.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      // govuk-frontend's CSS points at /assets/images/...: the govukAssets plugin puts those
      // files there, so the bundler should leave the URLs alone rather than warn about them.
      external: [/^\/assets\/(?:fonts|images)\//],
    },
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
