import type { z } from 'zod';
import { rolesOf } from '../../db/staffAccounts.js';
import {
  findAction,
  findSession,
  insertAction,
  insertSession,
  listThemes,
  searchActions,
  updateAction,
  updateSession,
} from '../../db/trainingCatalog.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import type { actionBody, catalogQuery, sessionBody, sessionPatchBody } from './schemas.js';

export function createTrainingCatalogUseCases({ db }: ApiDeps) {
  /** Administrators manage every action; a chargé de projet manages the actions whose code is their scope. */
  async function assertCanManage(staffId: string, actionId?: string) {
    const roles = await rolesOf(db, staffId);
    const code = actionId ? (await findAction(db, actionId))?.code : undefined;
    const allowed = roles.some(
      (r) => r.role === 'administrateur' || (r.role === 'charge_de_projet' && code !== undefined && r.scope === code),
    );
    if (!allowed) throw new AppError(ErrorKind.Forbidden, msg('trainingPreRegistration.notManager'));
  }

  async function requireAction(id: string) {
    const action = await findAction(db, id);
    if (!action) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.actionNotFound'));
    return action;
  }

  return {
    search: (query: z.infer<typeof catalogQuery>) => searchActions(db, query),
    themes: () => listThemes(db),
    action: requireAction,
    async session(id: string) {
      const session = await findSession(db, id);
      if (!session) throw new AppError(ErrorKind.NotFound, msg('trainingPreRegistration.sessionNotFound'));
      return session;
    },

    async createAction(staffId: string, input: z.infer<typeof actionBody>) {
      await assertCanManage(staffId);
      try {
        return await insertAction(db, input);
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw new AppError(ErrorKind.Conflict, msg('trainingPreRegistration.codeTaken'), {
            code: msg('trainingPreRegistration.codeTakenField'),
          });
        if ((error as { code?: string }).code === '23503')
          throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.unknownProjectManager'), {
            projectManagerId: msg('trainingPreRegistration.unknownProjectManagerField'),
          });
        throw error;
      }
    },

    async updateAction(staffId: string, id: string, patch: Partial<z.infer<typeof actionBody>>) {
      await requireAction(id);
      await assertCanManage(staffId, id);
      await updateAction(db, id, patch);
      return requireAction(id);
    },

    async createSession(staffId: string, actionId: string, input: z.infer<typeof sessionBody>) {
      await requireAction(actionId);
      await assertCanManage(staffId, actionId);
      return this.session(await insertSession(db, { actionId, ...input }));
    },

    /** Raw update; rescheduling and cancellation also re-plan the lifecycles (see preRegistrations). */
    async updateSession(staffId: string, id: string, patch: z.infer<typeof sessionPatchBody>) {
      const session = await this.session(id);
      await assertCanManage(staffId, session.actionId);
      // The patch is checked against the dates it leaves unchanged.
      if ((patch.endsOn ?? session.endsOn) < (patch.startsOn ?? session.startsOn)) {
        throw new AppError(ErrorKind.Validation, msg('trainingPreRegistration.endBeforeStart'), {
          endsOn: msg('trainingPreRegistration.endBeforeStartField'),
        });
      }
      if ((patch.dayEndsAt ?? session.dayEndsAt) <= (patch.dayStartsAt ?? session.dayStartsAt)) {
        throw new AppError(ErrorKind.Validation, msg('http.invalidFields'), { dayEndsAt: msg('trainingPreRegistration.hoursInOrder') });
      }
      await updateSession(db, id, patch);
      return this.session(id);
    },
  };
}
