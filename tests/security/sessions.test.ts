import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../support/approvals.js';
import { activeGraduate, activeRecruiter, entStudent, sessionFor } from '../support/offers.js';
import { loggedInApplicant } from '../support/training.js';
import { startWorld, type World } from '../support/world.js';

/**
 * Finding 10: an idle timeout beside the absolute lifetime (shorter for staff), and a JSON logout
 * (`DELETE /api/sessions/current`) for every profile. The throttled current password of an
 * e-mail change is in loginThrottle.test.ts.
 */
let world: World;
beforeAll(async () => {
  world = await startWorld({ STAFF_SESSION_IDLE_TIMEOUT: 'PT3S', SESSION_IDLE_TIMEOUT: 'PT6S' });
});
afterAll(() => world?.stop());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sessions', () => {
  it('when a staff session stays idle longer than STAFF_SESSION_IDLE_TIMEOUT, then it ends, although its absolute lifetime is hours away', async () => {
    const staff = await createStaff(world, [], 'Agent inactif');
    const me = () => world.api('GET', '/api/staff/me', undefined, staff.auth);
    // Used every second, it stays alive past the idle timeout…
    for (let i = 0; i < 5; i++) {
      expect((await me()).status).toBe(200);
      await pause(1000);
    }
    // …left alone longer than it, it ends.
    await pause(4000);
    expect((await me()).status).toBe(401);
  });

  it('when a candidate session is idle longer than staff may be but less than SESSION_IDLE_TIMEOUT, then it still works, and past it, not', async () => {
    const candidate = await loggedInApplicant(world);
    await pause(4000);
    expect((await world.api('GET', '/api/me', undefined, candidate.auth)).status).toBe(200);
    await pause(7000);
    expect((await world.api('GET', '/api/me', undefined, candidate.auth)).status).toBe(401);
  });

  it('when staff, a graduate, a recruiter, a student or ENT staff log out with DELETE /api/sessions/current, then 204 and the token is dead', async () => {
    const staff = await createStaff(world, [], 'Agent sortant');
    const graduate = await activeGraduate(world);
    const recruiter = await activeRecruiter(world, { canPostOffers: false });
    const student = await entStudent(world);
    const entStaffAccount = await world
      .db('ent_accounts')
      .insert({
        provider: 'test',
        subject: `pers-${Date.now()}`,
        profile: 'staff',
        first_name: 'Marc',
        last_name: 'Dubois',
        email: `pers.${Date.now()}@univ.example`,
        affiliations: ['staff'],
        last_login_at: world.db.fn.now(),
      })
      .returning('id');
    const entStaff = await sessionFor(world, 'staff_ent', entStaffAccount[0].id);
    for (const [who, auth] of [
      ['staff', staff.auth],
      ['graduate', graduate.auth],
      ['recruiter', recruiter.auth],
      ['student', student.auth],
      ['ENT staff', entStaff],
    ] as const) {
      expect({ who, status: (await world.api('DELETE', '/api/sessions/current', undefined, auth)).status }).toEqual({ who, status: 204 });
      expect({ who, after: (await world.api('DELETE', '/api/sessions/current', undefined, auth)).status }).toEqual({ who, after: 401 });
    }
  });
});
