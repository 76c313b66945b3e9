import { defineConfig } from 'vitest/config';

/**
 * `npm run test:ops`: the operations suite (tests/ops/stack). Each file starts its own stack
 * (PostgreSQL, a Temporal dev server with a SQLite file, an SMTP receiver, worker and API as child
 * processes, harness/) and does what an operator does with it: scrape the metrics and check the
 * dashboard's and the alerts' queries against them, probe health while Temporal is down, back up
 * both databases with lifecycles in flight and restore them on a fresh stack. Files run one after
 * the other: they compete for the same 2 cores otherwise.
 */
export default defineConfig({
  test: {
    include: ['tests/ops/stack/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // The JSON report is what CI counts (.ci/run ends with `N passed, N failed` summed from them).
    reporters: ['default', ['json', { outputFile: '.vitest-reports/ops.json' }]],
  },
});
