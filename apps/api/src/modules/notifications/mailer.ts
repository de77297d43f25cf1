import { randomBytes } from "node:crypto";
import { link, mkdir, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Config } from "../../config.ts";

export interface OutgoingEmail {
  /** The outbox's message id: the same on every attempt, so a resend is the same message. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  /** "already-sent": this message id went out before (a worker died before recording it). */
  send(email: OutgoingEmail): Promise<"sent" | "already-sent">;
}

const MESSAGE_ID_DOMAIN = "cse-referral-hub";

function headersOf(email: OutgoingEmail, from: string) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    // A receiving system can drop a second copy of the same message by this header.
    messageId: `<${email.messageId}@${MESSAGE_ID_DOMAIN}>`,
  };
}

/**
 * Development mode: each message becomes `<message id>.eml` under the data folder, and only its
 * path is logged. The file is written aside and then linked into place, which fails if the name
 * exists: a message is written once, whole, however many workers try.
 */
export function createFileMailer(directory: string, from: string, log: Pick<Logger, "info">): Mailer {
  const compose = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(email) {
      await mkdir(directory, { recursive: true });
      const built = await compose.sendMail(headersOf(email, from));
      const path = join(directory, `${email.messageId}.eml`);
      const aside = `${path}.${randomBytes(6).toString("hex")}.part`;
      await writeFile(aside, built.message as Buffer, { mode: 0o600 });
      try {
        await link(aside, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return "already-sent";
        throw error;
      } finally {
        await unlink(aside).catch(() => undefined);
      }
      log.info({ path }, "email written");
      return "sent";
    },
  };
}

export function createSmtpMailer(email: Config["email"]): Mailer {
  const { smtp } = email;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTls,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? "" } } : {}),
  });
  return {
    async send(message) {
      await transport.sendMail(headersOf(message, email.from));
      return "sent";
    },
  };
}

/** The mailer the configuration asks for, or null when email is off. */
export function createMailer(email: Config["email"], log: Pick<Logger, "info">): Mailer | null {
  if (email.mode === "file") return createFileMailer(email.directory, email.from, log);
  if (email.mode === "smtp") return createSmtpMailer(email);
  return null;
}
