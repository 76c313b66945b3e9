import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseProjections } from '../../activities/jobOffer.js';
import { jobOfferWorkflowId } from '../../workflows/jobOffer/contract.js';
import { decideUpdate } from '../../workflows/kit/approval/contract.js';
import { createStaff, decideByLink, decisionLinkIn, type TestStaff, waitUntil } from '../support/approvals.js';
import { replayFinished } from '../support/histories.js';
import {
  activeGraduate,
  activeRecruiter,
  entStudent,
  moderate,
  offerForm,
  offerStatus,
  postOffer,
  waitForStatus,
} from '../support/offers.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
let webmaster: TestStaff;

beforeAll(async () => {
  // Reminders after 2 s (then rarely): the plan is data, so the test can watch one fire.
  world = await startWorld({ OFFER_PUBLICATION_MAX: 'P60D', OFFER_REMIND_AFTER: 'PT2S', OFFER_REMIND_EVERY: 'PT10M' });
  webmaster = await createStaff(world, [{ role: 'webmaster' }], 'Wendy Webmaster');
});
afterAll(async () => {
  await world?.stop();
});

const authorMail = (email: string, subject: RegExp) => world.mailbox.waitFor(email, { subject, timeoutMs: 20_000 });
const historyOf = async (auth: Record<string, string>, id: string, atLeast: number) =>
  waitUntil(async () => {
    const answer = await world.api('GET', `/api/me/offers/${id}`, undefined, auth);
    return answer.body.history?.length >= atLeast && answer.body;
  });

