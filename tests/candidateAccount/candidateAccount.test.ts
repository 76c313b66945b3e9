import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn } from '../support/mailbox.js';
import { createValidatedCandidate, followLink, login, newCandidate } from '../support/users.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

describe('candidate account (eCandidat « Créer un compte »)', () => {
  it('when a candidate creates an account, then the seed message answers, a validation mail arrives, and login waits for validation', async () => {
    const candidate = newCandidate();
    const created = await world.api('POST', '/api/candidates', candidate);
    expect(created.status).toBe(201);
    expect(created.body.message).toBe('Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider');

    const mail = await world.mailbox.waitFor(candidate.email, { subject: /Validez votre compte/ });
    expect(mail.text).toContain('Bonjour Sami');
    expect(mail.text).not.toContain(candidate.password);

    const early = await login(world, candidate.email, candidate.password);
    expect(early.status).toBe(403);
    expect(early.body.message).toBe(
      "Connexion impossible. Votre compte n'a pas été validé, veuillez consulter vos courriels pour le valider",
    );

    const validation = await followLink(world, linkIn(mail));
    expect(validation.getStatus).toBe(200);
    expect(validation.status).toBe(200);
    expect(validation.html).toContain('Votre compte est validé');
    const fileNumber = /(EC\d{7})/.exec(validation.html)![1]!;

    const welcome = await world.mailbox.waitFor(candidate.email, { subject: /Votre compte est validé/ });
    expect(welcome.text).toContain(fileNumber);

    for (const identifier of [fileNumber, candidate.email.toUpperCase()]) {
      const session = await login(world, identifier, candidate.password);
      expect(session.status).toBe(201);
      const me = await world.api('GET', '/api/me', undefined, { authorization: `Bearer ${session.body.token}` });
      expect(me.body).toMatchObject({ fileNumber, email: candidate.email, status: 'active', lastName: 'Kheloufi' });
    }
  });

  it('when the validation page is opened many times (mail scanners), then nothing changes until the POST', async () => {
    const candidate = newCandidate();
    await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email));
    for (let i = 0; i < 20; i++) expect((await fetch(link)).status).toBe(200);
    expect((await login(world, candidate.email, candidate.password)).status).toBe(403);
    expect((await followLink(world, link)).status).toBe(200);
    expect((await login(world, candidate.email, candidate.password)).status).toBe(201);
  });

  it('when the candidate asks for English, then the mails are in English', async () => {
    const candidate = { ...newCandidate(), locale: 'en' };
    expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
    const mail = await world.mailbox.waitFor(candidate.email);
    expect(mail.subject).toBe('Validate your account');
    expect(mail.html).toContain('Validate my account');
  });

  it('when the link is used before the mail server has even acknowledged the mail, then the workflow already knows it', async () => {
    const candidate = newCandidate();
    const outcome = new Promise<number>((resolve) => {
      world.mailbox.onMail(async (mail) => {
        if (mail.to.includes(candidate.email) && /Validez/.test(mail.subject)) resolve((await followLink(world, linkIn(mail))).status);
      });
    });
    await world.api('POST', '/api/candidates', candidate);
    expect(await outcome).toBe(200);
  });

  it('when a validation link is used twice, then the second use is refused as already used', async () => {
    const candidate = newCandidate();
    await world.api('POST', '/api/candidates', candidate);
    const link = linkIn(await world.mailbox.waitFor(candidate.email));
    expect((await followLink(world, link)).status).toBe(200);
    const again = await world.api('POST', `/api/links/${link.split('/liens/')[1]}/use`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Ce lien a déjà été utilisé.');
  });

  it('when the address already has an account, then « Un compte avec cette adresse mail existe déjà » points to the recovery', async () => {
    const candidate = newCandidate();
    expect((await world.api('POST', '/api/candidates', candidate)).status).toBe(201);
    const again = await world.api('POST', '/api/candidates', {
      ...candidate,
      email: candidate.email.toUpperCase(),
      emailConfirmation: candidate.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Un compte avec cette adresse mail existe déjà');
    expect(again.body.hint).toBe('J’ai oublié mes identifiants');
  });

  it('when ten creations race for one address, then exactly one account exists', async () => {
    const candidate = newCandidate();
    const answers = await Promise.all(Array.from({ length: 10 }, () => world.api('POST', '/api/candidates', candidate)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    // The others: « already exists », or past the quota of mails to one address (MAIL_LIMIT_PER_RECIPIENT).
    expect(answers.filter((a) => a.status === 409 || a.status === 429)).toHaveLength(9);
    const rows = await world.db('candidate_accounts').where({ email: candidate.email });
    expect(rows).toHaveLength(1);
  });

  it('when « Renvoyer le lien » is used, then the previous link stops working and the new one validates', async () => {
    const candidate = newCandidate();
    await world.api('POST', '/api/candidates', candidate);
    const first = linkIn(await world.mailbox.waitFor(candidate.email));
    const resent = await world.api('POST', '/api/candidates/validation-link', { email: candidate.email });
    expect(resent.status).toBe(202);
    const second = linkIn(await world.mailbox.waitFor(candidate.email, { count: 2 }));
    expect(second).not.toBe(first);

    const old = await followLink(world, first);
    expect(old.getStatus).toBe(410);
    expect(old.getHtml).toContain('remplacé par un lien plus récent');
    expect((await followLink(world, second)).status).toBe(200);
  });

  it('when the address is unknown, then « Renvoyer le lien » gives the same answer and sends nothing', async () => {
    const unknown = await world.api('POST', '/api/candidates/validation-link', { email: 'personne@example.org' });
    expect(unknown.status).toBe(202);
    await new Promise((r) => setTimeout(r, 500));
    expect(world.mailbox.to('personne@example.org')).toHaveLength(0);
  });
});

describe('credentials and sessions', () => {
  it('when credentials are forgotten, then the mail carries the login and a single-use link, never a password', async () => {
    const candidate = await createValidatedCandidate(world);
    const unknownAnswer = await world.api('POST', '/api/candidates/forgotten-credentials', { email: 'inconnu@example.org' });
    const knownAnswer = await world.api('POST', '/api/candidates/forgotten-credentials', { email: candidate.email });
    expect(knownAnswer.status).toBe(202);
    expect(unknownAnswer).toMatchObject({ status: 202, body: knownAnswer.body });

    const mail = await world.mailbox.waitFor(candidate.email, { subject: /Vos identifiants/ });
    expect(mail.text).toContain(candidate.fileNumber);
    expect(mail.text).not.toContain(candidate.password);

    const session = await login(world, candidate.email, candidate.password);
    const link = linkIn(mail);
    const weak = await followLink(world, link, { password: 'court', passwordConfirmation: 'court' });
    expect(weak.status).toBe(400);
    expect(weak.html).toContain('au moins 12 caractères');

    const newPassword = 'Nouveau-Secret-42';
    const reset = await followLink(world, link, { password: newPassword, passwordConfirmation: newPassword });
    expect(reset.status).toBe(200);
    expect(reset.html).toContain('Votre mot de passe a été modifié');
    await world.mailbox.waitFor(candidate.email, { subject: /mot de passe a été modifié/ });

    expect((await login(world, candidate.email, candidate.password)).status).toBe(401);
    expect((await login(world, candidate.fileNumber, newPassword)).status).toBe(201);
    const oldSession = await world.api('GET', '/api/me', undefined, { authorization: `Bearer ${session.body.token}` });
    expect(oldSession.status).toBe(401);
    expect((await followLink(world, link, { password: 'Encore-Autre-43', passwordConfirmation: 'Encore-Autre-43' })).getStatus).toBe(410);
  });

  it('when a candidate logs out, then the session token no longer works', async () => {
    const candidate = await createValidatedCandidate(world);
    const session = await login(world, candidate.email, candidate.password);
    const auth = { authorization: `Bearer ${session.body.token}` };
    expect((await world.api('DELETE', '/api/sessions/current', undefined, auth)).status).toBe(204);
    expect((await world.api('GET', '/api/me', undefined, auth)).status).toBe(401);
  });

  it('when logins fail repeatedly, then further attempts are throttled with Retry-After', async () => {
    const candidate = await createValidatedCandidate(world);
    for (let i = 0; i < 5; i++) expect((await login(world, candidate.email, 'Mauvais-Mot-2026')).status).toBe(401);
    const throttled = await login(world, candidate.email, candidate.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('when the address is changed, then the candidate is logged out until the new address is validated', async () => {
    const candidate = await createValidatedCandidate(world);
    const session = await login(world, candidate.email, candidate.password);
    const auth = { authorization: `Bearer ${session.body.token}` };
    const newEmail = `nouvelle.${candidate.email}`;
    const changed = await world.api(
      'PUT',
      '/api/me/email',
      { email: newEmail, emailConfirmation: newEmail, currentPassword: candidate.password },
      auth,
    );
    expect(changed.status).toBe(202);
    expect((await world.api('GET', '/api/me', undefined, auth)).status).toBe(401);
    expect((await login(world, candidate.email, candidate.password)).status).toBe(403);

    const link = linkIn(await world.mailbox.waitFor(newEmail, { subject: /nouvelle adresse/ }));
    expect((await followLink(world, link)).status).toBe(200);
    await world.mailbox.waitFor(newEmail, { subject: /nouvelle adresse mail est validée/ });
    expect((await login(world, newEmail, candidate.password)).status).toBe(201);
    expect((await login(world, candidate.email, candidate.password)).status).toBe(401);
  });
});
