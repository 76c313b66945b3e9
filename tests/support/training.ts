import { createValidatedCandidate, login } from './users.js';
import type { World } from './world.js';

let counter = 0;

/** An action with one session, written straight to the catalog tables (test setup, not behaviour). */
export async function createActionWithSession(
  world: World,
  options: {
    capacity?: number;
    startsInDays?: number;
    theme?: string;
    title?: string;
    description?: string;
    projectManagerId?: string;
  } = {},
) {
  counter += 1;
  const [action] = await world
    .db('training_actions')
    .insert({
      code: `T-${Date.now().toString(36)}-${counter}`,
      title: options.title ?? `Action ${counter}`,
      theme: options.theme ?? 'Bureautique',
      description: options.description ?? 'Une formation de test.',
      project_manager_id: options.projectManagerId ?? null,
    })
    .returning('id');
  const startsOn = new Date(Date.now() + (options.startsInDays ?? 60) * 86_400_000).toISOString().slice(0, 10);
  const [session] = await world
    .db('training_sessions')
    .insert({ action_id: action.id, starts_on: startsOn, ends_on: startsOn, place: 'Salle B12', capacity: options.capacity ?? 10 })
    .returning('id');
  return { actionId: action.id as string, sessionId: session.id as string };
}

/** A validated candidate with an open session: the « espace personnel » of seed 004. */
export async function loggedInApplicant(world: World) {
  const candidate = await createValidatedCandidate(world);
  const session = await login(world, candidate.email, candidate.password);
  return { ...candidate, auth: { authorization: `Bearer ${session.body.token}` } };
}

export const validSteps = (supervisorEmail: string) => ({
  1: { civility: 'Madame', lastName: 'Durand', firstName: 'Léa', birthDate: '1985-04-12', phone: '04 73 00 00 00' },
  2: { employer: 'Université Clermont Auvergne', department: 'Direction des ressources humaines', jobTitle: 'Gestionnaire', category: 'B' },
  3: { motivation: 'Je prépare les tableaux de suivi des effectifs chaque mois.', expectations: 'Gagner du temps sur les synthèses.' },
  4: { lastName: 'Bernard', firstName: 'Paul', email: supervisorEmail },
});

/** Fills the four steps of a draft through the API. */
export async function fillSteps(world: World, auth: Record<string, string>, preRegistrationId: string, supervisorEmail: string) {
  for (const [step, body] of Object.entries(validSteps(supervisorEmail))) {
    const saved = await world.api('PUT', `/api/pre-registrations/${preRegistrationId}/steps/${step}`, body, auth);
    if (saved.status !== 200) throw new Error(`step ${step}: ${saved.status} ${JSON.stringify(saved.body)}`);
  }
}

/** An action with its own chargé de projet, so their inbox holds only this test's requests. */
export async function actionWithManager(world: World, options: { capacity?: number; startsInDays?: number } = {}) {
  const { createStaff } = await import('./approvals.js');
  const ids = await createActionWithSession(world, options);
  const { code } = await world.db('training_actions').where({ id: ids.actionId }).first('code');
  const manager = await createStaff(world, [{ role: 'charge_de_projet', scope: code }], `Chargée ${ids.actionId.slice(0, 4)}`);
  return { ...ids, manager };
}

/** A logged-in applicant who fills the five steps and sends the pre-registration. */
export async function submittedPreRegistration(world: World, sessionId: string) {
  counter += 1;
  const applicant = await loggedInApplicant(world);
  const supervisorEmail = `superieur.${Date.now().toString(36)}.${counter}@entreprise.example`;
  const started = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, applicant.auth);
  await fillSteps(world, applicant.auth, started.body.id, supervisorEmail);
  const sent = await world.api('POST', `/api/pre-registrations/${started.body.id}/submission`, undefined, applicant.auth);
  if (sent.status !== 200) throw new Error(`submission failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  return { applicant, supervisorEmail, id: started.body.id as string };
}

export async function statusOf(world: World, id: string): Promise<string> {
  return (await world.db('pre_registrations').where({ id }).first('status')).status;
}

/** The chargé de projet's pending task for one request (found by the requester's mail-free title). */
export async function managerTasks(world: World, auth: Record<string, string>, expected: number) {
  const { waitUntil } = await import('./approvals.js');
  return waitUntil(async () => {
    const inbox = await world.api('GET', '/api/approvals/inbox', undefined, auth);
    return inbox.body.items?.length >= expected ? (inbox.body.items as { taskId: string; title: string }[]) : undefined;
  });
}
