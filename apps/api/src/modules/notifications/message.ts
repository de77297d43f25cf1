import type { NotificationKind } from "../../generated/prisma/enums.ts";
import { NOTIFICATION_KIND_LABELS } from "./kinds.ts";

/** What an email may say about one event: never the child's name, address or any free text. */
export interface MessageItem {
  readonly kind: NotificationKind;
  readonly reference: string | null;
  readonly teamName: string | null;
  /** Absolute link into the service (the referral, the transfer inbox, a one-time link). */
  readonly link: string;
}

const FOOTER =
  "This email holds no details of the child. Sign in to see them.\n" +
  "You can choose which of these emails you receive under Your account, Email notifications.";

/** Where an event's link points, relative to the service's address. */
export function linkPathFor(kind: NotificationKind, referralId: string | null): string {
  if (kind === "TRANSFER_REQUESTED") return "/transfers";
  return referralId ? `/referrals/${referralId}` : "/";
}

function describe(item: MessageItem): string {
  const about = [item.reference ? `Referral ${item.reference}` : null, item.teamName ? `Team: ${item.teamName}` : null]
    .filter((part): part is string => part !== null)
    .join("\n");
  return [NOTIFICATION_KIND_LABELS[item.kind], about, item.link].filter(Boolean).join("\n");
}

/** One email for one or several events (a burst for one person within the coalescing window). */
export function composeMessage(items: readonly MessageItem[]): { subject: string; text: string } {
  const [only] = items;
  const subject =
    items.length === 1 && only
      ? `${NOTIFICATION_KIND_LABELS[only.kind]}${only.reference ? `: ${only.reference}` : ""}`
      : `${items.length} updates from the CSE Referral Hub`;
  const body = items.map(describe).join("\n\n");
  return { subject, text: `${body}\n\n--\n${FOOTER}\n` };
}
