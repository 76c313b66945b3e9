/**
 * The platform of the versioning test, in this process: one API (the real Fastify app) per
 * worker deployment, and the platform worker (worker.ts's createPlatformWorker) started as one
 * version of that deployment, configured only through the WORKER_* variables, with the workflow
 * bundle of that version's code. People sign up through the API and validate from their mail.
 */
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { buildApp } from '../../../api/app.js';
import { createDb, type Db } from '../../../db/connection.js';
import { candidateFor, http, openAndSubmitLink, subjects } from '../../../harness/candidates.js';
import type { Inbox, InboxMail } from '../../../harness/inbox.js';
import { linkIn } from '../../../harness/inbox.js';
import type { Stack } from '../../../harness/stack.js';
import { getFreePort } from '../../../infra/processControl.js';
import { AesGcmPayloadCodec } from '../../../lib/codec/aesGcmCodec.js';
import { clientDataConverter } from '../../../lib/codec/dataConverter.js';
import { newPayloadKeyEnv } from '../../../lib/codec/payloadKeys.js';
import { parseConfig } from '../../../lib/config.js';
import { createPasswordHasher } from '../../../lib/passwords.js';
import { createSmtpMailer } from '../../../mail/mailer.js';
import { createPlatformWorker } from '../../../worker.js';
import { candidateAccountWorkflowId } from '../../../workflows/candidateAccount/contract.js';

export interface VersionedPlatform {
  deploymentName: string;
  taskQueue: string;
  baseUrl: string;
  client: Client;
  /** Payloads are sealed (issue 13): replaying a history needs the same codec. */
  replayDataConverter: DataConverter;
  /** Starts a worker of version `buildId` running `bundleCode`; resolves once it polls. */
  startVersion(buildId: string, behavior: 'PINNED' | 'AUTO_UPGRADE', bundleCode: string): Promise<RunningVersion>;
  signUp(tag: string): Promise<Person>;
  validate(person: Person): Promise<string>;
  stop(): Promise<void>;
}

export interface RunningVersion {
  buildId: string;
  /** Graceful shutdown: in-flight tasks finish, then the worker stops polling. */
  stop(): Promise<void>;
}

export interface Person {
  email: string;
  workflowId: string;
  mail: InboxMail;
}

export async function startVersionedPlatform(stack: Stack & { inbox: Inbox }, name: string): Promise<VersionedPlatform> {
  const suffix = randomBytes(3).toString('hex');
  const deploymentName = `approvals-${name}-${suffix}`;
  const taskQueue = `versioning-${name}-${suffix}`;
  const port = await getFreePort();
  const env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_NAMESPACE: stack.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_URL: stack.inbox.url,
    APP_SECRET: randomBytes(32).toString('hex'),
    ...newPayloadKeyEnv(),
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    LOG_LEVEL: 'silent',
    // Every sign-up comes from loopback: allow-listed as a campus NAT would be (issue 12's per-IP limits).
    RATE_LIMIT_ALLOW_LIST: '127.0.0.1/32,::1/128',
  };
  const config = parseConfig(env);
  const db: Db = createDb(config.database.url, 6);
  const mailer = createSmtpMailer(config.mail);
  const client = new Client({
    connection: await Connection.connect({ address: config.temporal.address }),
    namespace: config.temporal.namespace,
    dataConverter: clientDataConverter(config.temporal.payloadKeys),
  });
  const app = await buildApp({ db, temporal: client, config, hasher: createPasswordHasher(config.argon2) }, { logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const baseUrl = config.http.publicBaseUrl;
  const running: Array<{ worker: Worker; run: Promise<void>; connection: NativeConnection }> = [];
  let people = 0;

  return {
    deploymentName,
    taskQueue,
    baseUrl,
    replayDataConverter: { payloadCodecs: [new AesGcmPayloadCodec(config.temporal.payloadKeys)] },
    client,
    async startVersion(buildId, behavior, bundleCode) {
      // Exactly what `WORKER_DEPLOYMENT_NAME=… WORKER_BUILD_ID=… npm run worker` configures.
      const versionConfig = parseConfig({
        ...env,
        WORKER_DEPLOYMENT_NAME: deploymentName,
        WORKER_BUILD_ID: buildId,
        WORKER_VERSIONING_BEHAVIOR: behavior,
      });
      const connection = await NativeConnection.connect({ address: config.temporal.address });
      const worker = await createPlatformWorker({
        config: versionConfig,
        connection,
        deps: { db, mailer, config: versionConfig },
        workflowBundle: { code: bundleCode },
      });
      const entry = { worker, run: worker.run(), connection };
      running.push(entry);
      return {
        buildId,
        async stop() {
          entry.worker.shutdown();
          await entry.run;
          await entry.connection.close();
        },
      };
    },
    async signUp(tag) {
      const candidate = candidateFor(`${name}-${tag}-${suffix}`, people++);
      const created = await http(baseUrl, 'POST', '/api/candidates', candidate);
      if (created.status !== 201) throw new Error(`sign-up ${candidate.email}: ${created.status} ${created.text.slice(0, 200)}`);
      // The validation mail is out: the lifecycle has run its first workflow tasks on some version.
      const mail = await stack.inbox.waitFor(candidate.email, subjects.validation, { timeoutMs: 60_000 });
      return { email: candidate.email, workflowId: candidateAccountWorkflowId(created.body.accountId as string), mail };
    },
    async validate(person) {
      const link = await openAndSubmitLink(baseUrl, linkIn(person.mail), { retrySuperseded: true });
      if (link.post?.status !== 200) throw new Error(`validation of ${person.email}: ${link.post?.status ?? link.get.status}`);
      await stack.inbox.waitFor(person.email, subjects.validated, { timeoutMs: 60_000 });
      return String(await client.workflow.getHandle(person.workflowId).result());
    },
    async stop() {
      await app.close();
      for (const entry of running) {
        entry.worker.getState() === 'RUNNING' && entry.worker.shutdown();
        await entry.run.catch(() => undefined);
        await entry.connection.close().catch(() => undefined);
      }
      await client.connection.close();
      mailer.close();
      await db.destroy();
    },
  };
}
