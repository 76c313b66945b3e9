import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, KEY_ID_METADATA } from '../../lib/codec/aesGcmCodec.js';
import { newPayloadKeyEnv, parsePayloadKeys } from '../../lib/codec/payloadKeys.js';
import { parseConfig } from '../../lib/config.js';
import { createStaff } from '../support/approvals.js';
import { startWorld, type World } from '../support/world.js';

/** Issue 13: the payload codec (AES-256-GCM, key ids, rotation) and the codec endpoint of the Temporal UI. */
const uiOrigin = 'http://ui.example.test:8233';
const token = 'codec-token-for-the-ui-server-0123456789';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const asJson = (p: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
  data: b64(p.data ?? new Uint8Array()),
});

describe('payload codec', () => {
  it('when a payload is encoded, then it is binary/encrypted with the key id, a fresh IV each time, and decodes back', async () => {
    const keys = parsePayloadKeys(newPayloadKeyEnv('k1').PAYLOAD_KEYS, 'k1');
    const codec = new AesGcmPayloadCodec(keys);
    const payload = defaultPayloadConverter.toPayload({ email: 'personne@example.org' });
    const [a] = await codec.encode([payload]);
    const [b] = await codec.encode([payload]);
    expect(Buffer.from(a!.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(a!.metadata![KEY_ID_METADATA]!).toString()).toBe('k1');
    expect(Buffer.from(a!.data!).toString('latin1')).not.toContain('personne@example.org');
    expect(b64(a!.data!)).not.toBe(b64(b!.data!));
    const [decoded] = await codec.decode([a!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ email: 'personne@example.org' });
  });

  it('when the key rotates, then old payloads still decode, new ones use the new key, and a dropped key is named', async () => {
    const old = newPayloadKeyEnv('old');
    const next = newPayloadKeyEnv('new');
    const [sealed] = await new AesGcmPayloadCodec(parsePayloadKeys(old.PAYLOAD_KEYS, 'old')).encode([
      defaultPayloadConverter.toPayload('x'),
    ]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeys(`${next.PAYLOAD_KEYS},${old.PAYLOAD_KEYS}`, 'new'));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([sealed!]))[0]!)).toBe('x');
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload('y')]);
    expect(Buffer.from(fresh!.metadata![KEY_ID_METADATA]!).toString()).toBe('new');
    await expect(new AesGcmPayloadCodec(parsePayloadKeys(next.PAYLOAD_KEYS, 'new')).decode([sealed!])).rejects.toThrow(
      /unknown key id "old"/,
    );
  });

  it('when PAYLOAD_KEYS is missing or malformed, then the configuration names the variable', () => {
    const base = {
      PUBLIC_BASE_URL: 'http://localhost:3000',
      DATABASE_URL: 'postgres://localhost/x',
      SMTP_URL: 'smtp://localhost:25',
      APP_SECRET: 'x'.repeat(32),
    };
    expect(() => parseConfig(base)).toThrow(/PAYLOAD_KEYS: missing/);
    expect(() => parseConfig({ ...base, PAYLOAD_KEYS: 'k1:c2hvcnQ=' })).toThrow(/PAYLOAD_KEYS: key k1 must be 32 bytes/);
    expect(() => parseConfig({ ...base, ...newPayloadKeyEnv('a'), PAYLOAD_KEY_CURRENT: 'b' })).toThrow(/not among the listed keys/);
  });
});

describe('codec endpoint for the Temporal UI', () => {
  let world: World;
  let sealed: ReturnType<typeof asJson>;
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${world.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ payloads: [sealed] }),
    });

  beforeAll(async () => {
    world = await startWorld({ CODEC_TOKEN: token, TEMPORAL_UI_ORIGIN: uiOrigin });
    const [payload] = await new AesGcmPayloadCodec(world.config.temporal.payloadKeys).encode([
      defaultPayloadConverter.toPayload({ applicant: 'graduate:42' }),
    ]);
    sealed = asJson(payload!);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('when nobody is authenticated, then /codec/decode answers 401 and decodes nothing', async () => {
    const response = await post('/codec/decode');
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('graduate:42');
  });

  it('when the UI server sends the codec token, then the payloads come back decoded', async () => {
    const response = await post('/codec/decode', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const [payload] = ((await response.json()) as { payloads: { data: string }[] }).payloads;
    expect(Buffer.from(payload!.data, 'base64').toString()).toBe('{"applicant":"graduate:42"}');
  });

  it('when an operateur is logged in, then their session decodes; staff without the role get 401', async () => {
    const operator = await createStaff(world, [{ role: 'operateur' }]);
    const other = await createStaff(world, [{ role: 'webmaster' }]);
    expect((await post('/codec/decode', { ...operator.auth, origin: uiOrigin })).status).toBe(200);
    expect((await post('/codec/decode', other.auth)).status).toBe(401);
  });

  it('when another origin asks, then it gets no CORS grant; the configured UI origin does', async () => {
    const preflight = (origin: string) =>
      fetch(`${world.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const ui = await preflight(uiOrigin);
    expect(ui.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    const fromForeign = await post('/codec/decode', { authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(fromForeign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
