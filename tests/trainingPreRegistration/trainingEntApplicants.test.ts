import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEntAccount } from '../../db/entAccounts.js';
import { escapeText, foldLine, sessionCalendar } from '../../mail/ics.js';
import { decideByLink, decisionLinkIn } from '../support/approvals.js';
import { activeGraduate, sessionFor } from '../support/offers.js';
import { actionWithManager, fillSteps, managerTasks, statusOf } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

let world: World;
const SOON = 3;

beforeAll(async () => {
  // The decision is communicated a few seconds after it is taken, for sessions SOON days ahead.
  const startsOn = Date.parse(new Date(Date.now() + SOON * 86_400_000).toISOString().slice(0, 10));
  world = await startWorld({ TRAINING_DECISION_NOTICE: `PT${Math.floor((startsOn - Date.now() - 2000) / 1000)}S` });
});
afterAll(async () => {
  await world?.stop();
});

/** Parsed by ical.js, an independent implementation; the file's own VTIMEZONE gives Paris time. */
function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
  return calendar;
}

let counter = 0;
/** An ENT account as the ENT login leaves it, with a session; staff may have accepted the charter. */
async function entPerson(profile: 'student' | 'staff', options: { charter?: boolean } = {}) {
  counter += 1;
  const subject = `ent-${Date.now().toString(36)}-${counter}`;
  const account = await upsertEntAccount(world.db, {
    provider: 'test',
    subject,
    profile,
    firstName: profile === 'staff' ? 'Nadia' : 'Lou',
    lastName: profile === 'staff' ? 'Benali' : 'Martin',
    email: `${subject}@univ.example`,
    studentNumber: null,
    affiliations: [profile],
  });
  if (options.charter)
    await world.db('charter_acceptances').insert({ ent_account_id: account.id, charter_version: world.config.charterVersion });
  return {
    id: account.id,
    email: account.email!,
    auth: await sessionFor(world, profile === 'staff' ? 'staff_ent' : 'student', account.id),
  };
}

