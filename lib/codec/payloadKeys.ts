import { randomBytes } from 'node:crypto';

/**
 * The keys of the payload codec (lib/codec/aesGcmCodec.ts), from PAYLOAD_KEYS
 * (`<id>:<base64 of 32 bytes>,…`) and PAYLOAD_KEY_CURRENT (the id that encrypts). Every listed key
 * decrypts, so a rotation adds a new key, makes it current, and keeps the old ones for as long as
 * histories encrypted with them are retained (README « Payload encryption keys »).
 */
export interface PayloadKeys {
  /** The id written in every new payload's metadata. */
  currentId: string;
  /** Key id → 32-byte AES-256 key. */
  keys: ReadonlyMap<string, Buffer>;
}

const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** Parses the two variables; throws an Error whose message says what is wrong (never the key). */
export function parsePayloadKeys(list: string, current: string | undefined): PayloadKeys {
  const keys = new Map<string, Buffer>();
  for (const entry of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!idPattern.test(id)) throw new Error('each key is `<id>:<base64>`, the id made of letters, digits, `.`, `_` or `-`');
    if (keys.has(id)) throw new Error(`key id ${id} is listed twice`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error(`key ${id} must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length}`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new Error('at least one key `<id>:<base64 of 32 bytes>`');
  const currentId = current ?? (keys.size === 1 ? [...keys.keys()][0]! : undefined);
  if (!currentId) throw new Error('PAYLOAD_KEY_CURRENT must name the key that encrypts when several are listed');
  if (!keys.has(currentId)) throw new Error(`PAYLOAD_KEY_CURRENT (${currentId}) is not among the listed keys`);
  return { currentId, keys };
}

/** A fresh key as the two variables (development stacks, tests, the bench): never committed. */
export function newPayloadKeyEnv(id = `k${Date.now().toString(36)}`): { PAYLOAD_KEYS: string; PAYLOAD_KEY_CURRENT: string } {
  return { PAYLOAD_KEYS: `${id}:${randomBytes(32).toString('base64')}`, PAYLOAD_KEY_CURRENT: id };
}
