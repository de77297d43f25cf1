import { randomUUID } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562) as Prisma's uuid(7) makes them, for rows written by hand-written SQL:
 * the time in milliseconds, then a 12-bit sequence, so ids made in one process sort in the
 * order they were made (the chronology of one instant reads in the order it was written). The
 * random bits and the variant are taken from randomUUID, which draws from a cached pool.
 */
export function uuid7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    // Start low in the range, so a burst within one millisecond has room to count up.
    sequence = Math.floor(Math.random() * 0x400);
  } else if (sequence < 0xfff) {
    sequence += 1;
  } else {
    lastMs += 1;
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, "0");
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, "0")}-${random.slice(19)}`;
}
