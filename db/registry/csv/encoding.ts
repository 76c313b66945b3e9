/**
 * Which character set a CSV export is in, and a streaming decoder for it. Student information
 * systems and spreadsheets export UTF-8 (with or without a byte order mark), "Latin-1", or
 * UTF-16 with a byte order mark (Excel's "Unicode text").
 *
 * "Latin-1" is decoded as Windows-1252: that is what Windows software actually writes, and it
 * differs from ISO-8859-1 only in 0x80–0x9F, where Windows-1252 puts characters found in names
 * (’ for O’Neill, œ, Œ, Š) and ISO-8859-1 unused control codes. Node's TextDecoder treats the
 * label "windows-1252" as ISO-8859-1, so we map that range ourselves.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** By the byte order mark when there is one; else UTF-8 if the whole file is valid UTF-8. */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const head = Buffer.alloc(3);
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, 3, 0);
  } finally {
    await file.close();
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // A Latin-1 accent followed by a plain letter is never valid UTF-8, so one pass of a strict
  // decoder tells them apart. Reading the whole file costs a fraction of what importing it does.
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) strict.decode(chunk as Buffer, { stream: true });
    strict.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export interface StreamDecoder {
  /** The text of `bytes`; a character split across two chunks comes out with the second. */
  write(bytes: Buffer): string;
  end(): string;
}

/** Decodes chunk by chunk; a leading byte order mark is dropped. */
export function createDecoder(encoding: CsvEncoding): StreamDecoder {
  if (encoding === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  const decoder = new TextDecoder(encoding); // ignoreBOM defaults to false: the BOM is consumed
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

// Windows-1252 0x80–0x9F; the five undefined positions keep their ISO-8859-1 value.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** The reverse of the Windows-1252 decoding, for writing "Latin-1" test files and fixtures. */
export function encodeWindows1252(text: string): Buffer {
  const high = new Map(WINDOWS_1252_HIGH.map((char, i) => [char, 0x80 + i]));
  const bytes = Buffer.alloc(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : high.get(char);
    if (byte === undefined) throw new Error(`${JSON.stringify(char)} has no Windows-1252 encoding`);
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}
