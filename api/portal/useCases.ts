import type { z } from 'zod';
import {
  type DegreeProgramme,
  deleteProgramme,
  insertProgramme,
  listProgrammes,
  type ProgrammeCursor,
  updateProgramme,
} from '../../db/degreeProgrammes.js';
import { deleteFaqEntry, insertFaqEntry, listFaq, updateFaqEntry } from '../../db/faqEntries.js';
import { findStaffById, rolesOf } from '../../db/staffAccounts.js';
import { AppError, ErrorKind } from '../../lib/errors.js';
import { type Lang, msg } from '../../lib/i18n/index.js';
import type { ApiDeps } from '../deps.js';
import type { faqBody, programmeBody } from './schemas.js';

const encodeCursor = (p: DegreeProgramme) => Buffer.from(`${p.campaign_opens_on}|${p.id}`).toString('base64url');

function decodeCursor(cursor: string | undefined): ProgrammeCursor | undefined {
  if (!cursor) return undefined;
  const [opensOn = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opensOn) || !/^[0-9a-f-]{36}$/.test(id))
    throw new AppError(ErrorKind.Validation, msg('portal.cursorInvalid'), { after: msg('portal.cursorInvalid') });
  return { opensOn, id };
}

const programmeView = (p: DegreeProgramme) => ({
  id: p.id,
  title: p.title,
  composante: p.composante,
  level: p.level,
  campaignOpensOn: p.campaign_opens_on,
  campaignClosesOn: p.campaign_closes_on,
  description: p.description,
});

const programmeFields = (input: z.infer<typeof programmeBody>) => ({
  title: input.title,
  composante: input.composante,
  level: input.level ?? '',
  campaign_opens_on: input.campaignOpensOn,
  campaign_closes_on: input.campaignClosesOn ?? null,
  description: input.description ?? '',
});

const faqFields = (input: z.infer<typeof faqBody>) => ({
  position: input.position,
  question_fr: input.questionFr,
  answer_fr: input.answerFr,
  question_en: input.questionEn ?? null,
  answer_en: input.answerEn ?? null,
});

/**
 * What anyone may read without an account (seed 001: « La consultation de l'offre de formation
 * et des rubriques d'assistance ne requiert pas de compte »), and its maintenance by an
 * administrateur (JSON now; the back office adds pages over these same use cases).
 */
export function createPortalUseCases({ db }: ApiDeps) {
  async function requireAdmin(staffId: string) {
    const staff = await findStaffById(db, staffId);
    const roles = staff?.active ? await rolesOf(db, staffId) : [];
    if (!roles.some((r) => r.role === 'administrateur')) throw new AppError(ErrorKind.Forbidden, msg('staff.adminOnly'));
  }

  return {
    /** One page of programmes, by campaign opening date; cursors for the pages around it. */
    async programmes(page: { after?: string | undefined; before?: string | undefined; limit: number }) {
      const after = decodeCursor(page.after);
      const before = decodeCursor(page.before);
      const rows = await listProgrammes(db, { limit: page.limit, ...(after ? { after } : {}), ...(before ? { before } : {}) });
      const more = rows.length > page.limit;
      const items = before ? rows.slice(more ? 1 : 0) : rows.slice(0, page.limit);
      const first = items[0];
      const last = items[items.length - 1];
      return {
        items: items.map(programmeView),
        next: last && (before || more) ? encodeCursor(last) : null,
        previous: first && (after || (before && more)) ? encodeCursor(first) : null,
      };
    },

    async addProgramme(staffId: string, input: z.infer<typeof programmeBody>) {
      await requireAdmin(staffId);
      return { id: await insertProgramme(db, programmeFields(input)) };
    },

    async changeProgramme(staffId: string, id: string, input: z.infer<typeof programmeBody>) {
      await requireAdmin(staffId);
      if (!(await updateProgramme(db, id, programmeFields(input)))) throw new AppError(ErrorKind.NotFound, msg('portal.programmeNotFound'));
    },

    async removeProgramme(staffId: string, id: string) {
      await requireAdmin(staffId);
      if (!(await deleteProgramme(db, id))) throw new AppError(ErrorKind.NotFound, msg('portal.programmeNotFound'));
    },

    /** The FAQ in `lang` (an entry without English shows its French). */
    async faq(lang: Lang) {
      return (await listFaq(db)).map((e) => ({
        id: e.id,
        position: e.position,
        question: (lang === 'en' && e.question_en) || e.question_fr,
        answer: (lang === 'en' && e.answer_en) || e.answer_fr,
      }));
    },

    async addFaqEntry(staffId: string, input: z.infer<typeof faqBody>) {
      await requireAdmin(staffId);
      return { id: await insertFaqEntry(db, faqFields(input), staffId) };
    },

    async changeFaqEntry(staffId: string, id: string, input: z.infer<typeof faqBody>) {
      await requireAdmin(staffId);
      if (!(await updateFaqEntry(db, id, faqFields(input), staffId))) throw new AppError(ErrorKind.NotFound, msg('portal.faqNotFound'));
    },

    async removeFaqEntry(staffId: string, id: string) {
      await requireAdmin(staffId);
      if (!(await deleteFaqEntry(db, id))) throw new AppError(ErrorKind.NotFound, msg('portal.faqNotFound'));
    },

    requireAdmin,
  };
}
