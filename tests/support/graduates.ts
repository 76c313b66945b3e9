import { writeRegistryBatch } from '../../db/registry/batch.js';
import { type RegistryEntry, registryKeyOf } from '../../db/registry/registryLine.js';
import { linkIn } from './mailbox.js';
import { followLink } from './users.js';
import type { World } from './world.js';

let counter = 0;
const unique = () => {
  counter += 1;
  return `${Date.now().toString(36).slice(-4)}${counter}`.toUpperCase();
};

/** A VET and a composante code nobody else uses, so the managers' inboxes hold only this test's requests. */
export function freshCodes() {
  const id = unique();
  return { vet: `VET${id}`, otherVet: `VETB${id}`, composante: `UFR${id}` };
}

export interface RegistryPerson {
  lastName: string;
  birthName?: string | null;
  firstNames: string;
  birthDate: string;
  diplomas: { vetCode: string; composanteCode: string; year: number; vetLabel?: string }[];
}

/** Writes graduates into the registry the way the import does (test setup, not behaviour). */
export async function inRegistry(world: World, ...people: RegistryPerson[]) {
  const entries: RegistryEntry[] = people.flatMap((p, index) => {
    const studentNumber = `T${unique()}${index}`;
    return p.diplomas.map((d) => ({
      line: index + 1,
      registryKey: registryKeyOf({
        studentNumber,
        ine: null,
        lastName: p.lastName,
        birthName: p.birthName ?? null,
        firstNames: p.firstNames,
        birthDate: p.birthDate,
      }),
      studentNumber,
      ine: null,
      lastName: p.lastName,
      birthName: p.birthName ?? null,
      firstNames: p.firstNames,
      birthDate: p.birthDate,
      vetCode: d.vetCode,
      vetLabel: d.vetLabel ?? `Formation ${d.vetCode}`,
      composanteCode: d.composanteCode,
      composanteLabel: `Composante ${d.composanteCode}`,
      year: d.year,
    }));
  });
  await writeRegistryBatch(world.db, entries);
}

/** A birth date nobody else in this test database has, so each test's lookup sees only its people. */
export function freshBirthDate(): string {
  counter += 1;
  const day = new Date(Date.UTC(1970, 0, 1) + (counter * 37 + (Date.now() % 5000)) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function graduateForm(overrides: Record<string, unknown> = {}) {
  return { email: `diplome.${unique().toLowerCase()}@example.org`, password: 'Diplome-2026!', ...overrides } as Record<string, unknown> & {
    email: string;
    password: string;
  };
}

/** Opens the address-validation link of the latest mail to `email` and submits the page. */
export async function validateAddress(world: World, email: string, subject = /validez votre adresse mail/) {
  const mail = await world.mailbox.waitFor(email, { subject });
  return followLink(world, linkIn(mail));
}

export const decisionMail = (world: World, email: string, count = 1, timeoutMs = 20_000) =>
  world.mailbox.waitFor(email, { subject: /Inscription de/, count, timeoutMs });

/** What the registry lookup found, read from the row: the HTTP answer no longer says it (issue 12). */
export async function registryMatchOf(world: World, accountId: string): Promise<string> {
  return (await world.db('graduate_accounts').where({ id: accountId }).first()).registry_match;
}
