import type { Transaction } from "../../db/client.ts";
import type { NotificationKind } from "../../generated/prisma/enums.ts";
import { ALWAYS_SENT_KINDS, isLockedOn } from "./kinds.ts";

export interface NotificationEvent {
  readonly kind: NotificationKind;
  /** Names the event, the same however many times it is recorded ("overdue:<referralId>"). */
  readonly eventKey: string;
  readonly recipientIds: readonly string[];
  readonly referralId?: string;
  /** The team the event is about: its lead cannot switch off RED and escalations. */
  readonly teamId?: string;
  /** Not before this instant (a digest slot); at once by default. */
  readonly deliverAfter?: Date;
  /** A one-time link, sealed with the application key. */
  readonly sealedLink?: string;
}

/**
 * The outbox's only writer. Called inside the transaction of the change that causes the event,
 * so an event exists exactly when its change committed; the unique (eventKey, recipientId) key
 * makes a second recording (another instance, a retried job) change nothing.
 */
export function createOutbox({ emailEnabled }: { emailEnabled: boolean }) {
  return {
    emailEnabled,
    /** Writes one row per recipient who wants this kind by email; returns how many are new. */
    async record(tx: Transaction, event: NotificationEvent, now: Date): Promise<number> {
      // With email off nothing would ever send them: in-app alerts are the only channel.
      if (!emailEnabled || event.recipientIds.length === 0) return 0;
      const alwaysSent = ALWAYS_SENT_KINDS.includes(event.kind);
      const people = await tx.user.findMany({
        where: {
          id: { in: [...event.recipientIds] },
          // A disabled account is never notified; an invited one only of its own invitation.
          status: alwaysSent ? { not: "DISABLED" } : "ACTIVE",
        },
        select: { id: true, role: true, teamId: true, notificationPreferences: { where: { kind: event.kind } } },
      });
      const wanted = people.filter((person) => {
        if (alwaysSent) return true;
        if (isLockedOn(person.role, event.kind) && person.teamId === event.teamId) return true;
        return person.notificationPreferences[0]?.email !== false;
      });
      if (wanted.length === 0) return 0;
      const deliverAfter = event.deliverAfter && event.deliverAfter > now ? event.deliverAfter : now;
      const created = await tx.notification.createMany({
        data: wanted.map((person) => ({
          eventKey: event.eventKey,
          recipientId: person.id,
          kind: event.kind,
          referralId: event.referralId ?? null,
          teamId: event.teamId ?? null,
          sealedLink: event.sealedLink ?? null,
          createdAt: now,
          nextAttemptAt: deliverAfter,
        })),
        skipDuplicates: true,
      });
      return created.count;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
