import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: the fault suite (tests/faults). Each file starts its own stack
 * (PostgreSQL, Temporal dev server with a SQLite file, SMTP receiver, worker and API as child
 * processes), breaks one part of it under a few hundred lifecycles, and counts what survived.
 * Files run one after the other: they compete for the same 2 cores otherwise.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // The JSON report is what CI counts (.ci/run ends with `N passed, N failed` summed from them).
    reporters: ['default', ['json', { outputFile: '.vitest-reports/faults.json' }]],
  },
});
