/**
 * Imports a registry export (CSV from the student information system) into the graduate
 * registry: reads the file as a stream, validates each line, and writes batches of lines, each
 * batch in its own transaction. A bad line is rejected with its line number and the others go
 * in; re-importing the same file changes nothing.
 *
 * Within one file, two lines for the same graduate (same student number, or same identity when
 * the export has no identifier) must agree on the identity, and two lines for the same diploma
 * must agree on its labels: otherwise the later line is rejected. That keeps a re-import from
 * flip-flopping between two versions, and tells the university its export contradicts itself.
 *
 * An import stopped midway (Ctrl-C, database restart) leaves the batches already committed; run
 * it again and the rest goes in, the committed lines counting as unchanged.
 */
import type { Db } from '../connection.js';
import { writeRegistryBatch } from './batch.js';
import { mapColumns, type RegistryField, RegistryHeaderError } from './columns.js';
import { openCsvFile } from './csv/csvFile.js';
import type { CsvEncoding } from './csv/encoding.js';
import { FileConsistency } from './fileConsistency.js';
import { parseRegistryLine, type RegistryEntry, type Rejection } from './registryLine.js';

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

export interface ImportOptions {
  /** Lines per transaction. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** For date validation in tests. */
  today?: Date;
}

export interface ImportSummary {
  encoding: CsvEncoding;
  separator: string;
  /** Which header was used for each field. */
  columns: Partial<Record<RegistryField, string>>;
  /** Data lines read (the header and blank lines excluded). */
  lines: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Lines repeating an earlier line of the file exactly: nothing more to write. */
  duplicates: number;
  rejected: Rejection[];
  elapsedMs: number;
}

export async function importRegistryFile(db: Db, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 1000;
  const today = options.today ?? new Date();
  const csv = await openCsvFile(path);
  const summary: ImportSummary = {
    encoding: csv.encoding,
    separator: '',
    columns: {},
    lines: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    rejected: [],
    elapsedMs: 0,
  };
  const consistency = new FileConsistency();
  let columns: ReturnType<typeof mapColumns> | undefined;
  let columnCount = 0;
  let batch: RegistryEntry[] = [];

  // One batch at a time in the database, in file order, while the next one is being read:
  // PostgreSQL and this process then work on the two cores at once.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    writing = db
      .transaction((trx) => writeRegistryBatch(trx, entries))
      .then((outcomes) => {
        for (const outcome of outcomes) summary[outcome]++;
        options.onProgress?.({ bytesRead: csv.bytesRead, totalBytes: csv.sizeBytes, lines: summary.lines });
      });
    writing.catch(() => undefined); // a failure is thrown at the next flush; not "unhandled" meanwhile
  };

  for await (const records of csv.records()) {
    for (const record of records) {
      if (!columns) {
        if (record.error) throw new RegistryHeaderError(`En-tête illisible (ligne ${record.line}) : guillemet non fermé`);
        columns = mapColumns(record.fields);
        columnCount = record.fields.length;
        continue;
      }
      if (record.fields.every((field) => field.trim() === '') && !record.error) continue; // blank line
      summary.lines++;
      const parsed = parseRegistryLine(record, columns, columnCount, today);
      if ('code' in parsed) {
        summary.rejected.push(parsed);
        continue;
      }
      const verdict = consistency.check(parsed);
      if (verdict === 'duplicate') summary.duplicates++;
      else if (verdict !== 'new') summary.rejected.push(verdict);
      else {
        batch.push(parsed);
        if (batch.length >= batchSize) await flush();
      }
    }
  }
  if (!columns) throw new RegistryHeaderError('Fichier vide : la première ligne doit être un en-tête de colonnes');
  await flush();
  await writing;

  summary.separator = csv.separator ?? ';';
  summary.columns = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, column.header]));
  summary.elapsedMs = Date.now() - started;
  return summary;
}
