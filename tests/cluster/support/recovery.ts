import type { RecordedAnswer } from '../../../harness/candidates.js';
import { summarize } from '../../../harness/stats.js';

/**
 * How long people waited because of a fault. A person's step (create, link page, link form, login)
 * lasts from its first attempt to its final answer, retries of 503s and dropped connections
 * included (the drivers retry as a person or a load balancer would). The steps begun while the
 * fault was in place (injection → repair) are compared with the others, as percentiles; and the
 * last transient answer (5xx, 429, no answer) says when the platform was whole again.
 */
export interface Recovery {
  /** Steps begun during the fault: time to their final answer, in seconds. */
  duringFault: string;
  /** Steps begun before or after it (the baseline under the same load). */
  otherwise: string;
  /** Seconds after the repair at which the last transient answer came back (0 if none after it). */
  lastTransientAfterRepairS: number;
  /** Answers that were transient (retried): 503, 502, no answer… */
  transientAnswers: number;
}

const transient = (status: number) => status === 0 || status >= 500 || status === 429;

export function recoveryOf(answers: RecordedAnswer[], faultAt: number, repairedAt: number): Recovery {
  const steps = new Map<string, { begun: number; ended: number }>();
  for (const answer of answers) {
    const key = `${answer.email}\n${answer.step}`;
    const step = steps.get(key) ?? { begun: answer.at, ended: answer.at + answer.ms };
    step.begun = Math.min(step.begun, answer.at);
    step.ended = Math.max(step.ended, answer.at + answer.ms);
    steps.set(key, step);
  }
  const during: number[] = [];
  const otherwise: number[] = [];
  for (const { begun, ended } of steps.values())
    (begun >= faultAt && begun <= repairedAt ? during : otherwise).push((ended - begun) / 1000);
  const transients = answers.filter((a) => transient(a.status));
  const lastTransientEnd = Math.max(repairedAt, ...transients.map((a) => a.at + a.ms));
  return {
    duringFault: percentiles(during),
    otherwise: percentiles(otherwise),
    lastTransientAfterRepairS: Math.round((lastTransientEnd - repairedAt) / 100) / 10,
    transientAnswers: transients.length,
  };
}

function percentiles(seconds: number[]): string {
  if (seconds.length === 0) return 'none';
  const s = summarize(seconds.map((v) => Math.round(v * 10) / 10));
  return `p50 ${s.p50} s · p95 ${s.p95} s · p99 ${s.p99} s · max ${s.max} s (${s.count} steps)`;
}
