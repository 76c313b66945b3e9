/**
 * The one progress bar of the project (the registry import, the benchmark, the fault suite): a
 * line on stderr redrawn at most ten times a second on a terminal. Piped output (logs, CI) gets
 * no control characters: nothing by default, or with `piped: 'every10Percent'` one plain line
 * each time another tenth is done, so a long CI phase still shows it moves. No dependency.
 */
export interface ProgressBar {
  update(done: number, total: number, detail?: string): void;
  /** Erases the line, leaving the terminal clean for the summary that follows. */
  stop(): void;
  /** Leaves the final state on a line of its own (the report keeps it). */
  finish(): void;
}

export interface ProgressBarOptions {
  /** Printed before the bar, e.g. `platform`. */
  label?: string;
  stream?: NodeJS.WriteStream;
  width?: number;
  /** Also print `done/total` (items, not bytes). */
  counts?: boolean;
  piped?: 'silent' | 'every10Percent';
}

export function createProgressBar(options: ProgressBarOptions = {}): ProgressBar {
  const { stream = process.stderr, width = 30, piped = 'silent' } = options;
  const tty = stream.isTTY === true;
  const prefix = options.label ? `${options.label} ` : '';
  let last = { done: 0, total: 0, detail: '' };
  let lastDraw = 0;
  let drawn = false;
  let lastTenth = -1;
  let lastPiped = '';

  const render = () => {
    const ratio = last.total > 0 ? Math.min(1, last.done / last.total) : 0;
    const filled = Math.round(ratio * width);
    const bar = tty ? '█'.repeat(filled) + '░'.repeat(width - filled) : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const parts = [`${prefix}${bar} ${(ratio * 100).toFixed(0).padStart(3)} %`];
    if (options.counts) parts.push(`${last.done}/${last.total}`);
    if (last.detail) parts.push(last.detail);
    return parts.join(options.counts ? ' · ' : ' ');
  };

  return {
    update(done, total, detail = '') {
      last = { done, total, detail };
      if (!tty) {
        if (piped === 'silent') return;
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 0;
        if (tenth > lastTenth) {
          lastTenth = tenth;
          lastPiped = render();
          stream.write(`${lastPiped}\n`);
        }
        return;
      }
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      stream.write(`\r${render()}\x1b[K`);
      drawn = true;
    },
    stop() {
      if (tty && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
    finish() {
      if (tty) stream.write(`\r${render()}\x1b[K\n`);
      else if (piped !== 'silent' && render() !== lastPiped) stream.write(`${render()}\n`);
      drawn = false;
    },
  };
}
