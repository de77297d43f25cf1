import type { Readable } from "node:stream";
import type { PostcodeDirectoryLoadView, PostcodeDirectoryView } from "@cse/contracts/routing";
import { directoryColumns, readDirectoryRow, type DirectoryColumns } from "@cse/domain";
import type { Database, Transaction } from "../../db/client.ts";
import { Conflict, NotFound, ValidationFailed } from "../../errors.ts";
import type { RequestContext } from "../../services/context.ts";
import type { Clock } from "../../services/clock.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthenticatedUser } from "../users/user-record.ts";
import { directoryRecords, readHeader, saveUpload, type SavedUpload } from "./directory-file.ts";

interface DirectoryDependencies {
  readonly db: Database;
  readonly audit: AuditService;
  readonly clock: Clock;
}

/** Loads are one at a time across instances: taken in each transaction that starts or ends one. */
const DIRECTORY_LOCK_KEY = 41_042_027;
const BATCH_ROWS = 5_000;
const PROGRESS_EVERY_ROWS = 50_000;
/** A load that has not moved for this long died with its instance: it no longer blocks another. */
const STALE_AFTER_MS = 10 * 60 * 1000;

interface StoredLoad {
  readonly id: string;
  readonly fileName: string;
  readonly status: PostcodeDirectoryLoadView["status"];
  readonly bytesTotal: bigint;
  readonly bytesRead: bigint;
  readonly rowsRead: number;
  readonly rowsKept: number;
  readonly rowsInvalid: number;
  readonly error: string | null;
  readonly startedByName: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

function toLoadView(load: StoredLoad): PostcodeDirectoryLoadView {
  const total = Number(load.bytesTotal);
  const done = load.status === "RUNNING" ? Number(load.bytesRead) : total;
  return {
    id: load.id,
    fileName: load.fileName,
    status: load.status,
    percentDone: total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100)),
    rowsRead: load.rowsRead,
    rowsKept: load.rowsKept,
    rowsInvalid: load.rowsInvalid,
    error: load.error,
    startedBy: load.startedByName,
    startedAt: load.startedAt.toISOString(),
    finishedAt: load.finishedAt?.toISOString() ?? null,
  };
}

class LoadRefused extends Error {}

