import { readFileSync } from 'node:fs';
import { Client, type ClientInterceptors, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { clientDataConverter } from './codec/dataConverter.js';
import type { Config } from './config.js';

/**
 * Connection options shared by the API's client and the worker: plain for the dev server, TLS
 * with an API key for Temporal Cloud, or mTLS with a client certificate for a cluster.
 */
export function temporalConnectionOptions(temporal: Config['temporal']) {
  const { tls } = temporal;
  const read = (path?: string) => (path ? readFileSync(path) : undefined);
  const clientCertPair = tls.certPath && tls.keyPath ? { crt: read(tls.certPath)!, key: read(tls.keyPath)! } : undefined;
  return {
    address: temporal.address,
    apiKey: temporal.apiKey,
    tls: tls.enabled ? { serverNameOverride: tls.serverName, serverRootCACertificate: read(tls.caPath), clientCertPair } : undefined,
  };
}

export async function connectClient(temporal: Config['temporal']): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(temporal));
  return new Client({ connection, namespace: temporal.namespace, dataConverter: clientDataConverter(temporal.payloadKeys) });
}

export function connectWorkerConnection(temporal: Config['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(temporalConnectionOptions(temporal));
}

/**
 * The API's client on a lazy connection: nothing is dialled until the first call, so the API
 * starts while Temporal is down and its calls fail as UNAVAILABLE, which api/errors.ts answers
 * with 503 and `Retry-After`; the channel reconnects by itself once Temporal is back.
 */
export function lazyClient(temporal: Config['temporal'], interceptors?: ClientInterceptors): Client {
  const connection = Connection.lazy(temporalConnectionOptions(temporal));
  return new Client({
    connection,
    namespace: temporal.namespace,
    dataConverter: clientDataConverter(temporal.payloadKeys),
    ...(interceptors ? { interceptors } : {}),
  });
}

/**
 * Resolves once Temporal answers (polling every `intervalMs`), calling `onWaiting` after the first
 * failure: for the API's log, which says when it can start lifecycles. Stops when `signal` aborts.
 */
export async function waitUntilTemporalAnswers(
  client: Client,
  options: { intervalMs?: number; signal?: AbortSignal; onWaiting?: (error: Error) => void } = {},
): Promise<boolean> {
  let warned = false;
  while (!options.signal?.aborted) {
    try {
      await client.connection.withDeadline(Date.now() + 2_000, () => client.workflowService.getSystemInfo({}));
      return true;
    } catch (error) {
      if (!warned) options.onWaiting?.(error as Error);
      warned = true;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 2_000).unref());
    }
  }
  return false;
}
