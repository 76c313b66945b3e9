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
  world = await startFaultWorld('worker-kill');
});
afterAll(() => world?.stop());

describe('fault: the worker dies', () => {
  it('when the worker is killed with SIGKILL mid-run and a new one starts, then every lifecycle completes, nothing twice', async () => {
    const report = await runScenario(world, {
      name: 'worker SIGKILL',
      faultAtMs: 10_000,
      fault: async (w) => {
        w.worker.kill('SIGKILL');
        await w.worker.exited;
        await w.startWorker();
      },
    });
    printReport(report, world);
    expect(nothingLostNothingTwice(report)).toEqual(everyPromiseKept);
  });
});
