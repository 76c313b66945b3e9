import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster`: what a real Temporal cluster must survive and how new workflow code is
 * deployed on it (tests/cluster). Each file starts its own cluster (the server built from its Go
 * module, infra/temporalCluster.ts) once for all its scenarios; files run one after the other:
 * a cluster, four platform processes and a few hundred lifecycles fill the 2 cores.
 */
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // The JSON report is what CI counts (.ci/run ends with `N passed, N failed` summed from them).
    reporters: ['default', ['json', { outputFile: '.vitest-reports/cluster.json' }]],
  },
});
