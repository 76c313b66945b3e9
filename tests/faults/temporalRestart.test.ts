import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  everyPromiseKept,
  type FaultWorld,
  nothingLostNothingTwice,
  printReport,
  runScenario,
  startFaultWorld,
} from './support/faultRun.js';

let world: FaultWorld;
beforeAll(async () => {
  world = await startFaultWorld('temporal-restart');
});
afterAll(() => world?.stop());

describe('fault: the Temporal server restarts', () => {
  it('when the dev server (SQLite file) is stopped and started again on the same port, then every lifecycle resumes, nothing twice', async () => {
    const report = await runScenario(world, {
      name: 'Temporal restart',
      faultAtMs: 10_000,
      fault: async (w) => {
        await w.stack.stopTemporal();
        await w.stack.startTemporal();
      },
    });
    printReport(report, world);
    expect(nothingLostNothingTwice(report)).toEqual(everyPromiseKept);
  });
});
