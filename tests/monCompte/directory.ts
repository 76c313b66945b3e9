import { randomBytes } from 'node:crypto';
import { Client } from 'ldapts';
import { directoryLayout } from '../../infra/slapd.js';
import { createDirectory, type Directory } from '../../lib/ldap/directory.js';

/** The slapd the global setup started (tests/support/globalSetup.ts), shared by every test file. */
export interface TestSlapd {
  url: string;
  rootDn: string;
  rootPassword: string;
  servicePassword: string;
}

export function sharedSlapd(): TestSlapd {
  const value = process.env.TEST_SLAPD;
  if (!value) throw new Error('TEST_SLAPD is not set: the global setup starts slapd (tests/support/globalSetup.ts)');
  return JSON.parse(value) as TestSlapd;
}

/** The configuration a world needs to use this directory (as an institution would set it). */
export const directoryEnv = (slapd: TestSlapd): Record<string, string> => ({
  DIRECTORY_LDAP_URL: slapd.url,
  DIRECTORY_SERVICE_DN: directoryLayout.serviceDn,
  DIRECTORY_SERVICE_PASSWORD: slapd.servicePassword,
  DIRECTORY_PEOPLE_DN: directoryLayout.people,
  DIRECTORY_TIMEOUT: 'PT3S',
});

export const directoryFor = (slapd: TestSlapd): Directory =>
  createDirectory({
    url: slapd.url,
    peopleDn: directoryLayout.people,
    serviceDn: directoryLayout.serviceDn,
    servicePassword: slapd.servicePassword,
    loginAttribute: 'uid',
    timeoutMs: 3000,
  });

export interface Person {
  login: string;
  givenName: string;
  familyName: string;
  studentNumber: string;
  birthDate: string;
  personalMail: string;
  /** Absent: an account never activated. */
  password?: string;
}

/** A person unique to this test (file-shared directory): login and student number get a random suffix. */
export function newPerson(givenName: string, familyName: string, options: { password?: string } = {}): Person {
  const suffix = randomBytes(3).toString('hex');
  const studentNumber = `2${String(Number.parseInt(suffix, 16)).padStart(7, '0')}`;
  return {
    login: `e${studentNumber}`,
    givenName,
    familyName,
    studentNumber,
    birthDate: '2004-03-17',
    personalMail: `${givenName
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}.${suffix}@perso.example`,
    ...(options.password ? { password: options.password } : {}),
  };
}

/** Adds the person as the institution's identity management would (root DN: outside the platform's rights). */
export async function addPerson(slapd: TestSlapd, person: Person): Promise<void> {
  const ldap = new Client({ url: slapd.url });
  try {
    await ldap.bind(slapd.rootDn, slapd.rootPassword);
    await ldap.add(`uid=${person.login},${directoryLayout.people}`, {
      objectClass: ['inetOrgPerson', 'platformPerson'],
      uid: person.login,
      cn: `${person.givenName} ${person.familyName}`,
      sn: person.familyName,
      givenName: person.givenName,
      supannEtuId: person.studentNumber,
      schacDateOfBirth: person.birthDate.replaceAll('-', ''),
      supannMailPerso: person.personalMail,
      ...(person.password ? { userPassword: person.password } : {}),
    });
  } finally {
    await ldap.unbind();
  }
}

/** The CAS attributes of a directory person (what the test CAS server sends for them). */
export const casAttributes = (person: Person) => ({
  eduPersonAffiliation: ['student', 'member'],
  supannEtuId: person.studentNumber,
  mail: `${person.login}@etu.univ.example`,
  givenName: person.givenName,
  sn: person.familyName,
});