describe('job offer lifecycle (seed 002, « Déposer une offre ou un stage »)', () => {
  it('when a graduate posts and the webmaster publishes, then « Mes offres » shows it publiée, and at expiry it is archived and the author told', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth, { publicationDuration: 'PT4S' });
    await authorMail(author.email, /Offre enregistrée/);
    expect(await offerStatus(world, offer.id)).toBe('pending_review');

    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');
    await authorMail(author.email, /Offre publiée/);
    const mine = await world.api('GET', '/api/me/offers', undefined, author.auth);
    expect(mine.body.items[0]).toMatchObject({ id: offer.id, status: 'published', statusLabel: 'publiée', applications: 0 });

    await waitForStatus(world, offer.id, 'expired', 20_000);
    await authorMail(author.email, /Offre expirée/);
    const detail = await historyOf(author.auth, offer.id, 3);
    expect(detail.statusLabel).toBe('expirée');
    expect(detail.history.map((e: { status: string }) => e.status)).toEqual(['pending_review', 'published', 'expired']);
    expect(detail.history[1].details.decidedBy).toBe('Wendy Webmaster');
    await replayFinished(world, jobOfferWorkflowId(offer.id), 'jobOffer-published-expired');
  });

  it('when the webmaster asks for changes twice, then the author edits « à modifier » until it is published; editing it again sends it back, and a refusal ends it with the reason', async () => {
    const recruiter = await activeRecruiter(world, { canPostOffers: true });
    const offer = await postOffer(world, recruiter.auth, { kind: 'stage', contract: 'Convention de stage' });

    await moderate(world, webmaster, offer.title, { outcome: 'request_changes', comment: 'Précisez la gratification.' });
    await waitForStatus(world, offer.id, 'changes_requested');
    expect((await authorMail(recruiter.email, /Offre à modifier/)).text).toContain('Précisez la gratification.');
    const revised = {
      ...offerForm({ kind: 'stage', contract: 'Convention de stage' }),
      title: `${offer.title} v2`,
      contactEmail: offer.contactEmail,
      description: 'Stage de six mois, gratification légale, au sein de l’équipe produit.',
    };
    const saved = await world.api('PUT', `/api/me/offers/${offer.id}`, revised, recruiter.auth);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'pending_review', statusLabel: 'en attente de validation', revision: 2 });

    await moderate(world, webmaster, revised.title, { outcome: 'request_changes', comment: 'Indiquez le lieu exact.' });
    await waitForStatus(world, offer.id, 'changes_requested');
    const v3 = { ...revised, title: `${offer.title} v3`, location: 'Aubière, campus des Cézeaux' };
    expect((await world.api('PUT', `/api/me/offers/${offer.id}`, v3, recruiter.auth)).status).toBe(200);
    await moderate(world, webmaster, v3.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');

    // Editing a published offer: hidden at once, back to moderation, then refused with a reason.
    const v4 = { ...v3, title: `${offer.title} v4` };
    const edited = await world.api('PUT', `/api/me/offers/${offer.id}`, v4, recruiter.auth);
    expect(edited.body.status).toBe('pending_review');
    const member = await activeGraduate(world);
    expect((await world.api('GET', `/api/offers/${offer.id}`, undefined, member.auth)).status).toBe(404);
    await moderate(world, webmaster, v4.title, { outcome: 'refuse', reason: 'Offre hors du périmètre du réseau.' });
    await waitForStatus(world, offer.id, 'refused');
    expect((await authorMail(recruiter.email, /Offre refusée/)).text).toContain('Offre hors du périmètre du réseau.');

    const detail = await historyOf(recruiter.auth, offer.id, 8);
    expect(detail.history.map((e: { status: string }) => e.status)).toEqual([
      'pending_review',
      'changes_requested',
      'pending_review',
      'changes_requested',
      'pending_review',
      'published',
      'pending_review',
      'refused',
    ]);
    expect(detail.history[1].details.comment).toBe('Précisez la gratification.');
    expect(detail.history[7].details.reason).toBe('Offre hors du périmètre du réseau.');
    expect((await world.api('PUT', `/api/me/offers/${offer.id}`, v4, recruiter.auth)).status).toBe(409);
    await replayFinished(world, jobOfferWorkflowId(offer.id), 'jobOffer-changes-published-refused');
  });

  it('when the « publiée » write of the previous version lands after the author saved a new one, then the new version stays hidden', async () => {
    // The lifecycle writes an offer's status when it enters a phase; the API also writes it when the
    // author edits (hidden at once). A write of the older phase that lands after the edit (a late
    // or retried projection) must not publish the unmoderated version: it carries its revision.
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');
    const v2 = { ...offerForm(), title: `${offer.title} v2`, contactEmail: offer.contactEmail };
    const edited = await world.api('PUT', `/api/me/offers/${offer.id}`, v2, author.auth);
    expect(edited.body).toMatchObject({ status: 'pending_review', revision: 2 });

    const latePublication = { workflowId: jobOfferWorkflowId(offer.id), kind: 'jobOffer', subjectId: offer.id, step: '002-published' };
    await world.db.transaction((tx) =>
      phaseProjections.jobOffer!(tx, { ...latePublication, status: 'published', details: {}, at: Date.now(), project: true, version: 1 }),
    );
    expect(await offerStatus(world, offer.id)).toBe('pending_review');
    const member = await entStudent(world);
    expect((await world.api('GET', `/api/offers/${offer.id}`, undefined, member.auth)).status).toBe(404);
    await world.api('POST', `/api/me/offers/${offer.id}/withdrawal`, {}, author.auth);
  });

  it('when an offer waits for moderation, then every webmaster is asked by mail and reminded following the plan', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    const asked = await world.mailbox.waitFor(webmaster.email, { subject: new RegExp(`^Décision attendue : Offre « ${offer.title} »`) });
    expect(asked.text).toContain('Volcans Industrie');
    await world.mailbox.waitFor(webmaster.email, {
      subject: new RegExp(`^Rappel : décision attendue : Offre « ${offer.title} »`),
      timeoutMs: 15_000,
    });
    await world.api('POST', `/api/me/offers/${offer.id}/withdrawal`, {}, author.auth);
  });

  it('when the author withdraws before moderation, then the pending decision is cancelled and the offer is « retirée »; a second withdrawal is refused', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await waitUntil(async () => {
      const inbox = await world.api('GET', '/api/approvals/inbox', undefined, webmaster.auth);
      return inbox.body.items?.some((i: { title: string }) => i.title.includes(offer.title));
    });
    // Not editable while it waits for moderation.
    expect((await world.api('PUT', `/api/me/offers/${offer.id}`, offerForm(), author.auth)).status).toBe(409);

    const withdrawn = await world.api('POST', `/api/me/offers/${offer.id}/withdrawal`, { reason: 'Poste pourvu' }, author.auth);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusLabel: 'retirée' });
    await authorMail(author.email, /Offre retirée/);
    const inbox = await world.api('GET', '/api/approvals/inbox', undefined, webmaster.auth);
    expect(inbox.body.items.some((i: { title: string }) => i.title.includes(offer.title))).toBe(false);
    expect((await world.api('POST', `/api/me/offers/${offer.id}/withdrawal`, {}, author.auth)).status).toBe(409);
  });

  it('when the author closes a published offer early, then it is « retirée » and no longer visible', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    await moderate(world, webmaster, offer.title, { outcome: 'approve' });
    await waitForStatus(world, offer.id, 'published');
    const member = await entStudent(world);
    expect((await world.api('GET', `/api/offers/${offer.id}`, undefined, member.auth)).status).toBe(200);
    const closed = await world.api('POST', `/api/me/offers/${offer.id}/withdrawal`, undefined, author.auth);
    expect(closed.body).toMatchObject({ status: 'withdrawn' });
    expect((await world.api('GET', `/api/offers/${offer.id}`, undefined, member.auth)).status).toBe(404);
  });

  it('when someone without the right posts, or a field is missing, then the offer is refused with French messages', async () => {
    const recruiter = await activeRecruiter(world, { canPostOffers: false });
    const denied = await world.api('POST', '/api/offers', offerForm(), recruiter.auth);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/droit de déposer des offres/);
    expect((await world.api('POST', '/api/offers', offerForm(), (await entStudent(world)).auth)).status).toBe(403);
    expect((await world.api('POST', '/api/offers', offerForm())).status).toBe(401);

    const author = await activeGraduate(world);
    const bad = await world.api(
      'POST',
      '/api/offers',
      { ...offerForm({ contactEmail: 'pas-une-adresse', kind: 'cdi' }), title: '' },
      author.auth,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({
      title: 'Le titre de l’offre est obligatoire',
      contactEmail: expect.stringMatching(/n’est pas valide/),
      kind: expect.stringMatching(/Choisissez un type/),
    });
    const tooLong = await world.api('POST', '/api/offers', offerForm({ publicationDuration: 'P120D' }), author.auth);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields.publicationDuration).toBe('La durée de publication ne peut pas dépasser 60 jours.');
    const defaults = await postOffer(world, author.auth);
    expect((await world.api('GET', `/api/me/offers/${defaults.id}`, undefined, author.auth)).body.publicationDuration).toBe('P30D');
    // Someone else's offer does not exist for them.
    expect((await world.api('GET', `/api/me/offers/${defaults.id}`, undefined, (await activeGraduate(world)).auth)).status).toBe(404);
  });

  it('when the webmaster asks for changes without a comment, then the inbox, the decision link page and the lifecycle itself refuse it, and the offer stays in moderation', async () => {
    const author = await activeGraduate(world);
    const offer = await postOffer(world, author.auth);
    const task = await waitUntil(async () => {
      const inbox = await world.api('GET', '/api/approvals/inbox?limit=200', undefined, webmaster.auth);
      return (inbox.body.items as { taskId: string; title: string }[] | undefined)?.find((i) => i.title.includes(offer.title));
    });

    const byInbox = await world.api('POST', `/api/approvals/inbox/${task.taskId}/decision`, { outcome: 'request_changes' }, webmaster.auth);
    expect(byInbox.status).toBe(400);
    expect(byInbox.body.fields.comment).toBe('Indiquez ce qu’il faut modifier');
    const blank = await world.api(
      'POST',
      `/api/approvals/inbox/${task.taskId}/decision`,
      { outcome: 'request_changes', comment: '   ' },
      webmaster.auth,
    );
    expect(blank.status).toBe(400);

    const mail = await waitUntil(async () => world.mailbox.to(webmaster.email).find((m) => m.text.includes(offer.title)));
    const byLink = await decideByLink(world, decisionLinkIn(mail), { outcome: 'request_changes' });
    expect(byLink.status).toBe(400);
    expect(byLink.html).toContain('Indiquez ce qu’il faut modifier');
    expect(byLink.html).toContain('obligatoire pour demander des modifications');

    // The lifecycle's own validator, reached without the API (another front-end, a script).
    const refused = world.temporal.workflow.getHandle(jobOfferWorkflowId(offer.id)).executeUpdate(decideUpdate, {
      args: [
        {
          step: 'moderation-1',
          decider: { key: webmaster.key, roles: [{ role: 'webmaster', scope: '' }] },
          channel: 'inbox',
          outcome: 'request_changes',
        },
      ],
    });
    await expect(refused).rejects.toMatchObject({
      cause: { type: 'Validation', message: expect.stringContaining('commentaire est obligatoire') },
    });
    expect(await offerStatus(world, offer.id)).toBe('pending_review');

    await moderate(world, webmaster, offer.title, { outcome: 'request_changes', comment: 'Indiquez le salaire.' });
    await waitForStatus(world, offer.id, 'changes_requested');
  });
});
