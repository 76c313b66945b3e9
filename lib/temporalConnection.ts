import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
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
  return new Client({ connection, namespace: temporal.namespace });
}

export function connectWorkerConnection(temporal: Config['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(temporalConnectionOptions(temporal));
}
