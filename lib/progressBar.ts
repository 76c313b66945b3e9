/**
 * A one-line progress bar on stderr, redrawn at most ten times a second; on a terminal only,
 * so logs and pipes get no control characters. Enough for a CLI import: no dependency.
 */
export interface ProgressBar {
  update(done: number, total: number, detail?: string): void;
  /** Erases the line, leaving the terminal clean for the summary. */
  stop(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr, width = 30): ProgressBar {
  if (!stream.isTTY) return { update() {}, stop() {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      stream.write(`\r${bar} ${(ratio * 100).toFixed(0).padStart(3)} % ${detail}\x1b[K`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
