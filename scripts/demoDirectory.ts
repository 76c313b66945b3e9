/**
 * For `npm start`: the institution's side of « Mon compte », on this machine. A real slapd
 * (infra/slapd.ts, data under data/slapd, kept between runs) with two demonstration people, and the
 * test CAS server checking passwords by binding to that slapd — so a password changed in « Mon
 * compte » really is the one the next ENT login needs. Where slapd cannot be installed, the
 * platform runs without a directory and « Connexion et sécurité » says it is not configured.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { Client } from 'ldapts';
import { directoryLayout, startSlapd } from '../infra/slapd.js';
import { createDirectory } from '../lib/ldap/directory.js';
import { startCasServer } from '../tests/support/casServer.js';

export const demoPeople = [
  {
    uid: 'e21900001',
    givenName: 'Inès',
    sn: 'Moreau',
    etu: '21900001',
    birth: '20040317',
    mail: 'ines.moreau@perso.example',
    password: 'demo-ines-mot-de-passe',
  },
  { uid: 'e21900002', givenName: 'Noé', sn: 'Lambert', etu: '21900002', birth: '20050902', mail: 'noe.lambert@perso.example' },
];

export async function startDemoDirectory(options: {
  dataDir: string;
  secret: string;
  slapdPort: number;
  casPort: number;
  log: (line: string) => void;
}) {
  // Derived from APP_SECRET, so that the directory created by the first run opens again.
  const derive = (what: string) => createHmac('sha256', options.secret).update(`demo-slapd:${what}`).digest('base64url');
  const slapd = await startSlapd({
    dir: path.join(options.dataDir, 'slapd'),
    port: options.slapdPort,
    rootPassword: derive('root'),
    servicePassword: derive('service'),
  });
  const ldap = new Client({ url: slapd.url });
  try {
    await ldap.bind(slapd.rootDn, slapd.rootPassword);
    for (const p of demoPeople) {
      await ldap
        .add(`uid=${p.uid},${directoryLayout.people}`, {
          objectClass: ['inetOrgPerson', 'platformPerson'],
          uid: p.uid,
          cn: `${p.givenName} ${p.sn}`,
          sn: p.sn,
          givenName: p.givenName,
          supannEtuId: p.etu,
          schacDateOfBirth: p.birth,
          supannMailPerso: p.mail,
          ...(p.password ? { userPassword: p.password } : {}),
        })
        .catch((error: { code?: number }) => {
          if (error.code !== 68) throw error; // 68: already there (an earlier run)
        });
    }
  } finally {
    await ldap.unbind();
  }
  const directory = createDirectory({
    url: slapd.url,
    peopleDn: directoryLayout.people,
    serviceDn: slapd.serviceDn,
    servicePassword: slapd.servicePassword,
    loginAttribute: 'uid',
    timeoutMs: 5000,
  });
  const cas = await startCasServer({}, options.casPort, { directory });
  options.log(
    `slapd ${slapd.url} and the CAS server ${cas.baseUrl}: log in as e21900001 / demo-ines-mot-de-passe; e21900002 awaits « Première connexion ? »`,
  );
  return {
    env: {
      ENT_PROTOCOL: 'cas',
      ENT_CAS_BASE_URL: cas.baseUrl,
      DIRECTORY_LDAP_URL: slapd.url,
      DIRECTORY_SERVICE_DN: slapd.serviceDn,
      DIRECTORY_SERVICE_PASSWORD: slapd.servicePassword,
      DIRECTORY_PEOPLE_DN: directoryLayout.people,
      IMAGE_RIGHTS_SERVICES: JSON.stringify([
        { id: 'bibliotheque', label: 'Bibliothèque universitaire', token: derive('bibliotheque-token') },
      ]),
    },
    casUrl: cas.baseUrl,
    async stop() {
      await cas.close();
      await slapd.stop();
    },
  };
}
