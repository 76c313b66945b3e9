import type { PasswordHasher } from '../../lib/passwords.js';
import type { DbOrTx } from '../connection.js';

/** A validated recruiter (without the offer-posting right), so the recruiter login can be tried at once. */
export const demoRecruiter = {
  email: 'demo.recruteur@entreprise.example',
  password: 'Demo-Recruteur-2026',
  companyName: 'Entreprise Démo',
};

/** Idempotent: run at every `npm start`, it only adds what is missing. */
export async function seedDemoRecruiter(db: DbOrTx, hasher: PasswordHasher): Promise<void> {
  if (await db('recruiter_accounts').where({ email: demoRecruiter.email }).first()) return;
  await db('recruiter_accounts').insert({
    company_name: demoRecruiter.companyName,
    company_address: '1 place de la Démo, 63000 Clermont-Ferrand',
    contact_last_name: 'Recruteur',
    contact_first_name: 'Alex',
    email: demoRecruiter.email,
    password_hash: await hasher.hash(demoRecruiter.password),
    status: 'active',
    terms_version: 'démo',
    terms_accepted_at: db.fn.now(),
    validated_at: db.fn.now(),
  });
}
