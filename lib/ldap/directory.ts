import { AndFilter, Attribute, Change, Client, EqualityFilter, PresenceFilter } from 'ldapts';
import { classify, DirectoryRefusal } from './errors.js';

export interface DirectorySettings {
  url: string;
  peopleDn: string;
  serviceDn: string;
  servicePassword: string;
  /** The attribute people log in with (`uid`). */
  loginAttribute: string;
  timeoutMs: number;
}

/** A person as the directory knows them; read with the service account. */
export interface DirectoryPerson {
  dn: string;
  login: string;
  givenName: string;
  familyName: string;
  studentNumber: string | undefined;
  /** YYYY-MM-DD */
  birthDate: string | undefined;
  personalMail: string | undefined;
  /** False for an account never activated (no password yet; the service account may test presence, never read it). */
  activated: boolean;
}

export interface Directory {
  /** Does this login/password open a session? (the CAS server's check: search with the service account, bind as the person). */
  authenticate(login: string, password: string): Promise<DirectoryPerson | undefined>;
  findByLogin(login: string): Promise<DirectoryPerson | undefined>;
  findByStudentNumber(studentNumber: string): Promise<DirectoryPerson | undefined>;
  /** As the person (bound with the current password): the directory's policy decides; throws DirectoryRefusal. */
  changeOwnPassword(login: string, current: string, next: string): Promise<void>;
  /** With the service account (activation, recovery): the policy still applies (quality, history). */
  setPassword(login: string, next: string): Promise<void>;
  setPersonalMail(login: string, mail: string): Promise<void>;
}

const personAttributes = ['givenName', 'sn', 'supannEtuId', 'schacDateOfBirth', 'supannMailPerso'];

/**
 * The platform's LDAP client (ldapts): a fresh connection per operation (operations are rare,
 * and a connection never outlives a directory restart). Every failure is either a DirectoryRefusal
 * (the person can act on it) or a DirectoryUnavailable (« service indisponible », nothing changed).
 */
export function createDirectory(settings: DirectorySettings): Directory {
  const client = () => new Client({ url: settings.url, timeout: settings.timeoutMs, connectTimeout: settings.timeoutMs });

  async function withService<T>(work: (ldap: Client) => Promise<T>): Promise<T> {
    const ldap = client();
    try {
      await ldap.bind(settings.serviceDn, settings.servicePassword);
      return await work(ldap);
    } catch (error) {
      throw classify(error, { onBadCredentials: 'unavailable' });
    } finally {
      await ldap.unbind().catch(() => undefined);
    }
  }

  async function findOne(ldap: Client, attribute: string, value: string): Promise<DirectoryPerson | undefined> {
    const { searchEntries } = await ldap.search(settings.peopleDn, {
      scope: 'one',
      filter: new EqualityFilter({ attribute, value }),
      attributes: [settings.loginAttribute, ...personAttributes],
      sizeLimit: 2,
    });
    if (searchEntries.length !== 1) return undefined;
    const entry = searchEntries[0]!;
    const one = (name: string) => {
      const value = entry[name];
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? undefined : String(first);
    };
    const birth = one('schacDateOfBirth');
    const withPassword = await ldap.search(settings.peopleDn, {
      scope: 'one',
      filter: new AndFilter({ filters: [new EqualityFilter({ attribute, value }), new PresenceFilter({ attribute: 'userPassword' })] }),
      attributes: ['1.1'],
      sizeLimit: 1,
    });
    return {
      dn: entry.dn,
      login: one(settings.loginAttribute) ?? '',
      givenName: one('givenName') ?? '',
      familyName: one('sn') ?? '',
      studentNumber: one('supannEtuId'),
      birthDate: birth && /^\d{8}$/.test(birth) ? `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}` : undefined,
      personalMail: one('supannMailPerso'),
      activated: withPassword.searchEntries.length === 1,
    };
  }

  const replace = (type: string, value: string) =>
    new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });

  return {
    findByLogin: (login) => withService((ldap) => findOne(ldap, settings.loginAttribute, login)),
    findByStudentNumber: (studentNumber) => withService((ldap) => findOne(ldap, 'supannEtuId', studentNumber)),

    async authenticate(login, password) {
      if (!password) return undefined;
      const person = await withService((ldap) => findOne(ldap, settings.loginAttribute, login));
      if (!person) return undefined;
      const ldap = client();
      try {
        await ldap.bind(person.dn, password);
        return person;
      } catch (error) {
        const classified = classify(error, { onBadCredentials: 'wrongCurrent' });
        if (classified instanceof DirectoryRefusal) return undefined;
        throw classified;
      } finally {
        await ldap.unbind().catch(() => undefined);
      }
    },

    async changeOwnPassword(login, current, next) {
      const person = await withService((ldap) => findOne(ldap, settings.loginAttribute, login));
      if (!person) throw new DirectoryRefusal('wrongCurrent');
      const ldap = client();
      try {
        await ldap.bind(person.dn, current);
        await ldap.modify(person.dn, replace('userPassword', next));
      } catch (error) {
        throw classify(error, { onBadCredentials: 'wrongCurrent' });
      } finally {
        await ldap.unbind().catch(() => undefined);
      }
    },

    async setPassword(login, next) {
      await withService(async (ldap) => {
        const person = await findOne(ldap, settings.loginAttribute, login);
        if (!person) throw new DirectoryRefusal('refused');
        await ldap.modify(person.dn, replace('userPassword', next));
      });
    },

    async setPersonalMail(login, mail) {
      await withService(async (ldap) => {
        const person = await findOne(ldap, settings.loginAttribute, login);
        if (!person) throw new DirectoryRefusal('refused');
        await ldap.modify(person.dn, replace('supannMailPerso', mail));
      });
    },
  };
}

/** The directory of this configuration, or undefined when none is configured (the tab says so). */
export function directoryFromConfig(config: {
  directory: Omit<DirectorySettings, 'url'> & { url: string | undefined };
}): Directory | undefined {
  const { url, ...rest } = config.directory;
  return url ? createDirectory({ url, ...rest }) : undefined;
}
