import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const readingEnvironment = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration through apps/api/src/config.ts, the only reader of process.env.",
};

export default tseslint.config(
  {
    ignores: ["**/node_modules/**", "**/dist/**", "apps/api/src/generated/**", ".data/**", "coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "no-console": "error",
      "no-restricted-syntax": ["error", readingEnvironment],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-floating-promises": "error",
      // Fastify plugins, hooks and handlers are async by contract, awaiting or not.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Configuration, tooling and tests may read the environment directly.
    files: [
      "apps/api/src/config.ts",
      "apps/api/scripts/**",
      // Runs a development CLI, handing it this process's environment.
      "apps/api/src/db/schema-ddl.ts",
      "apps/api/src/testing/**",
      "**/*.test.ts",
      "**/vite.config.ts",
      "**/vitest.config.ts",
      "scripts/**",
      "apps/e2e/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Tests read JSON responses, which are untyped by nature; the assertions are the types.
    files: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
