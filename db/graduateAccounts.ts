import type { DiplomaChoice } from '../workflows/graduateRegistration/contract.js';
import type { DbOrTx } from './connection.js';
import { readFreeText } from './freeTexts.js';

/** Graduate accounts: one row per registration attempt (see migration 005). */

export type GraduateStatus =
  | 'pending_email'
  | 'pending_diploma'
  | 'pending_form'
  | 'pending_approval'
  | 'active'
  | 'refused'
  | 'expired'
  | 'duplicate';
export type RegistryMatch = 'present' | 'ambiguous' | 'absent';

export interface GraduateAccount {
  id: string;
  last_name: string;
  first_names: string;
  birth_date: string;
  email: string;
  password_hash: string;
  status: GraduateStatus;
  registry_match: RegistryMatch;
  registry_candidate_ids: string[];
  registry_graduate_id: string | null;
  phone: string | null;
  postal_address: string | null;
  declared_diploma: { title?: string; year?: number; composante?: string } | null;
  vet_code: string | null;
  composante_code: string | null;
  refusal_reason: string | null;
  validated_at: Date | null;
  locale: 'fr' | 'en';
  /** Who validates, most specific level first (see recordDiplomaChoice). */
  validator_levels: { role: string; scope?: string }[][] | null;
  created_at: Date;
}

const table = 'graduate_accounts';
const select = (db: DbOrTx) => db(table).select(db.raw(`graduate_accounts.*, to_char(birth_date, 'YYYY-MM-DD') AS birth_date`));

/** Undefined when the address already has a pending or active registration (partial unique index). */
export async function insertPendingGraduate(
  db: DbOrTx,
  g: Omit<
    GraduateAccount,
    | 'id'
    | 'status'
    | 'registry_graduate_id'
    | 'vet_code'
    | 'composante_code'
    | 'refusal_reason'
    | 'validated_at'
    | 'created_at'
    | 'validator_levels'
  >,
): Promise<GraduateAccount | undefined> {
  const rows = await db(table)
    .insert({
      ...g,
      declared_diploma: g.declared_diploma ? JSON.stringify(g.declared_diploma) : null,
      registry_graduate_id: g.registry_match === 'present' ? g.registry_candidate_ids[0] : null,
    })
    .onConflict(db.raw(`(email) WHERE status NOT IN ('refused', 'expired', 'duplicate')`))
    .ignore()
    .returning('id');
  return rows[0] ? findGraduateById(db, rows[0].id) : undefined;
}

export async function findGraduateById(db: DbOrTx, id: string): Promise<GraduateAccount | undefined> {
  return select(db).where({ id }).first();
}

/** The live (pending or active) registration of an address, else its most recent one. */
export async function findGraduateByEmail(db: DbOrTx, email: string): Promise<GraduateAccount | undefined> {
  return select(db).where({ email }).orderByRaw(`status IN ('refused', 'expired', 'duplicate'), created_at DESC`).first();
}

export async function updateGraduate(db: DbOrTx, id: string, fields: Record<string, unknown>): Promise<number> {
  return db(table)
    .where({ id })
    .update({ ...fields, updated_at: db.fn.now() });
}

/**
 * The diploma the person picked (or « non trouvé »): the attempt now waits for its managers'
 * decision; `validatorLevels` says who they are, for the person's status page.
 */
export async function recordDiplomaChoice(
  db: DbOrTx,
  id: string,
  choice: DiplomaChoice | undefined,
  validatorLevels: { role: string; scope?: string }[][],
): Promise<void> {
  const fields: Record<string, unknown> = { status: 'pending_approval', validator_levels: JSON.stringify(validatorLevels) };
  if (choice?.kind === 'found')
    Object.assign(fields, {
      registry_graduate_id: choice.registryGraduateId,
      vet_code: choice.vetCode,
      composante_code: choice.composanteCode,
    });
  if (choice?.kind === 'not_found')
    Object.assign(fields, {
      composante_code: choice.composanteCode,
      declared_diploma: JSON.stringify({
        title: await readFreeText(db, choice.titleId),
        year: choice.year,
        composante: choice.composanteCode,
      }),
    });
  await updateGraduate(db, id, fields);
}

/** The decision's outcome on the account; `at` is the lifecycle's clock (decided, validated). */
export async function settleGraduateAccount(
  db: DbOrTx,
  id: string,
  s: { status: 'active' | 'refused' | 'expired' | 'duplicate'; decidedBy?: string; reason?: string; at: Date },
): Promise<void> {
  await updateGraduate(db, id, {
    status: s.status,
    ...(s.decidedBy ? { decided_by: s.decidedBy, decided_at: s.at } : {}),
    ...(s.status === 'active' ? { validated_at: s.at } : {}),
    ...(s.reason ? { refusal_reason: s.reason } : {}),
  });
}

export async function groupsOfGraduate(db: DbOrTx, graduateId: string): Promise<{ kind: 'composante' | 'vet'; code: string }[]> {
  return db('graduate_groups').select('group_kind as kind', 'code').where({ graduate_id: graduateId }).orderBy(['group_kind', 'code']);
}

export async function addGraduateGroups(
  db: DbOrTx,
  graduateId: string,
  groups: { kind: 'composante' | 'vet'; code: string }[],
): Promise<void> {
  if (groups.length === 0) return;
  await db('graduate_groups')
    .insert(groups.map((g) => ({ graduate_id: graduateId, group_kind: g.kind, code: g.code })))
    .onConflict(['graduate_id', 'group_kind', 'code'])
    .ignore();
}

/** The complete form of a person absent from the registry (« formulaire complet »), written by the API. */
export async function recordCompleteForm(
  db: DbOrTx,
  id: string,
  form: { phone: string; postalAddress: string; declaredDiploma: { title: string; year: number; composante: string } },
): Promise<boolean> {
  const updated = await db(table)
    .where({ id, status: 'pending_form' })
    .update({
      phone: form.phone,
      postal_address: form.postalAddress,
      declared_diploma: JSON.stringify(form.declaredDiploma),
      updated_at: db.fn.now(),
    });
  return updated > 0;
}

/** Another, validated account of the same registry person (« one person, one account »). */
export async function findActiveAccountOfRegistryPerson(
  db: DbOrTx,
  registryGraduateId: string,
  exceptAccountId: string,
): Promise<GraduateAccount | undefined> {
  return select(db).where({ registry_graduate_id: registryGraduateId, status: 'active' }).whereNot({ id: exceptAccountId }).first();
}
