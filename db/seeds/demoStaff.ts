import type { PasswordHasher } from '../../lib/passwords.js';
import type { StaffRole } from '../../workflows/kit/approval/contract.js';
import type { Db } from '../connection.js';

/**
 * Demo staff, one per role (documented in workflows/approval/README.md), so the inbox, the admin
 * API and the decision mails can be tried right after `npm start`.
 */
export const demoStaff: { email: string; password: string; displayName: string; roles: { role: StaffRole; scope: string }[] }[] = [
  {
    email: 'admin.demo@universite.example',
    password: 'Demo-Admin-2026',
    displayName: 'Nadia Benali',
    roles: [{ role: 'administrateur', scope: '' }],
  },
  {
    email: 'composante.demo@universite.example',
    password: 'Demo-Composante-2026',
    displayName: 'Julien Moreau',
    roles: [{ role: 'responsable_composante', scope: 'UFRSCI' }],
  },
  {
    email: 'vet.demo@universite.example',
    password: 'Demo-Vet-2026',
    displayName: 'Claire Dubois',
    roles: [{ role: 'responsable_vet', scope: '1LINF' }],
  },
  {
    email: 'webmaster.demo@universite.example',
    password: 'Demo-Webmaster-2026',
    displayName: 'Hugo Lefèvre',
    roles: [{ role: 'webmaster', scope: '' }],
  },
  {
    email: 'projet.demo@universite.example',
    password: 'Demo-Projet-2026',
    displayName: 'Sophie Garnier',
    roles: [{ role: 'charge_de_projet', scope: 'BUR-EXC' }],
  },
  {
    email: 'carte.demo@universite.example',
    password: 'Demo-Carte-2026',
    displayName: 'Agnès Roussel',
    roles: [{ role: 'service_carte', scope: '' }],
  },
];

/** Idempotent: an existing account (even edited since) is left as it is. */
export async function seedDemoStaff(db: Db, hasher: PasswordHasher): Promise<void> {
  for (const person of demoStaff) {
    if (await db('staff_accounts').where({ email: person.email }).first()) continue;
    const [row] = await db('staff_accounts')
      .insert({ email: person.email, display_name: person.displayName, password_hash: await hasher.hash(person.password) })
      .onConflict('email')
      .ignore()
      .returning('id');
    if (row)
      await db('staff_roles')
        .insert(person.roles.map((r) => ({ staff_id: row.id, ...r })))
        .onConflict()
        .ignore();
  }
}
