import { findEntAccountById } from '../../db/entAccounts.js';
import type { PrincipalKind } from '../../db/sessions.js';
import { findStaffByEmail } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createEntCharterUseCases } from '../ent/charter.js';
import { createStaffUseCases, type StaffPrincipal } from './useCases.js';

/** The kinds of session that reach the staff pages: a local staff login, or a member of staff through the ENT. */
export const staffSessionKinds = ['staff', 'staff_ent'] as const satisfies readonly PrincipalKind[];

/**
 * The staff account behind a session. A local login is the account itself. A member of staff who
 * logs in through the ENT acts with the roles of the staff account **holding the same e-mail
 * address** as their ENT identity (the institutional address the ENT releases, compared without
 * case), once they have accepted the staff charter; without such an account they have no inbox.
 */
export function createStaffOfSession(deps: ApiDeps) {
  const staff = createStaffUseCases(deps);
  const charter = createEntCharterUseCases(deps);

  return async function staffOfSession(session: { kind: PrincipalKind; id: string }): Promise<StaffPrincipal> {
    if (session.kind === 'staff') return staff.requirePrincipal(session.id);
    if (session.kind !== 'staff_ent') throw new AppError(ErrorKind.Forbidden, msg('pageStaff.notStaff'));
    const account = await findEntAccountById(deps.db, session.id);
    if (account?.profile !== 'staff') throw new AppError(ErrorKind.Unauthenticated, msg('ent.sessionInvalid'));
    await charter.ensureAccepted(account);
    const linked = account.email ? await findStaffByEmail(deps.db, account.email) : undefined;
    const me = linked ? await staff.principal(linked.id) : undefined;
    if (!me) throw new AppError(ErrorKind.Forbidden, msg('pageStaff.noLinkedAccount'));
    return me;
  };
}
