import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateAccountWorkflowId } from '../../workflows/candidateAccount/contract.js';
import { linkIn } from '../support/mailbox.js';
import { followLink, login, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  // Deadlines are data: seconds here, days in production.
  world = await startWorld({ ACCOUNT_VALIDATION_WINDOW: 'PT4S', EMAIL_CHANGE_WINDOW: 'PT4S', PASSWORD_RESET_WINDOW: 'PT4S' });
});
afterAll(() => world?.stop());

describe('deadlines', () => {
  it('when the validation deadline passes, then the account is purged, the candidate told, and the address is free again', async () => {
    const candidate = newCandidate();
    const created = await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email));

    await world.mailbox.waitFor(candidate.email, { subject: /a été supprimé/, timeoutMs: 15_000 });
    const outcome = await world.temporal.workflow.getHandle(candidateAccountWorkflowId(created.body.accountId)).result();
    expect(outcome).toBe('purged');
    expect(await world.db('candidate_accounts').where({ email: candidate.email })).toHaveLength(0);
    const stale = await followLink(world, link);
    expect(stale.getStatus).toBe(410);
    expect(stale.getHtml).toContain('Ce lien a expiré');
    expect((await login(world, candidate.email, candidate.password)).status).toBe(401);

    expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
  });

  it('when a new address is not validated in time, then the old address is kept and login works again', async () => {
    const candidate = newCandidate();
    await world.api('POST', '/api/candidates', candidate);
    expect((await followLink(world, linkIn(await world.mailbox.waitFor(candidate.email)))).status).toBe(200);
    const session = await login(world, candidate.email, candidate.password);
    const newEmail = `autre.${candidate.email}`;
    await world.api(
      'PUT',
      '/api/me/email',
      { email: newEmail, emailConfirmation: newEmail, currentPassword: candidate.password },
      { authorization: `Bearer ${session.body.token}` },
    );
    expect((await login(world, candidate.email, candidate.password)).status).toBe(403);

    await world.mailbox.waitFor(candidate.email, { subject: /abandonnée/, timeoutMs: 15_000 });
    expect((await login(world, candidate.email, candidate.password)).status).toBe(201);
  });
});
