// Prints the current sign-in code for a TOTP secret, for trying the demo accounts without
// an authenticator app:   pnpm totp <base32 secret>
import { generate } from "otplib";

const secret = process.argv[2] ?? "";
if (!/^[A-Z2-7]{26,}=*$/i.test(secret)) {
  process.stderr.write("Usage: pnpm totp <base32 secret printed when the demo data was seeded>\n");
  process.exit(2);
}
process.stdout.write(`${await generate({ secret: secret.toUpperCase() })}\n`);
