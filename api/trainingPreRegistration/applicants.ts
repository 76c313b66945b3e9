import { findEntAccountById } from '../../db/entAccounts.js';
import type { PrincipalKind, Session } from '../../db/sessions.js';
import type { Applicant } from '../../db/trainingApplicants.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import { createEntCharterUseCases } from '../ent/charter.js';

/**
 * Who may pre-register (seed 004: « Pour vous inscrire vous devez posséder un espace personnel »):
 * eCandidat accounts, and the university's students and staff logged in through the ENT (seed
 * 004's users are employees). Staff must have accepted the charter, as on every staff ENT route.
 */
export const applicantKinds: readonly PrincipalKind[] = ['candidate', 'student', 'staff_ent'];

/** How the decision steps name the applicant (the requester: never one of its approvers). */
export const applicantPartyKey = (applicant: Applicant, profile?: 'student' | 'staff') =>
  applicant.kind === 'candidate' ? `candidate:${applicant.id}` : `${profile === 'staff' ? 'staff_ent' : 'student'}:${applicant.id}`;

export function createApplicantResolver(deps: ApiDeps) {
  const charter = createEntCharterUseCases(deps);

  return async function applicantOf(session: Session): Promise<Applicant> {
    switch (session.principal_kind) {
      case 'candidate':
        return { kind: 'candidate', id: session.principal_id };
      case 'student':
      case 'staff_ent': {
        const account = await findEntAccountById(deps.db, session.principal_id);
        if (!account) throw new AppError(ErrorKind.Unauthenticated, msg('session.required'));
        await charter.ensureAccepted(account);
        return { kind: 'ent', id: account.id };
      }
      default:
        throw new AppError(ErrorKind.Forbidden, msg('trainingPreRegistration.applicantsOnly'));
    }
  };
}
