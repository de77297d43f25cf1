import { randomBytes } from "node:crypto";
import { rolesRequiringSecondFactor } from "@cse/contracts";
import QRCode from "qrcode";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/client.ts";
import { Conflict, TooManyAttempts, Unauthenticated, ValidationFailed } from "../../errors.ts";
import type { SecretBox } from "../../security/encryption.ts";
import { sha256Hex } from "../../security/hashing.ts";
import type { RequestContext } from "../../services/context.ts";
import type { AuditService } from "../audit/service.ts";
import { activeUser, userWithMembership, type AuthenticatedUser } from "../users/user-record.ts";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "./passwords.ts";
import { passwordProblem } from "./password-policy.ts";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes.ts";
import type { Throttle } from "./throttle.ts";
import { newTotpSecret, totpUri, verifyTotp } from "./totp.ts";

export type SignInOutcome =
  | { readonly kind: "signed-in"; readonly user: AuthenticatedUser }
  | { readonly kind: "second-factor-required"; readonly userId: string }
  | { readonly kind: "enrolment-required"; readonly userId: string };

export type SecondFactor = { readonly code: string } | { readonly recoveryCode: string };

interface AuthDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly throttle: Throttle;
  readonly secretBox: SecretBox;
  readonly config: Config;
}

const INCORRECT_CREDENTIALS = "Enter a correct email address and password";
const INCORRECT_CODE = "The code is not correct, or it has already been used. Enter the latest code from your app";

