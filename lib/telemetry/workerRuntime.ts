/**
 * The worker process's Temporal Runtime: the SDK's logs through pino (lib/telemetry/logger.ts) and
 * the SDK's Prometheus endpoint (task slots, schedule-to-start latencies, sticky cache, pollers,
 * request failures) on `WORKER_METRICS_ADDRESS`. Installed once, before the first connection.
 */
import { Runtime, type RuntimeOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { temporalLogger } from './logger.js';

export function installWorkerRuntime(config: Config, logger: Logger): void {
  const options = (metricsAddress?: string): RuntimeOptions => ({
    logger: temporalLogger(logger),
    telemetryOptions: {
      // Core's own lines (connection errors, poller trouble) go through the same logger.
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(metricsAddress
        ? {
            // `temporal_` is the SDK's prefix, kept so Temporal's published dashboards read these too;
            // the platform's own metrics are `approvals_…`. Durations in seconds, as Prometheus wants.
            metrics: { metricPrefix: 'temporal_', prometheus: { bindAddress: metricsAddress, useSecondsForDurations: true } },
          }
        : {}),
    },
  });
  const address = config.metrics.workerAddress;
  try {
    Runtime.install(options(address));
    // The exporter binds when the runtime is created: a busy address fails here, not later.
    Runtime.instance();
    if (address) logger.info({ address }, `worker metrics on http://${address}/metrics`);
  } catch (error) {
    if (!address) throw error;
    // A worker without metrics still does its work; the scrape's `up == 0` raises the alert.
    logger.error({ err: error, address }, 'worker metrics endpoint could not start: running without it');
    Runtime.install(options(undefined));
  }
}
