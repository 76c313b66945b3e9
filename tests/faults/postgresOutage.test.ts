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

const OUTAGE_MS = 20_000;

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld('postgres-outage');
});
afterAll(() => world?.stop());

describe('fault: PostgreSQL is down', () => {
  it(`when PostgreSQL stops for ${OUTAGE_MS / 1000} s and starts again (same data, same port), then activities retry and every lifecycle completes, nothing twice`, async () => {
    const report = await runScenario(world, {
      name: 'PostgreSQL outage',
      faultAtMs: 10_000,
      fault: async (w) => {
        await w.stack.stopPostgres();
        await sleep(OUTAGE_MS);
        await w.stack.startPostgres();
      },
    });
    printReport(report, world);
    expect(nothingLostNothingTwice(report)).toEqual(everyPromiseKept);
  });
});
