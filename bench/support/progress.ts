/** A progress bar on stderr (one updating line on a terminal, a line every 10 % otherwise). */
export function progressBar(label: string, total: number) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastDecile = -1;
  let state = { done: 0, failed: 0, inFlight: 0 };
  const render = () => {
    const finished = state.done + state.failed;
    const width = 30;
    const filled = Math.round((finished / Math.max(1, total)) * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (state.done / seconds).toFixed(1) : '0.0';
    return `${label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${finished}/${total} · ${state.inFlight} in flight · ${state.failed} failed · ${rate}/s · ${seconds.toFixed(0)} s`;
  };
  const timer = setInterval(() => {
    if (tty) process.stderr.write(`\r${render()}\x1b[K`);
  }, 200);
  timer.unref();
  return {
    update(next: { done: number; failed: number; inFlight: number }) {
      state = next;
      if (tty) return;
      const decile = Math.floor(((next.done + next.failed) / Math.max(1, total)) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${render()}\n`);
      }
    },
    finish() {
      clearInterval(timer);
      process.stderr.write(tty ? `\r${render()}\x1b[K\n` : `${render()}\n`);
    },
  };
}
