/**
 * Line items to CSV for spreadsheet tools: one column per field (every field seen, known ones first),
 * real CSV quoting (csv-stringify), UTF-8 with a BOM so Excel reads non-Latin names, streamed from
 * SQLite with bounded memory. Written to a temporary file in the same folder and renamed at the end,
 * so a cancelled or crashed export leaves no partial file.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { AppDatabase } from '../database';
import { KNOWN_FIELDS } from './line-item-fields';

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

/** Writes an export's rows to `filePath` atomically; resolves to the number of rows written. */
export async function writeLineItemsCsv(
  db: AppDatabase,
  exportId: number,
  filePath: string,
  signal?: AbortSignal,
): Promise<number> {
  const row = db.prepare('SELECT columns FROM billing_exports WHERE id = ?').get(exportId) as
    { columns: string } | undefined;
  if (!row) throw new Error(`export ${exportId} not found`);
  const columns = csvColumns(JSON.parse(row.columns) as string[]);
  // Read in slices by `seq`, not one long query: no read snapshot is held for the whole file (the WAL
  // can be checkpointed meanwhile), and the pages read can be given back between slices.
  const slice = db.prepare(
    'SELECT seq, record FROM billing_line_items WHERE export_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  let count = 0;
  function* records(): Generator<unknown[]> {
    for (let after = -1; ;) {
      const rows = slice.all(exportId, after, CSV_SLICE_ROWS) as Array<{ seq: number; record: string }>;
      db.pragma('shrink_memory');
      for (const { record } of rows) {
        const parsed = JSON.parse(record) as Record<string, unknown>;
        count++;
        yield columns.map((name) => {
          const value = parsed[name];
          return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
        });
      }
      if (rows.length < CSV_SLICE_ROWS) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.partial`,
  );
  await mkdir(path.dirname(filePath), { recursive: true });
  try {
    await pipeline(
      Readable.from(records()),
      stringify({ bom: true, header: true, columns, record_delimiter: '\r\n' }),
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
