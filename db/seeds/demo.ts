import { createPasswordHasher } from '../../lib/passwords.js';
import { createDb } from '../connection.js';
import { seedDemoCatalog } from './demoCatalog.js';
import { seedDemoPortal } from './demoPortal.js';
import { seedDemoRecruiter } from './demoRecruiter.js';
import { seedDemoRegistry } from './demoRegistry.js';
import { seedDemoStaff } from './demoStaff.js';

/** Demo logins documented in README.md, so a person can try the platform at once after `npm start`. */
export const demoCandidate = {
  email: 'demo.candidat@example.org',
  password: 'Demo-Candidat-2026',
  lastName: 'Martin',
  firstName: 'Camille',
};

/** Idempotent: run at every `npm start`, it only adds what is missing. */
export async function seedDemoData(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, 1);
  try {
    const exists = await db('candidate_accounts').where({ email: demoCandidate.email }).first();
    if (!exists) {
      const passwordHash = await createPasswordHasher({ memoryCost: 19456, timeCost: 2 }).hash(demoCandidate.password);
      await db('candidate_accounts').insert({
        file_number: db.raw(`'EC' || lpad(nextval('candidate_file_number_seq')::text, 7, '0')`),
        last_name: demoCandidate.lastName,
        first_name: demoCandidate.firstName,
        email: demoCandidate.email,
        password_hash: passwordHash,
        status: 'active',
        validated_at: db.fn.now(),
      });
    }
    await seedDemoRegistry(db);
    await seedDemoStaff(db, createPasswordHasher({ memoryCost: 19456, timeCost: 2 }));
    await seedDemoCatalog(db);
    await seedDemoRecruiter(db, createPasswordHasher({ memoryCost: 19456, timeCost: 2 }));
    await seedDemoPortal(db);
  } finally {
    await db.destroy();
  }
}
