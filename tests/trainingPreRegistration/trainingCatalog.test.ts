import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../support/approvals.js';
import { createActionWithSession, fillSteps, loggedInApplicant, validSteps } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.stop());

describe('training catalog (seed 004)', () => {
  it('when a person searches by keyword, accent-insensitively, then matching actions come with their sessions and seats left', async () => {
    const { actionId } = await createActionWithSession(world, {
      title: 'Sécurité des systèmes d’information',
      theme: 'Numérique',
      capacity: 7,
    });
    await createActionWithSession(world, { title: 'Anglais professionnel', theme: 'Langues' });

    const found = await world.api('GET', '/api/training/actions?q=securite%20systeme');
    expect(found.status).toBe(200);
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([actionId]);
    expect(found.body.items[0].sessions[0]).toMatchObject({ capacity: 7, seatsLeft: 7, registrationOpen: true });

    const byTheme = await world.api('GET', '/api/training/actions?theme=Langues');
    expect(byTheme.body.items.every((a: { theme: string }) => a.theme === 'Langues')).toBe(true);
    const themes = await world.api('GET', '/api/training/themes');
    expect(themes.body.themes).toEqual(expect.arrayContaining([{ theme: 'Numérique', actions: 1 }]));
  });

  it('when the catalog is paged, then pages do not overlap and the total is stable', async () => {
    for (let i = 0; i < 5; i++) await createActionWithSession(world, { theme: 'Pagination' });
    const first = await world.api('GET', '/api/training/actions?theme=Pagination&pageSize=2&page=1');
    const second = await world.api('GET', '/api/training/actions?theme=Pagination&pageSize=2&page=2');
    expect(first.body.total).toBe(5);
    expect(second.body.total).toBe(5);
    const ids = [...first.body.items, ...second.body.items].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(4);
    expect((await world.api('GET', '/api/training/actions?pageSize=500')).status).toBe(400);
  });

  it('when staff manage the catalog, then only an administrator or the action’s chargé de projet may', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }]);
    const webmaster = await createStaff(world, [{ role: 'webmaster' }]);
    const body = { code: `ACT-${Date.now()}`, title: 'Gestion du temps', theme: 'Efficacité', description: 'Prioriser et planifier.' };
    expect((await world.api('POST', '/api/training/actions', body, webmaster.auth)).status).toBe(403);
    const created = await world.api('POST', '/api/training/actions', body, admin.auth);
    expect(created.status).toBe(201);
    expect((await world.api('POST', '/api/training/actions', body, admin.auth)).status).toBe(409);

    const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: created.body.code }]);
    const session = await world.api(
      'POST',
      `/api/training/actions/${created.body.id}/sessions`,
      { startsOn: '2027-03-01', endsOn: '2027-03-02', place: 'Salle 1', capacity: 3 },
      manager.auth,
    );
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ seatsLeft: 3, registrationOpen: true });
    const badDates = await world.api(
      'POST',
      `/api/training/actions/${created.body.id}/sessions`,
      { startsOn: '2027-03-02', endsOn: '2027-03-01', place: 'Salle 1', capacity: 3 },
      manager.auth,
    );
    expect(badDates.status).toBe(400);
    expect(badDates.body.fields.endsOn).toBe('La date de fin doit suivre la date de début');
    const applicant = await loggedInApplicant(world);
    expect((await world.api('POST', '/api/training/actions', body, applicant.auth)).status).toBe(403);
  });
});

describe('pre-registration form in five steps', () => {
  it('when a person fills the steps, leaves and comes back, then each valid step is kept and the summary says what is missing', async () => {
    const applicant = await loggedInApplicant(world);
    const { sessionId } = await createActionWithSession(world);
    const started = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
    expect(started.status).toBe(201);
    expect(started.body.prefill).toEqual({ lastName: 'Kheloufi', firstName: 'Sami' });
    const id = started.body.id;

    const invalid = await world.api(
      'PUT',
      `/api/pre-registrations/${id}/steps/1`,
      { civility: 'Madame', lastName: '', birthDate: '31/12/1980' },
      applicant.auth,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields).toMatchObject({
      lastName: 'Le nom est obligatoire',
      firstName: 'Le prénom est obligatoire',
      birthDate: 'La date de naissance doit être au format AAAA-MM-JJ',
    });

    const steps = validSteps('superieur@universite.example');
    expect((await world.api('PUT', `/api/pre-registrations/${id}/steps/1`, steps[1], applicant.auth)).status).toBe(200);
    expect((await world.api('PUT', `/api/pre-registrations/${id}/steps/3`, steps[3], applicant.auth)).status).toBe(200);

    const resumed = await world.api('GET', `/api/pre-registrations/${id}`, undefined, applicant.auth);
    expect(resumed.body.steps[0].values).toMatchObject({ lastName: 'Durand' });
    expect(resumed.body.summary).toMatchObject({ step: 5, readyToSend: false, missingSteps: [2, 4] });

    await fillSteps(world, applicant.auth, id, 'superieur@universite.example');
    const complete = await world.api('GET', `/api/pre-registrations/${id}`, undefined, applicant.auth);
    expect(complete.body.summary).toMatchObject({ readyToSend: true, missingSteps: [] });
    const mine = await world.api('GET', '/api/me/pre-registrations', undefined, applicant.auth);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, status: 'draft', sessionId })]);
  });

  it('when the person names themself as supervisor, then step 4 is refused (four eyes)', async () => {
    const applicant = await loggedInApplicant(world);
    const { sessionId } = await createActionWithSession(world);
    const { body } = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
    const self = await world.api(
      'PUT',
      `/api/pre-registrations/${body.id}/steps/4`,
      { lastName: 'Moi', firstName: 'Même', email: applicant.email },
      applicant.auth,
    );
    expect(self.status).toBe(400);
    expect(self.body.fields.email).toMatch(/supérieur hiérarchique, pas la vôtre/);
  });

  it('when a second pre-registration is started for the same session, then 409 points to the existing one; another person cannot read it', async () => {
    const applicant = await loggedInApplicant(world);
    const other = await loggedInApplicant(world);
    const { sessionId } = await createActionWithSession(world);
    const first = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
    const again = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
    expect(again.status).toBe(409);
    expect(again.body.preRegistrationId).toBe(first.body.id);
    expect((await world.api('GET', `/api/pre-registrations/${first.body.id}`, undefined, other.auth)).status).toBe(404);
    expect((await world.api('PUT', `/api/pre-registrations/${first.body.id}/steps/1`, validSteps('x@y.fr')[1], other.auth)).status).toBe(
      404,
    );
    expect((await world.api('PUT', `/api/pre-registrations/${first.body.id}/steps/9`, {}, applicant.auth)).status).toBe(400);
  });

  it('when the session has started or is closed, then no new pre-registration', async () => {
    const applicant = await loggedInApplicant(world);
    const { sessionId } = await createActionWithSession(world, { startsInDays: -1 });
    const late = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('Les pré-inscriptions à cette session sont fermées.');
  });
});

describe('session changes that contradict what they leave unchanged', () => {
  it('when a session’s start is moved after its end, then 400 on endsOn (found by schemathesis: was a 500)', async () => {
    const admin = await createStaff(world, [{ role: 'administrateur' }]);
    const { sessionId } = await createActionWithSession(world, { startsInDays: 60 });
    const late = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const answer = await world.api('PATCH', `/api/training/sessions/${sessionId}`, { startsOn: late }, admin.auth);
    expect(answer.status).toBe(400);
    expect(answer.body.fields.endsOn).toBe('La date de fin doit suivre la date de début');
  });
});
