import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../../db/client.ts";
import { createSecretBox } from "../../security/encryption.ts";
import type { Clock } from "../../services/clock.ts";
import { TEST_SECRETS } from "../../testing/app.ts";
import { createAlertService } from "../alerts/service.ts";
import { createDeadlineWatch } from "./deadlines.ts";
import { createNotificationDelivery, type DeliverySettings } from "./delivery.ts";
import { createFileMailer, type Mailer } from "./mailer.ts";
import { createOutbox } from "./outbox.ts";

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * An .eml file as a person would read it: headers, and the body decoded from quoted-printable
 * (whose soft line breaks could split a canary value) or base64 (which would hide one).
 */
export function readableEmail(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return `${headers}\n\n${Buffer.from(body, "base64").toString("utf8")}`;
  if (encoding === "quoted-printable") return `${headers}\n\n${decodeQuotedPrintable(body)}`;
  return raw;
}

function decodeQuotedPrintable(body: string): string {
  const text = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const escape = text.slice(index + 1, index + 3);
    if (text[index] === "=" && /^[0-9A-F]{2}$/i.test(escape)) {
      bytes.push(parseInt(escape, 16));
      index += 2;
    } else bytes.push(text.charCodeAt(index));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** A folder of .eml files for one test file, and the workers that write into it. */
export async function emailFolder() {
  const directory = await mkdtemp(join(tmpdir(), "cse-emails-"));
  return {
    directory,
    async messages(): Promise<{ name: string; text: string }[]> {
      const names = (await readdir(directory)).filter((name) => name.endsWith(".eml")).sort();
      return Promise.all(
        names.map(async (name) => ({ name, text: readableEmail(await readFile(join(directory, name), "utf8")) })),
      );
    },
    async clear() {
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The file mailer, counting what it really wrote (a second copy of a message is not written). */
export function countingMailer(directory: string) {
  const inner = createFileMailer(directory, "CSE Referral Hub <no-reply@test.example>", quietLog);
  const written: string[] = [];
  const mailer: Mailer = {
    async send(email) {
      const result = await inner.send(email);
      if (result === "sent") written.push(email.messageId);
      return result;
    },
  };
  return { mailer, written };
}

export const TEST_DELIVERY: DeliverySettings = {
  coalesceMs: 2 * 60_000,
  maxAttempts: 3,
  retryBaseMs: 60_000,
  publicUrl: "https://hub.test.example",
};

/** A worker as a separate instance would build it: its own services on the same database. */
export function deliveryWorker(
  db: Database,
  clock: Clock,
  mailer: Mailer,
  options: { afterSend?: (messageId: string) => Promise<void>; settings?: Partial<DeliverySettings> } = {},
) {
  return createNotificationDelivery({
    db,
    clock,
    mailer,
    secretBox: createSecretBox(Buffer.from(TEST_SECRETS.ENCRYPTION_KEY, "base64")),
    settings: { ...TEST_DELIVERY, ...options.settings },
    log: quietLog,
    ...(options.afterSend ? { afterSend: options.afterSend } : {}),
  });
}

export function deadlineWatch(db: Database, clock: Clock) {
  const alerts = createAlertService({ db, clock, outbox: createOutbox({ emailEnabled: true }) });
  return createDeadlineWatch({ db, clock, alerts });
}
