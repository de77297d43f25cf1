// Creates the first administrator of a new deployment, as an invitation: the command prints
// a one-time link to set the password. Refused once any administrator exists.
//   pnpm --filter @cse/api admin:create <email> "<full name>" "<organisation name>"
import { emailSchema } from "@cse/contracts";
import { loadConfig } from "../../config.ts";
import { migrateDatabase } from "../../startup/database.ts";
import { createAuditService } from "../../modules/audit/service.ts";
import { invitationPath, newInvitationToken } from "../../modules/users/invitation-token.ts";
import { createDatabaseClient } from "../client.ts";

const [emailInput, displayName, organisationName] = process.argv.slice(2);
const email = emailSchema.safeParse(emailInput ?? "");
if (!email.success || !displayName || !organisationName) {
  process.stderr.write('Usage: pnpm --filter @cse/api admin:create <email> "<full name>" "<organisation name>"\n');
  process.exit(2);
}
const config = loadConfig();
if (!config.databaseUrl) {
  process.stderr.write("Set DATABASE_URL to the database of the deployment.\n");
  process.exit(2);
}
await migrateDatabase({ url: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl });
const db = createDatabaseClient({ url: config.databaseUrl, maxConnections: 1 });
const audit = createAuditService(db);
try {
  const link = await db.$transaction(async (tx) => {
    if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) {
      throw new Error("An administrator already exists: invite further ones from the service.");
    }
    const organisation = await tx.organisation.upsert({
      where: { name: organisationName },
      create: { name: organisationName, agency: "SOCIAL_CARE" },
      update: {},
    });
    const user = await tx.user.create({
      data: { email: email.data, displayName, role: "ADMIN", status: "INVITED", organisationId: organisation.id },
    });
    const { token, tokenHash } = newInvitationToken();
    await tx.invitation.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(Date.now() + config.invitationValidMs),
        createdById: user.id,
      },
    });
    await audit.record(tx, { actor: null, action: "user.bootstrap-admin", entityType: "User", entityId: user.id });
    return invitationPath(token);
  });
  process.stdout.write(`Administrator invited. Open this link on the service to set the password:\n  ${link}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
