/**
 * A real OpenLDAP `slapd` (Debian's package) for the tests and `npm start`: the institution's
 * directory that « Connexion et sécurité » changes passwords in and that the test CAS server binds
 * against. Found as `SLAPD_PATH`, `/usr/sbin/slapd` or on PATH; as root where apt-get exists the
 * packages `slapd` and `ldap-utils` are installed (as infra/chromium.ts installs Chromium). Started
 * unprivileged (as `openldap` when we are root) on a loopback port, with its own slapd.conf and
 * database in `dir`: schemas core, cosine, inetorgperson, nis and a small local one (student
 * number, birth date, personal mail), the ppolicy overlay with the default policy below, and the
 * ACL that limits the platform's service account to the password and the personal mail.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { directoryPolicy } from '../lib/ldap/policy.js';
import { resolveDebianTool } from './debianTool.js';
import { canConnect, exitPromise, getFreePort, isExecutableFile, OutputTail, terminate, waitFor } from './processControl.js';

export const directoryLayout = {
  suffix: 'dc=univ,dc=example',
  people: 'ou=people,dc=univ,dc=example',
  rootDn: 'cn=admin,dc=univ,dc=example',
  serviceDn: 'cn=password-service,ou=services,dc=univ,dc=example',
  policyDn: 'cn=default,ou=policies,dc=univ,dc=example',
} as const;

export interface Slapd {
  url: string;
  rootDn: string;
  rootPassword: string;
  serviceDn: string;
  servicePassword: string;
  peopleDn: string;
  /** Stops the server (the data stays in `dir`); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const slapdTool = {
  binary: 'slapd',
  debianPackage: 'slapd',
  envVar: 'SLAPD_PATH',
  purpose: 'as the institution’s LDAP directory (« Connexion et sécurité », the test CAS server)',
};

/** The slapd binary: found, or installed with ldap-utils by apt as root; throws a message saying what to install. */
export async function resolveSlapd(options: { install?: boolean; log?: (line: string) => void } = {}): Promise<string> {
  if (!process.env.SLAPD_PATH && (await isExecutableFile('/usr/sbin/slapd'))) return '/usr/sbin/slapd';
  const slapd = await resolveDebianTool(slapdTool, options);
  // ldap-utils (ldapsearch, ldappasswd) for the people who operate it; not needed by the code.
  await resolveDebianTool({ ...slapdTool, binary: 'ldapsearch', debianPackage: 'ldap-utils', envVar: 'LDAPSEARCH_PATH' }, options).catch(
    () => undefined,
  );
  return slapd;
}

const localSchema = `# Local stand-in for the SUPANN / SCHAC attributes the platform reads (private OID arc).
attributetype ( 1.3.6.1.4.1.99999.22.1.1 NAME 'supannEtuId' DESC 'student number'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15{64} )
attributetype ( 1.3.6.1.4.1.99999.22.1.2 NAME 'supannMailPerso' DESC 'personal e-mail address'
  EQUALITY caseIgnoreIA5Match SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{256} )
attributetype ( 1.3.6.1.4.1.99999.22.1.3 NAME 'schacDateOfBirth' DESC 'birth date YYYYMMDD'
  EQUALITY numericStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.36{8} SINGLE-VALUE )
objectclass ( 1.3.6.1.4.1.99999.22.2.1 NAME 'platformPerson' SUP top AUXILIARY
  MAY ( supannEtuId $ supannMailPerso $ schacDateOfBirth ) )
`;

/** The ACL (also shown in the README): the service account writes the password and the personal mail only. */
export const directoryAcl = (service: string, people: string) => `access to attrs=userPassword
  by dn.exact="${service}" =ws
  by self =w
  by anonymous auth
  by * none
access to dn.subtree="${people}" attrs=supannMailPerso
  by dn.exact="${service}" write
  by self read
  by * none
access to dn.subtree="${people}" attrs=entry,objectClass,uid,cn,sn,givenName,mail,supannEtuId,schacDateOfBirth
  by dn.exact="${service}" read
  by self read
  by * none
access to * by * none
`;

