import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate`; migrations run through our own runner
// (src/db/migrate.ts) because Prisma's migrate needs a native engine we cannot download.
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
