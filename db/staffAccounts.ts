import type { StaffRole } from '../workflows/kit/approval/contract.js';
import type { DbOrTx } from './connection.js';

export interface StaffAccount {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  active: boolean;
  created_at: Date;
}

export interface StaffRoleGrant {
  role: StaffRole;
  /** '' for unscoped roles. */
  scope: string;
}

export type StaffWithRoles = Omit<StaffAccount, 'password_hash'> & { roles: StaffRoleGrant[] };

const table = 'staff_accounts';

export async function findStaffById(db: DbOrTx, id: string): Promise<StaffAccount | undefined> {
  return db(table).where({ id }).first();
}

export async function findStaffByEmail(db: DbOrTx, email: string): Promise<StaffAccount | undefined> {
  return db(table).where({ email }).first();
}

/** The grants of an active member of staff; none for a deactivated one (every authorisation reads `active`). */
export async function rolesOf(db: DbOrTx, staffId: string): Promise<StaffRoleGrant[]> {
  return db('staff_roles')
    .join(table, `${table}.id`, 'staff_roles.staff_id')
    .select('staff_roles.role', 'staff_roles.scope')
    .where({ 'staff_roles.staff_id': staffId, [`${table}.active`]: true })
    .orderBy(['staff_roles.role', 'staff_roles.scope']);
}

export async function listStaff(db: DbOrTx): Promise<StaffWithRoles[]> {
  const accounts: StaffAccount[] = await db(table).select('*').orderBy('display_name');
  const grants: (StaffRoleGrant & { staff_id: string })[] = await db('staff_roles').select('*').orderBy(['role', 'scope']);
  return accounts.map(({ password_hash: _hidden, ...account }) => ({
    ...account,
    roles: grants.filter((g) => g.staff_id === account.id).map(({ role, scope }) => ({ role, scope })),
  }));
}

/** Inserts the account, or returns undefined when the address already has one. */
export async function insertStaff(
  db: DbOrTx,
  fields: { email: string; displayName: string; passwordHash: string | null },
): Promise<StaffAccount | undefined> {
  const rows = await db(table)
    .insert({ email: fields.email, display_name: fields.displayName, password_hash: fields.passwordHash })
    .onConflict('email')
    .ignore()
    .returning('*');
  return rows[0];
}

export async function updateStaff(
  db: DbOrTx,
  id: string,
  fields: { displayName?: string; active?: boolean; passwordHash?: string },
): Promise<boolean> {
  const changes = {
    ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
    ...(fields.active !== undefined ? { active: fields.active } : {}),
    ...(fields.passwordHash !== undefined ? { password_hash: fields.passwordHash } : {}),
  };
  return (
    (await db(table)
      .where({ id })
      .update({ ...changes, updated_at: db.fn.now() })) > 0
  );
}

/** Replaces every grant of the account (the admin form edits the whole set). */
export async function replaceRoles(db: DbOrTx, staffId: string, grants: StaffRoleGrant[]): Promise<void> {
  await db('staff_roles').where({ staff_id: staffId }).delete();
  if (grants.length)
    await db('staff_roles')
      .insert(grants.map((g) => ({ staff_id: staffId, role: g.role, scope: g.scope })))
      .onConflict()
      .ignore();
}

/** Active staff holding `role` (for `scope`, or any scope when none is given). */
export async function staffHolding(db: DbOrTx, role: StaffRole, scope?: string): Promise<StaffAccount[]> {
  const query = db(table)
    .distinct(`${table}.*`)
    .join('staff_roles', 'staff_roles.staff_id', `${table}.id`)
    .where({ [`${table}.active`]: true, 'staff_roles.role': role });
  if (scope !== undefined) query.where('staff_roles.scope', scope);
  return query.orderBy(`${table}.display_name`);
}
