import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: 'unreadable' | 'too_many_pages' | 'timeout' | 'memory' };

export interface PdfCheckLimits {
  timeoutMs: number;
  memoryMib: number;
  maxPages: number;
}

/** pdf.js (Mozilla's parser, legacy build for Node 20), loaded by the child from its file URL. */
const pdfjsUrl = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;

/**
 * The child's program, plain JavaScript (it runs the same from the sources and from dist/): reads
 * the file on stdin, opens it with pdf.js, renders every page's operator list (which decodes
 * every content stream: a compression bomb inflates here, not in the API), and prints one line.
 */
const childProgram = `
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const say = (answer) => process.stdout.write(JSON.stringify(answer));
try {
  const pdfjs = await import(process.env.PDFJS_URL);
  const document = await pdfjs.getDocument({
    data: new Uint8Array(Buffer.concat(chunks)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  if (document.numPages < 1) say({ ok: false, reason: 'unreadable' });
  else if (document.numPages > Number(process.env.MAX_PAGES)) say({ ok: false, reason: 'too_many_pages' });
  else {
    for (let n = 1; n <= document.numPages; n++) await (await document.getPage(n)).getOperatorList();
    say({ ok: true, pages: document.numPages });
  }
} catch {
  say({ ok: false, reason: 'unreadable' });
}
process.exit(0);
`;

/** Resident memory of a process in MiB, from /proc (Linux); undefined elsewhere. */
function residentMib(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** At most two checks at once: each is a process of up to `memoryMib`. */
const maxConcurrent = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/**
 * Whether a file really is a PDF: parsed by pdf.js in a child process that is killed past
 * `timeoutMs` or `memoryMib` (its V8 heap is capped, and its resident memory is watched, since
 * the decoded streams live outside the heap). An executable behind `%PDF-`, a file pdf.js cannot
 * read, or a PDF that inflates beyond the limits is refused; the API process never holds more
 * than the upload itself.
 */
export function checkPdf(bytes: Buffer, limits: PdfCheckLimits): Promise<PdfCheck> {
  return withSlot(
    () =>
      new Promise<PdfCheck>((resolve) => {
        const child = spawn(process.execPath, [`--max-old-space-size=${limits.memoryMib}`, '--input-type=module', '-e', childProgram], {
          env: { PDFJS_URL: pdfjsUrl, MAX_PAGES: String(limits.maxPages), PATH: process.env.PATH ?? '' },
          stdio: ['pipe', 'pipe', 'ignore'],
        });
        let output = '';
        let verdict: PdfCheck | undefined;
        const stop = (reason: 'timeout' | 'memory') => {
          verdict ??= { ok: false, reason };
          child.kill('SIGKILL');
        };
        const timer = setTimeout(() => stop('timeout'), limits.timeoutMs);
        const watch = setInterval(() => {
          const mib = child.pid ? residentMib(child.pid) : undefined;
          if (mib !== undefined && mib > limits.memoryMib) stop('memory');
        }, 20);
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
        });
        child.on('close', () => {
          clearTimeout(timer);
          clearInterval(watch);
          if (!verdict) {
            try {
              verdict = JSON.parse(output) as PdfCheck;
            } catch {
              verdict = { ok: false, reason: 'unreadable' };
            }
          }
          resolve(verdict);
        });
        child.on('error', () => undefined);
        child.stdin.on('error', () => undefined);
        child.stdin.end(bytes);
      }),
  );
}
