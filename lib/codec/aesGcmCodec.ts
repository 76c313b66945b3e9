import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
// A CommonJS package: its default export, so that Node's ESM loader (tsx, dist) and vitest agree.
import proto from '@temporalio/proto';
import type { PayloadKeys } from './payloadKeys.js';

/** The payload metadata this codec writes: the Temporal UI and a codec server read the same keys. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string) => new TextEncoder().encode(text);
const { Payload: PayloadProto } = proto.temporal.api.common.v1;

/**
 * Encrypts every payload (inputs, results, signals, updates, queries, memos, failure details)
 * before it leaves the process for Temporal, and decrypts what comes back. The whole original
 * payload (its metadata and data) is serialised and sealed with AES-256-GCM under the current key,
 * a fresh random 96-bit IV each time; the new payload says `encoding: binary/encrypted`, the key id
 * and the cipher in its metadata, and its data is IV ‖ ciphertext ‖ 16-byte tag. Payloads that are
 * not encrypted (histories from before the codec) pass through decoding unchanged.
 * Runs in the worker's and the clients' Node process, never inside the workflow sandbox.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeys) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.keys.keys.get(this.keys.currentId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = PayloadProto.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8(this.keys.currentId),
          [CIPHER_METADATA]: utf8(CIPHER),
        },
        data: new Uint8Array(sealed),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const metadata = payload.metadata ?? {};
      const encoding = metadata[METADATA_ENCODING_KEY];
      if (!encoding || new TextDecoder().decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = metadata[KEY_ID_METADATA];
      const keyId = keyIdBytes ? new TextDecoder().decode(keyIdBytes) : '';
      const key = this.keys.keys.get(keyId);
      if (!key) throw new ValueError(`payload encrypted with unknown key id "${keyId}": add it to PAYLOAD_KEYS`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('encrypted payload too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadProto.decode(plain) as Payload;
    });
  }
}
