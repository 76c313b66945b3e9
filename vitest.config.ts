import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite, the ops stacks and the cluster tests have their own configs and stacks (npm run test:faults, test:ops, test:cluster).
    exclude: ['tests/faults/**', 'tests/ops/stack/**', 'tests/cluster/**', 'node_modules/**'],
    globalSetup: ['tests/support/globalSetup.ts'],
    // Integration tests wait on real timers, mails and workflows.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report is what CI counts (.ci/run ends with `N passed, N failed` summed from them).
    reporters: ['default', ['json', { outputFile: '.vitest-reports/tests.json' }]],
  },
});
