/**
 * Line items to CSV for spreadsheet tools: one column per field (every field seen, known ones first),
 * real CSV quoting (csv-stringify), UTF-8 with a BOM so Excel reads non-Latin names. Written to a
 * temporary file in the same folder and renamed at the end, so a cancelled or crashed export leaves no
 * partial file. Two ways in: `LineItemCsvStream` takes rows as an export receives them (no second
 * pass), `writeLineItemsCsv` reads a finished export back from SQLite with bounded memory.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { AppDatabase } from '../database';
import { withExportConnection } from './export-connection';
import { KNOWN_FIELDS } from './line-item-fields';

/**
 * Rows quoted per csv-stringify call while streaming: their text (about 80 KB) stays below the size
 * V8 puts straight into its large-object space, where it would live until a full collection.
 */
const CSV_CHUNK_ROWS = 64;

/** Rows read from SQLite at a time while writing a CSV file. */
const CSV_SLICE_ROWS = 2_000;

/** The CSV columns: known fields in their usual order, then any others in the order first seen. */
export function csvColumns(seen: ReadonlyArray<string>): string[] {
  const set = new Set(seen);
  return [
    ...KNOWN_FIELDS.filter((name) => set.has(name)),
    ...seen.filter((name) => !KNOWN_FIELDS.includes(name)),
  ];
}

/** A record's cells in column order; nested values (arrays, objects) as their JSON text. */
function cellsOf(columns: ReadonlyArray<string>, record: Record<string, unknown>): unknown[] {
  return columns.map((name) => {
    const value = record[name];
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  });
}

/** BOM and header start the file; later batches carry only their records. */
function csvOptions(columns: string[], first = true): Options {
  return { bom: first, header: first, columns, record_delimiter: '\r\n' };
}

/** A hidden temporary name next to `filePath`, unique per run. */
function temporaryPath(filePath: string): string {
  return path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.partial`,
  );
}

/**
 * Removes temporary files of `filePath` left by a run that crashed (a cancel removes its own). Called
 * before a new one is started, so a crash never leaves more than one behind.
 */
async function removeLeftovers(filePath: string): Promise<void> {
  const prefix = `.${path.basename(filePath)}.`;
  const names = await readdir(path.dirname(filePath)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.partial'))
      .map((name) => rm(path.join(path.dirname(filePath), name), { force: true })),
  );
}

/**
 * A CSV file written while the rows arrive: its columns are fixed by the first rows, `write` waits
 * while the file falls behind (backpressure), `finish` renames it into place and `discard` removes it.
 * A batch is quoted by csv-stringify a slice at a time and each slice written as one chunk: a stream
 * step per row cost more time and memory than the quoting itself.
 */
export class LineItemCsvStream {
  private readonly file: WriteStream;
  private failure: Error | undefined;
  rows = 0;

  private constructor(
    readonly filePath: string,
    private readonly temp: string,
    readonly columns: ReadonlyArray<string>,
  ) {
    this.file = createWriteStream(temp);
    this.file.on('error', (error) => {
      this.failure = error;
    });
  }

  static async open(filePath: string, seen: ReadonlyArray<string>): Promise<LineItemCsvStream> {
    await mkdir(path.dirname(filePath), { recursive: true });
    await removeLeftovers(filePath);
    return new LineItemCsvStream(filePath, temporaryPath(filePath), csvColumns(seen));
  }

  /** Appends records; resolves once the file has room for more. */
  async write(records: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    this.throwIfFailed();
    let room = true;
    for (let from = 0; from < records.length; from += CSV_CHUNK_ROWS) {
      const first = this.rows === 0;
      const slice = records.slice(from, from + CSV_CHUNK_ROWS);
      const text = stringifySync(
        slice.map((record) => cellsOf(this.columns, record)),
        csvOptions([...this.columns], first),
      );
      this.rows += slice.length;
      room = this.file.write(text);
    }
    if (!room) {
      await new Promise<void>((resolve) => {
        const settle = (): void => {
          this.file.off('drain', settle);
          this.file.off('close', settle);
          resolve();
        };
        this.file.on('drain', settle);
        this.file.on('close', settle);
      });
    }
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Flushes the file and moves it to its final name. */
  async finish(): Promise<void> {
    try {
      this.throwIfFailed();
      this.file.end();
      await finished(this.file);
      await rename(this.temp, this.filePath);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw error;
    }
  }

  /** Stops writing and removes the temporary file: nothing partial stays behind. */
  async discard(): Promise<void> {
    this.file.destroy();
    await finished(this.file).catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/**
 * Writes an export's rows to `filePath` atomically; resolves to the number of rows written. Reads
 * through a connection of its own with a small cache (`withExportConnection`).
 */
export async function writeLineItemsCsv(
  shared: AppDatabase,
  exportId: number,
  filePath: string,
  signal?: AbortSignal,
): Promise<number> {
  return withExportConnection(shared, (db) => writeFromSqlite(db, exportId, filePath, signal));
}

async function writeFromSqlite(
  db: AppDatabase,
  exportId: number,
  filePath: string,
  signal: AbortSignal | undefined,
): Promise<number> {
  const row = db.prepare('SELECT columns FROM billing_exports WHERE id = ?').get(exportId) as
    { columns: string } | undefined;
  if (!row) throw new Error(`export ${exportId} not found`);
  const columns = csvColumns(JSON.parse(row.columns) as string[]);
  // Read in slices by `seq`, not one long query: no read snapshot is held for the whole file (the WAL
  // can be checkpointed meanwhile).
  const slice = db.prepare(
    'SELECT seq, record FROM billing_line_items WHERE export_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  let count = 0;
  function* records(): Generator<unknown[]> {
    for (let after = -1; ;) {
      const rows = slice.all(exportId, after, CSV_SLICE_ROWS) as Array<{ seq: number; record: string }>;
      for (const { record } of rows) {
        const parsed = JSON.parse(record) as Record<string, unknown>;
        count++;
        yield cellsOf(columns, parsed);
      }
      if (rows.length < CSV_SLICE_ROWS) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
  const temp = temporaryPath(filePath);
  await mkdir(path.dirname(filePath), { recursive: true });
  await removeLeftovers(filePath);
  try {
    await pipeline(
      Readable.from(records()),
      stringify(csvOptions(columns)),
      createWriteStream(temp),
      signal ? { signal } : {},
    );
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return count;
}
