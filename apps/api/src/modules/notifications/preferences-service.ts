import type { NotificationPreferences, UpdateNotificationPreferences } from "@cse/contracts/notifications";
import type { Database } from "../../db/client.ts";
import { ValidationFailed } from "../../errors.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { choosableKinds, isLockedOn } from "./kinds.ts";

/** Which kinds of event reach each person by email. A kind without a row is on. */
export function createNotificationPreferences({ db }: { db: Database }) {
  async function read(user: AuthenticatedUser, emailEnabled: boolean): Promise<NotificationPreferences> {
    const rows = await db.notificationPreference.findMany({ where: { userId: user.id } });
    const chosen = new Map(rows.map((row) => [row.kind, row.email]));
    return {
      emailEnabled,
      preferences: choosableKinds(user.role).map((kind) => {
        const locked = isLockedOn(user.role, kind);
        return { kind, locked, email: locked || (chosen.get(kind) ?? true) };
      }),
    };
  }

  return {
    read,

    async update(
      user: AuthenticatedUser,
      change: UpdateNotificationPreferences,
      emailEnabled: boolean,
    ): Promise<NotificationPreferences> {
      const choosable = choosableKinds(user.role);
      const problems = change.preferences.flatMap((preference, index) => {
        if (!choosable.includes(preference.kind))
          return [{ path: `preferences.${index}.kind`, message: "You do not receive this kind of email" }];
        if (!preference.email && isLockedOn(user.role, preference.kind))
          return [{ path: `preferences.${index}.email`, message: "A team's lead cannot switch this off" }];
        return [];
      });
      if (problems.length > 0) throw new ValidationFailed(problems);
      await db.$transaction(
        change.preferences.map((preference) =>
          db.notificationPreference.upsert({
            where: { userId_kind: { userId: user.id, kind: preference.kind } },
            create: { userId: user.id, kind: preference.kind, email: preference.email },
            update: { email: preference.email },
          }),
        ),
      );
      return read(user, emailEnabled);
    },
  };
}

export type NotificationPreferenceService = ReturnType<typeof createNotificationPreferences>;
