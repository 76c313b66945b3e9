import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  everyPromiseKept,
  type FaultWorld,
  nothingLostNothingTwice,
  printReport,
  runScenario,
  sleep,
  startFaultWorld,
} from './support/faultRun.js';

const OUTAGE_MS = 30_000;

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld('smtp-outage');
});
afterAll(() => world?.stop());

describe('fault: the SMTP relay refuses mail', () => {
  it(`when SMTP answers 421 for ${OUTAGE_MS / 1000} s, then every mail is delivered afterwards, once`, async () => {
    const report = await runScenario(world, {
      name: 'SMTP outage',
      faultAtMs: 10_000,
      fault: async (w) => {
        w.stack.inbox.refuse(true);
        await sleep(OUTAGE_MS);
        w.stack.inbox.refuse(false);
      },
    });
    printReport(report, world);
    expect(report.counts['SMTP commands refused (421)']).toBeGreaterThan(0);
    expect(nothingLostNothingTwice(report)).toEqual(everyPromiseKept);
  });
});
