import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPayloadKeyEnv } from '../../lib/codec/payloadKeys.js';

/**
 * The recorded histories (tests/histories/) are sealed with a FIXTURE key kept beside them, so the
 * replay test can decrypt them in any run. It protects nothing (the histories hold test data only)
 * and is never used outside the tests; real keys never enter the repository (README « Payload
 * encryption keys »).
 */
export const historiesKeyId = 'recorded-histories';
export const historiesKeyFile = join(import.meta.dirname, '..', 'histories', 'payload-key.txt');

/**
 * The run's keys: a fresh one that encrypts, plus the fixture key to decrypt the recorded
 * histories. With RECORD_HISTORIES=1 the fixture key encrypts, so the re-recorded files replay later.
 */
export function testPayloadKeyEnv(): { PAYLOAD_KEYS: string; PAYLOAD_KEY_CURRENT: string } {
  const fresh = newPayloadKeyEnv('test-run');
  const fixture = `${historiesKeyId}:${readFileSync(historiesKeyFile, 'utf8').trim()}`;
  return {
    PAYLOAD_KEYS: `${fresh.PAYLOAD_KEYS},${fixture}`,
    PAYLOAD_KEY_CURRENT: process.env.RECORD_HISTORIES ? historiesKeyId : fresh.PAYLOAD_KEY_CURRENT,
  };
}