function slapdConf(dir: string, rootPassword: string): string {
  const { suffix, rootDn, serviceDn, people, policyDn } = directoryLayout;
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
include ${join(dir, 'platform.schema')}
pidfile ${join(dir, 'slapd.pid')}
argsfile ${join(dir, 'slapd.args')}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
database mdb
maxsize 104857600
suffix "${suffix}"
rootdn "${rootDn}"
rootpw ${rootPassword}
directory ${join(dir, 'data')}
index objectClass,uid,supannEtuId eq
overlay ppolicy
ppolicy_default "${policyDn}"
ppolicy_hash_cleartext
ppolicy_use_lockout
${directoryAcl(serviceDn, people)}`;
}

function baseEntries(servicePassword: string): string {
  const { suffix, people, serviceDn, policyDn } = directoryLayout;
  const p = directoryPolicy;
  return `dn: ${suffix}
objectClass: dcObject
objectClass: organization
dc: univ
o: Université exemple

dn: ${people}
objectClass: organizationalUnit
ou: people

dn: ou=services,${suffix}
objectClass: organizationalUnit
ou: services

dn: ou=policies,${suffix}
objectClass: organizationalUnit
ou: policies

dn: ${serviceDn}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: password-service
userPassword: ${servicePassword}

dn: ${policyDn}
objectClass: organizationalRole
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdMinLength: ${p.pwdMinLength}
pwdCheckQuality: ${p.pwdCheckQuality}
pwdInHistory: ${p.pwdInHistory}
pwdMaxFailure: ${p.pwdMaxFailure}
pwdLockout: TRUE
pwdLockoutDuration: ${p.pwdLockoutDuration}
pwdFailureCountInterval: ${p.pwdFailureCountInterval}
pwdAllowUserChange: TRUE
pwdMustChange: FALSE
pwdSafeModify: FALSE
`;
}

export interface SlapdOptions {
  dir: string;
  port?: number;
  rootPassword: string;
  servicePassword: string;
  log?: (line: string) => void;
}

/** Starts slapd in `dir`; the first time, writes its configuration and loads the base entries with slapadd. */
export async function startSlapd(options: SlapdOptions): Promise<Slapd> {
  const slapd = await resolveSlapd({ log: options.log });
  const { dir } = options;
  const dataDir = join(dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const conf = join(dir, 'slapd.conf');
  await writeFile(join(dir, 'platform.schema'), localSchema);
  await writeFile(conf, slapdConf(dir, options.rootPassword), { mode: 0o600 });
  if ((await readdir(dataDir)).length === 0) {
    await writeFile(join(dir, 'base.ldif'), baseEntries(options.servicePassword), { mode: 0o600 });
    const slapadd = await runOnce(slapd, ['-T', 'add', '-f', conf, '-l', join(dir, 'base.ldif')]);
    if (slapadd.code !== 0) throw new Error(`slapadd failed: ${slapadd.output.trim().split('\n').slice(-3).join(' ')}`);
  }
  // Unprivileged: as root, slapd drops to the openldap user, which must own its files.
  const asRoot = process.getuid?.() === 0 && (await runOnce('id', ['-u', 'openldap'])).code === 0;
  if (asRoot) await chownTree(dir, 'openldap');
  const port = options.port ?? (await getFreePort());
  const url = `ldap://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> | undefined;

  async function start() {
    const tail = new OutputTail(options.log ? (line) => options.log!(`slapd: ${line}`) : undefined);
    const args = ['-d', '0', '-f', conf, '-h', `${url}/`, ...(asRoot ? ['-u', 'openldap', '-g', 'openldap'] : [])];
    const spawned = spawn(slapd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    spawned.stdout?.on('data', (chunk) => tail.push(chunk));
    spawned.stderr?.on('data', (chunk) => tail.push(chunk));
    child = spawned;
    exited = exitPromise(spawned);
    let gone = false;
    void exited.then(() => {
      gone = true;
    });
    await waitFor(async () => !gone && (await canConnect(port)), { timeoutMs: 15_000, message: 'slapd did not start' }).catch((error) => {
      const hint = asRoot ? ` (it runs as openldap: every folder above ${dir} must be open to it, e.g. mode 755)` : '';
      throw new Error(`${(error as Error).message}${hint}: ${tail.text()}`);
    });
  }

  await start();
  return {
    url,
    rootDn: directoryLayout.rootDn,
    rootPassword: options.rootPassword,
    serviceDn: directoryLayout.serviceDn,
    servicePassword: options.servicePassword,
    peopleDn: directoryLayout.people,
    start,
    async stop() {
      if (child && exited) await terminate(child, exited as ReturnType<typeof exitPromise>, 10_000, 'SIGINT');
      child = undefined;
    },
  };
}

async function runOnce(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', (error) => resolve({ code: null, output: error.message }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

async function chownTree(dir: string, user: string): Promise<void> {
  const { code, output } = await runOnce('chown', ['-R', `${user}:${user}`, dir]);
  if (code !== 0) throw new Error(`chown ${dir} failed: ${output}`);
}
