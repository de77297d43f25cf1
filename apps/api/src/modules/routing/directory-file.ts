import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { DomainError } from "../../errors.ts";

/** The real directory is about 1 GB; anything past this is not it. */
export const DIRECTORY_MAX_BYTES = 3 * 1024 ** 3;

export interface SavedUpload {
  readonly path: string;
  readonly bytes: number;
  /** Removes the file and its folder; safe to call twice. */
  readonly remove: () => Promise<void>;
}

/**
 * Streams an upload to a private temporary file, so a 1 GB file is never held in memory and
 * the request ends as soon as it is received; the load then runs from the file.
 */
export async function saveUpload(body: Readable, maxBytes = DIRECTORY_MAX_BYTES): Promise<SavedUpload> {
  const folder = await mkdtemp(join(tmpdir(), "postcode-directory-"));
  const path = join(folder, "upload.csv");
  const remove = () => rm(folder, { recursive: true, force: true });
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        done(new DomainError("payload-too-large", "The file is larger than the ONS Postcode Directory can be."));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, bytes, remove };
}

/** The first line of the file as CSV fields; empty when the file has none. */
export async function readHeader(path: string): Promise<string[]> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString("utf8");
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    if (firstLine.trim() === "") return [];
    const rows: string[][] = parseSync(firstLine, { bom: true, relax_quotes: true });
    const fields = rows[0];
    return fields ?? [];
  } catch {
    return [];
  } finally {
    await file.close();
  }
}

/** The data lines of a directory file as CSV records, with how many bytes have been read so far. */
export function directoryRecords(path: string) {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const records = file.pipe(parse({ from_line: 2, bom: true, relax_column_count: true, skip_empty_lines: true }));
  file.on("error", (error) => records.destroy(error));
  return { records: records as AsyncIterable<string[]>, bytesRead: () => file.bytesRead };
}
