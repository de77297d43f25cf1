import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  css: {
    // govuk-frontend keeps old Internet Explorer hacks that lightningcss would otherwise reject.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: {
        // govuk-frontend's own deprecation notices about Sass features, not about our code.
        quietDeps: true,
        silenceDeprecations: ["mixed-decls", "import", "global-builtin", "if-function"],
      },
    },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    // The app is served with a strict CSP; no inline script may be emitted.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
