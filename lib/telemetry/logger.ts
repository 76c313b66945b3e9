/**
 * The worker's log lines: pino JSON like the API's (Fastify's logger is pino too), each with the
 * trace and span ids of the work it is about (`traceLogFields`), so a line found in the logs
 * leads to its trace and back.
 */
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { type Logger, pino } from 'pino';
import { traceLogFields } from './tracing.js';

export function createLogger(options: { level: string; service: string }): Logger {
  return pino({ level: options.level, base: { service: options.service }, mixin: traceLogFields });
}

const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * The Temporal SDK's logger (its own messages, workflow and activity `log` calls, and Core's lines
 * when forwarded) written through pino. Activity and workflow lines already carry `trace_id` from
 * the OpenTelemetry interceptors; the mixin adds it to the others made inside a span.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta: LogMetadata = {}) => {
    const { error, ...rest } = meta as { error?: unknown } & Record<string, unknown>;
    // pino serialises an Error (message, stack, cause) under `err`.
    logger[pinoLevel[level]]({ ...rest, ...(error === undefined ? {} : { err: error }) }, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
