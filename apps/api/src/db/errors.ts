import { Prisma } from "../generated/prisma/client.ts";

/** A unique index refused the write: a guard the database keeps whatever the application does. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