export function createAuthService({ db, audit, throttle, secretBox, config }: AuthDependencies) {
  // Checking a password against this when the account does not exist takes as long as a real
  // check, so response times do not reveal which email addresses have accounts.
  const decoyHash = hashPassword(randomBytes(16).toString("hex"));
  const lockoutMinutes = Math.round(config.signInLockoutMs / 60_000);

  async function loadActiveUser(userId: string): Promise<AuthenticatedUser | null> {
    return activeUser(await db.user.findUnique({ where: { id: userId }, include: userWithMembership }));
  }

  /**
   * Counts this attempt before it is checked, in one atomic statement, and refuses it once the
   * count passes the limit. Checking first and counting after let parallel guesses all slip
   * under the limit while the slow password hash ran. A success clears the count.
   */
  async function countAttempt(key: string, context: RequestContext, action: string, userId: string | null) {
    const attempt = await throttle.hit(key, config.signInLockoutMs);
    if (attempt.count > config.signInMaxFailures) {
      await audit.recordAlone({
        actor: null,
        action,
        outcome: "DENIED",
        entityType: "User",
        entityId: userId,
        requestId: context.requestId,
        details: { reason: "too-many-failures" },
      });
      throw new TooManyAttempts(
        attempt.resetAt,
        `There have been too many failed attempts. Wait ${lockoutMinutes} minutes, then try again.`,
      );
    }
    return attempt;
  }

  async function completeSignIn(userId: string, method: string, context: RequestContext): Promise<AuthenticatedUser> {
    await db.$transaction(async (tx) => {
      const user = await tx.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
      await audit.record(tx, {
        actor: { id: user.id, role: user.role },
        action: "auth.sign-in",
        entityType: "User",
        entityId: user.id,
        teamId: user.teamId,
        requestId: context.requestId,
        details: { secondFactor: method },
      });
    });
    const user = await loadActiveUser(userId);
    if (!user) throw new Unauthenticated(INCORRECT_CREDENTIALS);
    return user;
  }

  async function verifySecondFactor(userId: string, factor: SecondFactor, context: RequestContext): Promise<string> {
    const key = `second-factor:${userId}`;
    await countAttempt(key, context, "auth.second-factor", userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    let accepted = false;
    if ("code" in factor && user.totpSecret) {
      const step = await verifyTotp(secretBox.open(user.totpSecret), factor.code, {
        afterTimeStep: user.totpLastStep === null ? null : Number(user.totpLastStep),
      });
      // The conditional update is the replay guard: two requests with one code, one wins.
      accepted =
        step !== null &&
        (
          await db.user.updateMany({
            where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
            data: { totpLastStep: step },
          })
        ).count === 1;
    } else if ("recoveryCode" in factor) {
      accepted =
        (
          await db.recoveryCode.updateMany({
            where: { userId, codeHash: hashRecoveryCode(factor.recoveryCode), usedAt: null },
            data: { usedAt: new Date() },
          })
        ).count === 1;
    }
    if (!accepted) {
      await audit.recordAlone({
        actor: { id: user.id, role: user.role },
        action: "auth.second-factor",
        outcome: "DENIED",
        entityType: "User",
        entityId: user.id,
        requestId: context.requestId,
        details: { factor: "code" in factor ? "totp" : "recovery-code" },
      });
      throw new Unauthenticated(INCORRECT_CODE);
    }
    await throttle.clear(key);
    return "code" in factor ? "totp" : "recovery-code";
  }

  return {
    loadActiveUser,
    stepUpWindowMs: config.stepUpWindowMs,

    async signIn(
      input: { email: string; password: string; totp?: string | undefined },
      context: RequestContext,
    ): Promise<SignInOutcome> {
      const address = await throttle.hit(`sign-in:address:${sha256Hex(context.ipAddress)}`, config.signInLockoutMs);
      if (address.count > config.signInMaxPerAddress) {
        throw new TooManyAttempts(
          address.resetAt,
          "There have been too many attempts to sign in from this network. Try again later.",
          "rate-limited",
        );
      }
      // Keyed by the email address, not the account, so unknown addresses lock out just the same.
      const accountKey = `sign-in:account:${sha256Hex(input.email)}`;
      const row = await db.user.findUnique({ where: { email: input.email } });
      const attempt = await countAttempt(accountKey, context, "auth.sign-in", row?.id ?? null);

      const passwordMatches = row?.passwordHash
        ? await verifyPassword(row.passwordHash, input.password)
        : (await verifyPassword(await decoyHash, input.password), false);
      if (!row || !passwordMatches || row.status !== "ACTIVE") {
        await audit.recordAlone({
          actor: null,
          action: "auth.sign-in",
          outcome: "DENIED",
          entityType: "User",
          entityId: row?.id ?? null,
          requestId: context.requestId,
          details: {
            reason: row && passwordMatches ? `account-${row.status.toLowerCase()}` : "incorrect-credentials",
            failures: attempt.count,
          },
        });
        throw new Unauthenticated(INCORRECT_CREDENTIALS);
      }
      await throttle.clear(accountKey);
      if (passwordNeedsRehash(row.passwordHash!)) {
        await db.user.update({ where: { id: row.id }, data: { passwordHash: await hashPassword(input.password) } });
      }

      const needsSecondFactor = rolesRequiringSecondFactor.includes(row.role) || row.totpEnabledAt !== null;
      if (!needsSecondFactor) return { kind: "signed-in", user: await completeSignIn(row.id, "none", context) };
      if (row.totpEnabledAt === null) return { kind: "enrolment-required", userId: row.id };
      if (input.totp === undefined) return { kind: "second-factor-required", userId: row.id };
      const method = await verifySecondFactor(row.id, { code: input.totp }, context);
      return { kind: "signed-in", user: await completeSignIn(row.id, method, context) };
    },

    async completeSecondFactor(userId: string, factor: SecondFactor, context: RequestContext) {
      const method = await verifySecondFactor(userId, factor, context);
      return completeSignIn(userId, method, context);
    },

    /** A fresh secret for the user's app; sealed, so it can wait in the session until confirmed. */
    async beginEnrolment(email: string) {
      const secret = newTotpSecret();
      const otpauthUri = totpUri(secret, email);
      const svg = await QRCode.toString(otpauthUri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return {
        secret,
        otpauthUri,
        qrCodeDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
        sealedSecret: secretBox.seal(secret),
      };
    },

    async completeEnrolment(userId: string, sealedSecret: string, code: string, context: RequestContext) {
      const key = `second-factor:${userId}`;
      await countAttempt(key, context, "auth.second-factor.enrol", userId);
      const step = await verifyTotp(secretBox.open(sealedSecret), code);
      if (step === null) {
        throw new ValidationFailed([{ path: "code", message: INCORRECT_CODE }]);
      }
      await throttle.clear(key);
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      await db.$transaction(async (tx) => {
        const user = await tx.user.update({
          where: { id: userId },
          data: { totpSecret: sealedSecret, totpEnabledAt: new Date(), totpLastStep: step },
        });
        await tx.recoveryCode.deleteMany({ where: { userId } });
        await tx.recoveryCode.createMany({
          data: recoveryCodes.map((recoveryCode) => ({ userId, codeHash: hashRecoveryCode(recoveryCode) })),
        });
        await audit.record(tx, {
          actor: { id: user.id, role: user.role },
          action: "auth.second-factor.enrol",
          entityType: "User",
          entityId: user.id,
          requestId: context.requestId,
        });
      });
      return recoveryCodes;
    },

    completeSignIn,

    async changePassword(
      user: AuthenticatedUser,
      input: { currentPassword: string; newPassword: string },
      keepSessionId: string,
      context: RequestContext,
    ): Promise<void> {
      const key = `password-change:${user.id}`;
      await countAttempt(key, context, "auth.password.change", user.id);
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
        throw new ValidationFailed([{ path: "currentPassword", message: "Your current password is not correct" }]);
      }
      await throttle.clear(key);
      const problem = passwordProblem(input.newPassword, { email: row.email, displayName: row.displayName });
      if (problem) throw new ValidationFailed([{ path: "newPassword", message: problem }]);
      if (await verifyPassword(row.passwordHash, input.newPassword)) {
        throw new ValidationFailed([
          { path: "newPassword", message: "Your new password must be different from your current password" },
        ]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
        // Anyone else holding a session for this account loses it now.
        await tx.session.deleteMany({ where: { userId: user.id, id: { not: keepSessionId } } });
        await audit.record(tx, {
          actor: user,
          action: "auth.password.change",
          entityType: "User",
          entityId: user.id,
          requestId: context.requestId,
        });
      });
    },

    /**
     * Proves the second factor again for a signed-in user (step-up), before an action that
     * needs it. The same lockout and replay guard as signing in apply; a wrong code is a
     * problem with the field, not the end of the session.
     */
    async stepUp(user: AuthenticatedUser, code: string, context: RequestContext): Promise<void> {
      if (!user.secondFactorEnabled) throw new Conflict("Add an authenticator app to your account first.");
      try {
        await verifySecondFactor(user.id, { code }, context);
      } catch (error) {
        if (error instanceof Unauthenticated) throw new ValidationFailed([{ path: "code", message: INCORRECT_CODE }]);
        throw error;
      }
      await audit.recordAlone({
        actor: user,
        action: "auth.step-up",
        entityType: "User",
        entityId: user.id,
        teamId: user.team?.id ?? null,
        requestId: context.requestId,
      });
    },

    async recordSignOut(user: AuthenticatedUser, context: RequestContext): Promise<void> {
      await audit.recordAlone({
        actor: user,
        action: "auth.sign-out",
        entityType: "User",
        entityId: user.id,
        requestId: context.requestId,
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
