import { defineConfig } from 'vitest/config';

const excluded = ['tests/faults/**', 'tests/ops/stack/**', 'tests/cluster/**', 'node_modules/**'];
/** Runs after every other test file (its own project, a later group): it reads what they left in Temporal. */
const historyScan = 'tests/platform/historyScan.test.ts';
const common = {
  // Integration tests wait on real timers, mails and workflows.
  testTimeout: 60_000,
  hookTimeout: 180_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    // The JSON report is what CI counts (.ci/run ends with `N passed, N failed` summed from them).
    reporters: ['default', ['json', { outputFile: '.vitest-reports/tests.json' }]],
    projects: [
      {
        test: {
          ...common,
          name: 'suite',
          include: ['tests/**/*.test.ts'],
          // The fault suite, the ops stacks and the cluster tests have their own configs and stacks (npm run test:faults, test:ops, test:cluster).
          exclude: [...excluded, historyScan],
          globalSetup: ['tests/support/globalSetup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      // Issue 13: no personal data in any history the suite produced. No global setup of its own:
      // the suite's stack is still up (tests/support/globalSetup.ts hands it over by environment).
      { test: { ...common, name: 'history-scan', include: [historyScan], sequence: { groupOrder: 1 } } },
    ],
  },
});