describe('ENT students and staff pre-register for a training (seed 004)', () => {
  it('when a member of staff logged in through the ENT sends the five steps, then the supervisor and the chargé de projet decide, and the acceptance mail carries the practical details and a valid iCalendar file', async () => {
    const { sessionId, manager } = await actionWithManager(world, { startsInDays: SOON });
    await world
      .db('training_sessions')
      .where({ id: sessionId })
      .update({
        ends_on: world.db.raw('starts_on + 1'),
        place: 'Campus des Cézeaux, bâtiment B; salle 12',
        day_starts_at: '09:30',
        day_ends_at: '16:30',
        practical_info: 'Accueil à 9 h 15, apportez votre ordinateur portable.',
      });
    const employee = await entPerson('staff', { charter: true });
    const started = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, employee.auth);
    expect(started.status).toBe(201);
    expect(started.body.prefill).toEqual({ lastName: 'Benali', firstName: 'Nadia' });
    const supervisorEmail = `chef.${counter}@univ.example`;
    await fillSteps(world, employee.auth, started.body.id, supervisorEmail);
    const sent = await world.api('POST', `/api/pre-registrations/${started.body.id}/submission`, undefined, employee.auth);
    expect(sent.status).toBe(200);
    await world.mailbox.waitFor(employee.email, { subject: /Pré-inscription enregistrée/ });

    const supervisorMail = await world.mailbox.waitFor(supervisorEmail, { subject: /Décision attendue/ });
    expect(supervisorMail.text).toContain('Pré-inscription de Nadia Benali');
    expect((await decideByLink(world, decisionLinkIn(supervisorMail), { outcome: 'approve' })).status).toBe(200);
    const [task] = await managerTasks(world, manager.auth, 1);
    expect((await world.api('POST', `/api/approvals/inbox/${task!.taskId}/decision`, { outcome: 'approve' }, manager.auth)).status).toBe(
      200,
    );

    const accepted = await world.mailbox.waitFor(employee.email, { subject: /Votre candidature est validée/, timeoutMs: 30_000 });
    expect(accepted.text).toContain('de 09:30 à 16:30');
    expect(accepted.text).toContain('Accueil à 9 h 15, apportez votre ordinateur portable.');
    expect(accepted.text).toContain(`${world.baseUrl}/formation-continue/mes-candidatures/${started.body.id}`);
    const [attachment] = accepted.attachments;
    expect(attachment).toMatchObject({ filename: 'session.ics', contentType: 'text/calendar' });
    const ics = attachment!.content.toString('utf8');
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const calendar = parsed(ics);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`training-${started.body.id}@127.0.0.1`);
    expect(event.location).toBe('Campus des Cézeaux, bâtiment B; salle 12');
    expect(event.summary).toBe(
      `Formation : ${
        (
          await world
            .db('training_actions')
            .where({ id: (await world.db('training_sessions').where({ id: sessionId }).first('action_id')).action_id })
            .first('title')
        ).title
      }`,
    );
    const stamp = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(Math.abs(stamp.toJSDate().getTime() - Date.now())).toBeLessThan(120_000);
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(event.startDate.toString()).toMatch(/T09:30:00$/);
    expect(event.endDate.toString()).toMatch(/T16:30:00$/);
    expect(event.isRecurring()).toBe(true);
    const occurrences = event.iterator();
    const days = [occurrences.next()!.toString(), occurrences.next()!.toString(), occurrences.next()];
    expect(days[2]).toBeFalsy();
    expect(days[1]).toMatch(/T09:30:00$/);

    const mine = await world.api('GET', '/api/me/pre-registrations', undefined, employee.auth);
    expect(mine.body.items).toMatchObject([{ id: started.body.id, status: 'accepted' }]);
    const list = await world.api('GET', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, manager.auth);
    expect(list.body.items).toMatchObject([{ lastName: 'Benali', firstName: 'Nadia', email: employee.email }]);
    expect(await statusOf(world, started.body.id)).toBe('accepted');
  });

  it('when a student logged in through the ENT starts a pre-registration, then it is theirs alone; staff who have not accepted the charter and graduates are refused', async () => {
    const { sessionId } = await actionWithManager(world, { startsInDays: 30 });
    const student = await entPerson('student');
    const started = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, student.auth);
    expect(started.status).toBe(201);
    expect((await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, student.auth)).status).toBe(409);
    const other = await entPerson('student');
    expect((await world.api('GET', `/api/pre-registrations/${started.body.id}`, undefined, other.auth)).status).toBe(404);

    const newcomer = await entPerson('staff');
    const refused = await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, newcomer.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('charte');
    const graduate = await activeGraduate(world);
    expect((await world.api('POST', `/api/training/sessions/${sessionId}/pre-registrations`, undefined, graduate.auth)).status).toBe(403);
    expect((await world.api('GET', '/api/me/pre-registrations', undefined, graduate.auth)).status).toBe(403);
  });
});

describe('the iCalendar writer (mail/ics.ts)', () => {
  it('when text holds commas, semicolons, backslashes and line breaks, then they are escaped', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('when a line is longer than 75 octets, then it is folded without cutting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(80)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('when a one-day session is written, then it has no repetition and parses with its time zone', () => {
    const ics = sessionCalendar({
      uid: 'x@example.org',
      stampedAt: Date.UTC(2026, 10, 29, 12, 0, 0),
      producer: 'Université, test',
      summary: 'Formation : Excel',
      firstDay: '2027-03-28',
      lastDay: '2027-03-28',
      dayStartsAt: '09:00',
      dayEndsAt: '17:00',
      location: 'Salle B12',
      description: 'Ligne 1\nLigne 2',
    });
    expect(ics).toContain('DTSTAMP:20261129T120000Z\r\n');
    expect(ics).not.toContain('RRULE:FREQ=DAILY');
    const event = new ICAL.Event(parsed(ics).getFirstSubcomponent('vevent')!);
    expect(event.description).toBe('Ligne 1\nLigne 2');
    // 28 March 2027 is the first day of summer time: 09:00 in Paris is 07:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });
});
