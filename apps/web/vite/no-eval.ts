import type { Plugin } from "vite";

/** lodash's way of finding the global object when neither `global` nor `self` is there. */
const GLOBAL_PROBE = /Function\(\s*(['"`])return this\1\s*\)\(\)/g;

/**
 * The app is served with a CSP that refuses eval. Cytoscape bundles lodash, whose global probe
 * ends in Function("return this")(): never reached in a browser window (`self` is there), but
 * code the CSP would refuse should not ship at all. It becomes `globalThis`, which every browser
 * the service supports has; the build fails if any other use of Function or eval is left in a
 * chunk, so a new one is found here rather than as a CSP report in production.
 */
export function noEval(): Plugin {
  return {
    name: "cse:no-eval",
    apply: "build",
    transform(code, id) {
      if (!id.includes("node_modules") || !GLOBAL_PROBE.test(code)) return null;
      GLOBAL_PROBE.lastIndex = 0;
      return { code: code.replace(GLOBAL_PROBE, "globalThis"), map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const found = /\bnew Function\s*\(|[^.\w]Function\s*\(\s*['"`]|\beval\s*\(/.exec(chunk.code);
        if (found) {
          this.error(
            `${chunk.fileName} would need eval, which the CSP refuses: "${chunk.code.slice(found.index, found.index + 60)}"`,
          );
        }
      }
    },
  };
}
