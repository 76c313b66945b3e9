/**
 * Drives `n` runs of `run`: at a fixed arrival rate (open loop: a slow system does not slow the
 * arrivals down, it makes the queue grow), or with `rate: 0` as fast as `concurrency` runs in
 * flight allow (closed loop: measures capacity).
 */
import { createProgressBar } from '../lib/progressBar.js';

export interface DriveResult<T> {
  results: T[];
  failures: { index: number; error: string }[];
  /** First arrival to last completion, ms. */
  makespanMs: number;
  /** How late the arrivals were on their schedule (ms); large = the driver itself was saturated. */
  maxArrivalLagMs: number;
}

export async function drive<T>(options: {
  label: string;
  n: number;
  rate: number;
  concurrency?: number;
  run(index: number): Promise<T>;
  quiet?: boolean;
}): Promise<DriveResult<T>> {
  const { n, rate } = options;
  const bar = options.quiet ? undefined : createProgressBar({ label: options.label.padEnd(9), counts: true, piped: 'every10Percent' });
  const results: T[] = [];
  const failures: { index: number; error: string }[] = [];
  let inFlight = 0;
  let maxArrivalLagMs = 0;
  const started = performance.now();
  let lastCompletion = started;
  const report = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (results.length / seconds).toFixed(1) : '0.0';
    const detail = `${inFlight} in flight · ${failures.length} failed · ${rate}/s · ${seconds.toFixed(0)} s`;
    bar?.update(results.length + failures.length, n, detail);
  };

  const one = async (index: number) => {
    inFlight += 1;
    report();
    try {
      results.push(await options.run(index));
    } catch (error) {
      failures.push({ index, error: (error as Error).message });
    } finally {
      inFlight -= 1;
      lastCompletion = performance.now();
      report();
    }
  };

  const running: Promise<void>[] = [];
  if (rate > 0) {
    for (let index = 0; index < n; index++) {
      const due = started + (index * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      maxArrivalLagMs = Math.max(maxArrivalLagMs, performance.now() - due);
      running.push(one(index));
    }
  } else {
    let next = 0;
    const lane = async () => {
      while (next < n) await one(next++);
    };
    for (let i = 0; i < Math.min(n, options.concurrency ?? 50); i++) running.push(lane());
  }
  await Promise.all(running);
  bar?.finish();
  return { results, failures, makespanMs: lastCompletion - started, maxArrivalLagMs };
}
