/**
 * Reads a CSV file as a stream of records, whatever its encoding (encoding.ts) and separator:
 * `;` (French spreadsheets), `,` or tab, chosen as the most frequent one in the header line.
 * Memory stays flat whatever the file size: records come out chunk by chunk.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type CsvEncoding, createDecoder, detectEncoding } from './encoding.js';
import { type CsvRecord, CsvTokenizer } from './tokenizer.js';

export interface CsvFile {
  encoding: CsvEncoding;
  sizeBytes: number;
  /** Known once the header line has been read. */
  separator: string | undefined;
  /** Bytes read so far, for a progress bar. */
  bytesRead: number;
  /** The records, a chunk's worth at a time, the header line first. Iterate once. */
  records(): AsyncGenerator<CsvRecord[]>;
}

const SEPARATORS = [';', ',', '\t'];

export async function openCsvFile(path: string): Promise<CsvFile> {
  const [encoding, { size }] = await Promise.all([detectEncoding(path), stat(path)]);
  const file: CsvFile = {
    encoding,
    sizeBytes: size,
    separator: undefined,
    bytesRead: 0,
    async *records() {
      const decoder = createDecoder(encoding);
      let tokenizer: CsvTokenizer | undefined;
      let head = ''; // text held back until the header line is complete
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
        file.bytesRead += (chunk as Buffer).length;
        let text = decoder.write(chunk as Buffer);
        if (!tokenizer) {
          head += text;
          if (!/[\r\n]/.test(head)) continue;
          file.separator = detectSeparator(head);
          tokenizer = new CsvTokenizer(file.separator);
          text = head;
        }
        const out: CsvRecord[] = [];
        tokenizer.push(text, out);
        if (out.length > 0) yield out;
      }
      const rest = decoder.end();
      const out: CsvRecord[] = [];
      if (!tokenizer) {
        head += rest;
        if (head === '') return;
        file.separator = detectSeparator(head);
        tokenizer = new CsvTokenizer(file.separator);
        tokenizer.push(head, out);
      } else {
        tokenizer.push(rest, out);
      }
      tokenizer.end(out);
      if (out.length > 0) yield out;
    },
  };
  return file;
}

/** The separator seen most often outside quotes on the first line; `;` when there is none. */
export function detectSeparator(text: string): string {
  const counts = new Map(SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ';';
  for (const [separator, count] of counts) if (count > counts.get(best)!) best = separator;
  return best;
}
