import { randomBytes } from 'node:crypto';
import { type AccessControlReceiver, startAccessControlReceiver } from '../../infra/accessControlReceiver.js';
import { type CasServer, startCasServer } from '../support/casServer.js';
import { EntBrowser } from '../support/entBrowser.js';
import { startWorld, type World } from '../support/world.js';

/** Students of the test CAS server (as the ENT would describe them). */
export const students = {
  ines: {
    login: 'e21901234',
    password: 'motdepasse-etu',
    number: '21901234',
    email: 'ines.moreau@etu.univ.example',
    first: 'Inès',
    last: 'Moreau',
  },
  hugo: {
    login: 'e21905678',
    password: 'motdepasse-etu2',
    number: '21905678',
    email: 'hugo.lambert@etu.univ.example',
    first: 'Hugo',
    last: 'Lambert',
  },
};
export type TestStudent = (typeof students)[keyof typeof students];

export interface CardWorld {
  world: World;
  cas: CasServer;
  receiver: AccessControlReceiver;
  stop(): Promise<void>;
}

/**
 * The platform with the test CAS server, the local access-control receiver (signed webhooks) and
 * the card's timers shortened to seconds where a test needs them to fire.
 */
export async function startCardWorld(env: Record<string, string> = {}): Promise<CardWorld> {
  const secret = randomBytes(32).toString('hex');
  const receiver = await startAccessControlReceiver({ secret });
  const cas = await startCasServer(
    Object.fromEntries(
      Object.values(students).map((s) => [
        s.login,
        {
          password: s.password,
          attributes: { eduPersonAffiliation: ['student', 'member'], supannEtuId: s.number, mail: s.email, givenName: s.first, sn: s.last },
        },
      ]),
    ),
  );
  const world = await startWorld({
    ENT_PROTOCOL: 'cas',
    ENT_CAS_BASE_URL: cas.baseUrl,
    ACCESS_CONTROL_WEBHOOK_URL: receiver.url,
    ACCESS_CONTROL_WEBHOOK_SECRET: secret,
    STUDENT_CARD_REVIEW_DEADLINE: 'PT10M',
    STUDENT_CARD_REFUSED_PHOTO_RETENTION: 'PT3S',
    ...env,
  });
  return {
    world,
    cas,
    receiver,
    async stop() {
      await world?.stop();
      await cas?.close();
      await receiver?.close();
    },
  };
}

/** Logs a student in through the CAS server over HTTP; returns the session token (bearer or cookie). */
export async function studentSession(w: CardWorld, student: TestStudent): Promise<{ token: string; auth: { authorization: string } }> {
  const browser = new EntBrowser();
  const login = await browser.go(`${w.world.baseUrl}/ent/connexion`);
  await browser.submit(login, { username: student.login, password: student.password });
  const token = browser.cookies.get('session');
  if (!token) throw new Error('no ENT session');
  return { token, auth: { authorization: `Bearer ${token}` } };
}

/** POSTs a photo as multipart/form-data, as a phone or a computer would. */
export async function uploadPhoto(
  world: World,
  auth: { authorization: string },
  bytes: Buffer,
  filename = 'photo.jpg',
  type = 'image/jpeg',
) {
  const body = new FormData();
  body.append('photo', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${world.baseUrl}/api/student-card/photo`, { method: 'POST', headers: auth, body });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
}