async function lockLoads(tx: Transaction) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK_KEY}::bigint)`;
}

/**
 * The ONS Postcode Directory, loaded by an administrator so that a full postcode routes by its
 * council exactly. A load streams the file, keeps the rows West Yorkshire's routing needs, and
 * writes them tagged with the load; they route only once the load becomes ACTIVE, in one short
 * transaction at the end that also retires the previous load. A wrong file is refused before
 * anything is stored; a file that fails part way leaves the previous directory in use.
 */
export function createPostcodeDirectoryService({ db, audit, clock }: DirectoryDependencies) {
  async function progress(loadId: string, counts: Record<string, number | bigint>) {
    await db.postcodeDirectoryLoad.update({ where: { id: loadId }, data: counts, select: { id: true } });
  }

  async function insertBatch(loadId: string, batch: { postcode: string; localAuthorityCode: string }[]) {
    if (batch.length === 0) return;
    // A postcode twice in one file keeps its first council.
    await db.$executeRaw`
      INSERT INTO "PostcodeDirectoryEntry" ("loadId", "postcode", "localAuthorityCode")
      SELECT ${loadId}::uuid, postcode, code
        FROM unnest(${batch.map((row) => row.postcode)}::text[], ${batch.map((row) => row.localAuthorityCode)}::text[])
             AS rows(postcode, code)
      ON CONFLICT DO NOTHING`;
  }

  async function readAndStore(loadId: string, upload: SavedUpload, columns: DirectoryColumns) {
    const { records, bytesRead } = directoryRecords(upload.path);
    let rowsRead = 0;
    let rowsKept = 0;
    let rowsInvalid = 0;
    let batch: { postcode: string; localAuthorityCode: string }[] = [];
    const counts = () => ({ rowsRead, rowsKept, rowsInvalid, bytesRead: BigInt(bytesRead()) });
    for await (const record of records) {
      rowsRead += 1;
      const row = readDirectoryRow(record, columns);
      if (row.kind === "INVALID") rowsInvalid += 1;
      if (row.kind === "KEEP") {
        rowsKept += 1;
        batch.push({ postcode: row.postcode, localAuthorityCode: row.localAuthorityCode });
      }
      if (batch.length >= BATCH_ROWS) {
        await insertBatch(loadId, batch);
        batch = [];
      }
      if (rowsRead % PROGRESS_EVERY_ROWS === 0) await progress(loadId, counts());
    }
    await insertBatch(loadId, batch);
    await progress(loadId, counts());
    // The directory has a council for every postcode: many lines without one is another file.
    if (rowsInvalid > rowsRead / 20) {
      throw new LoadRefused(
        `${rowsInvalid} of ${rowsRead} lines have no valid postcode and council code: this is not the ONS Postcode Directory.`,
      );
    }
    if (rowsKept === 0) {
      throw new LoadRefused("The file has no postcodes in West Yorkshire's postcode areas or councils.");
    }
    return { rowsRead, rowsKept, rowsInvalid };
  }

  async function finish(admin: AuthenticatedUser, loadId: string, counts: Awaited<ReturnType<typeof readAndStore>>) {
    await db.$transaction(async (tx) => {
      await lockLoads(tx);
      const previous = await tx.postcodeDirectoryLoad.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
      await tx.postcodeDirectoryLoad.updateMany({ where: { status: "ACTIVE" }, data: { status: "REPLACED" } });
      const load = await tx.postcodeDirectoryLoad.update({
        where: { id: loadId },
        data: { status: "ACTIVE", finishedAt: clock.now(), ...counts },
      });
      await audit.record(tx, {
        actor: admin,
        action: "postcode-directory.load.finish",
        entityType: "PostcodeDirectoryLoad",
        entityId: loadId,
        details: {
          fileName: load.fileName,
          status: "ACTIVE",
          rowsRead: counts.rowsRead,
          rowsKept: counts.rowsKept,
          rowsInvalid: counts.rowsInvalid,
          replaced: previous.map((row) => row.id),
        },
      });
    });
    // The replaced rows route nothing any more; removing them is tidying, outside the swap.
    await db.postcodeDirectoryEntry.deleteMany({ where: { load: { status: "REPLACED" } } });
  }

  async function fail(admin: AuthenticatedUser, loadId: string, error: unknown) {
    const message =
      error instanceof LoadRefused
        ? error.message
        : `The file could not be read to the end (${error instanceof Error ? error.message : String(error)}).`;
    await db.postcodeDirectoryEntry.deleteMany({ where: { loadId } });
    await db.$transaction(async (tx) => {
      const load = await tx.postcodeDirectoryLoad.update({
        where: { id: loadId },
        data: { status: "FAILED", error: message.slice(0, 500), finishedAt: clock.now() },
      });
      await audit.record(tx, {
        actor: admin,
        action: "postcode-directory.load.finish",
        entityType: "PostcodeDirectoryLoad",
        entityId: loadId,
        details: { fileName: load.fileName, status: "FAILED", rowsRead: load.rowsRead, error: load.error },
      });
    });
  }

  async function run(admin: AuthenticatedUser, loadId: string, upload: SavedUpload, columns: DirectoryColumns) {
    try {
      await finish(admin, loadId, await readAndStore(loadId, upload, columns));
    } catch (error) {
      await fail(admin, loadId, error).catch(() => undefined);
    } finally {
      await upload.remove();
    }
  }

  return {
    async current(): Promise<PostcodeDirectoryView> {
      const [active, latest] = await Promise.all([
        db.postcodeDirectoryLoad.findFirst({ where: { status: "ACTIVE" } }),
        db.postcodeDirectoryLoad.findFirst({ orderBy: { startedAt: "desc" } }),
      ]);
      return {
        active: active ? toLoadView(active) : null,
        latest: latest && latest.id !== active?.id ? toLoadView(latest) : null,
      };
    },

    async getLoad(id: string): Promise<PostcodeDirectoryLoadView> {
      const load = await db.postcodeDirectoryLoad.findUnique({ where: { id } });
      if (!load) throw new NotFound("There is no load of the postcode directory with that id.");
      return toLoadView(load);
    },

    /**
     * Receives the file, checks its header, and starts the load; the caller polls the load.
     * A file whose header is not the directory's is refused here, with nothing stored.
     */
    async startLoad(
      admin: AuthenticatedUser,
      fileName: string,
      body: Readable,
      context: RequestContext,
    ): Promise<PostcodeDirectoryLoadView> {
      const upload = await saveUpload(body);
      let started = false;
      try {
        const header = directoryColumns(await readHeader(upload.path));
        if (!header.ok) throw new ValidationFailed([{ path: "file", message: header.problem }]);
        const load = await db.$transaction(async (tx) => {
          await lockLoads(tx);
          const now = clock.now();
          await tx.postcodeDirectoryLoad.updateMany({
            where: { status: "RUNNING", updatedAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
            data: {
              status: "FAILED",
              error: "The load stopped part way (its service instance stopped).",
              finishedAt: now,
            },
          });
          if ((await tx.postcodeDirectoryLoad.count({ where: { status: "RUNNING" } })) > 0) {
            throw new Conflict("The postcode directory is already being loaded: wait for that load to finish.");
          }
          const created = await tx.postcodeDirectoryLoad.create({
            data: {
              fileName,
              bytesTotal: BigInt(upload.bytes),
              startedById: admin.id,
              startedByName: admin.displayName,
              startedAt: now,
            },
          });
          await audit.record(tx, {
            actor: admin,
            action: "postcode-directory.load.start",
            entityType: "PostcodeDirectoryLoad",
            entityId: created.id,
            requestId: context.requestId,
            details: { fileName, bytes: upload.bytes },
          });
          return created;
        });
        started = true;
        // Runs on after the answer; it records its own end, failure included, on the load.
        void run(admin, load.id, upload, header.columns);
        return toLoadView(load);
      } finally {
        if (!started) await upload.remove();
      }
    },
  };
}

export type PostcodeDirectoryService = ReturnType<typeof createPostcodeDirectoryService>;
