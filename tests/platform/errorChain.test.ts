import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler, toHttpError } from '../../api/errors.js';
import { credentialRecoveryWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { useLinkUpdate } from '../../workflows/kit/oneTimeLinkContract.js';
import { createValidatedCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

/**
 * A refusal raised by an activity that an Update runs reaches the API three levels deep:
 * WorkflowUpdateFailedError → ActivityFailure → ApplicationFailure. The error mapping must find
 * it there and answer its kind (4xx), not a 500.
 *
 * The lifecycle is the real credential recovery: the Update is the real `useLink`, its activity the
 * real `applyPasswordReset`, which refuses (non-retryable, typed) a link used without a new password
 * (Validation) or a token the database no longer accepts (Expired). The answer goes through the
 * API's own error handler, mounted on a route that sends that Update.
 */
let world: World;
let app: FastifyInstance;
let recovery: { workflowId: string; tokenId: string };

beforeAll(async () => {
  world = await startWorld();
  const candidate = await createValidatedCandidate(world);
  expect((await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email })).status).toBe(202);
  const workflowId = credentialRecoveryWorkflowId(candidate.accountId);
  const token = await waitForToken(workflowId);
  recovery = { workflowId, tokenId: token.id };

  app = Fastify();
  registerErrorHandler(app);
  app.post('/api/test/links/use', async () =>
    world.temporal.workflow.getHandle(recovery.workflowId).executeUpdate(useLinkUpdate, { args: [{ tokenId: recovery.tokenId }] }),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await world?.stop();
});

async function waitForToken(workflowId: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const token = await world.db('one_time_tokens').where({ workflow_id: workflowId, purpose: 'password_reset' }).first();
    if (token) return token as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no password_reset token for ${workflowId}`);
}

const useLink = (headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/test/links/use', headers });

describe('an activity’s refusal inside an Update is answered with its kind', () => {
  it('when the activity refuses (no new password with the link), then the error chain is three levels deep', async () => {
    const error = await world.temporal.workflow
      .getHandle(recovery.workflowId)
      .executeUpdate(useLinkUpdate, { args: [{ tokenId: recovery.tokenId }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const activity = (error as WorkflowUpdateFailedError).cause as ActivityFailure;
    expect(activity).toBeInstanceOf(ActivityFailure);
    expect(activity.cause).toBeInstanceOf(ApplicationFailure);
    expect((activity.cause as ApplicationFailure).type).toBe('Validation');
  });

  it('when the activity refuses with Validation, then the API answers 400, not 500, in the client’s language', async () => {
    const french = await useLink();
    expect(french.statusCode).toBe(400);
    expect(french.json()).toEqual({ error: 'Validation', message: 'Certaines valeurs envoyées sont invalides.' });

    const english = await useLink({ 'accept-language': 'en' });
    expect(english.statusCode).toBe(400);
    expect(english.json()).toEqual({ error: 'Validation', message: 'Some values sent are invalid.' });
  });

  it('when the activity refuses with Expired (the database revoked the token), then the API answers 410', async () => {
    // The hash is there this time; the token itself is revoked behind the lifecycle's back.
    await world.db('pending_password_changes').insert({ token_id: recovery.tokenId, password_hash: 'not-used' });
    await world.db('one_time_tokens').where({ id: recovery.tokenId }).update({ revoked_at: world.db.fn.now() });
    const answer = await useLink();
    expect(answer.statusCode).toBe(410);
    expect(answer.json()).toMatchObject({ error: 'Expired' });
  });

  it('when the lifecycle’s own validator refuses, then its catalogue message is rendered in the client’s language', async () => {
    const stale = { tokenId: '00000000-0000-4000-8000-000000000000' };
    const error = await world.temporal.workflow
      .getHandle(recovery.workflowId)
      .executeUpdate(useLinkUpdate, { args: [stale] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    // The failure keeps the French text as its message (logs, Temporal UI) and names its key.
    expect(failure.message).toBe('Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu.');
    expect(failure.details?.[0]).toMatchObject({ messageKey: 'link.superseded' });

    expect(toHttpError(error, 'fr')).toEqual({
      status: 410,
      body: { error: 'Superseded', message: 'Ce lien a été remplacé par un lien plus récent : utilisez le dernier courriel reçu.' },
    });
    expect(toHttpError(error, 'en').body.message).toBe('This link has been replaced by a newer one: use the latest e-mail you received.');
  });
});
