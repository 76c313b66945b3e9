import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec } from '../../lib/codec/aesGcmCodec.js';
import { parsePayloadKeys } from '../../lib/codec/payloadKeys.js';
import { historiesDir } from '../support/histories.js';
import {
  collectNeedles,
  findPersonalData,
  freeTextsInTestCode,
  type Needle,
  personalDataTally,
  type ScanReport,
  scanHistoryFiles,
  scanNamespace,
} from '../support/historyScan.js';
import { testPayloadKeyEnv } from '../support/payloadKeys.js';

/**
 * Issue 13's proof, run after the whole suite (vitest.config.ts: a project of its own, a later
 * group): every execution of the test namespace, decoded with the codec, holds none of the
 * personal data the tests stored (read back from their databases) nor their passwords; and read
 * without the codec, no payload is in clear. Run alone it scans only what is there.
 */
const stack = JSON.parse(process.env.APPROVALS_TEST_STACK ?? '{}') as {
  templateDatabaseUrl?: string;
  temporalAddress?: string;
  payloadKeyEnv?: { PAYLOAD_KEYS: string; PAYLOAD_KEY_CURRENT: string };
};

describe.runIf(stack.temporalAddress)('personal data in workflow histories', () => {
  let client: Client;
  let needles: Needle[];
  let decoded: ScanReport;
  let raw: ScanReport;

  beforeAll(async () => {
    client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress! }), namespace: 'default' });
    const keys = stack.payloadKeyEnv && parsePayloadKeys(stack.payloadKeyEnv.PAYLOAD_KEYS, stack.payloadKeyEnv.PAYLOAD_KEY_CURRENT);
    needles = await collectNeedles(stack.templateDatabaseUrl!);
    const decodedTally = personalDataTally(needles);
    const rawTally = personalDataTally(needles);
    await scanNamespace(client, [
      { codec: keys ? new AesGcmPayloadCodec(keys) : undefined, onHistory: decodedTally.add },
      { codec: undefined, onHistory: rawTally.add },
    ]);
    decoded = decodedTally.report();
    raw = rawTally.report();
  }, 600_000);
  afterAll(async () => {
    await client?.connection.close();
  });

  it('when every history is decoded with the codec, then no e-mail, name, birth date, phone, address or password of the tests is there', () => {
    const report = decoded;
    console.log(
      `history scan: ${report.histories} histories, ${needles.length} personal values searched; histories with hits per kind: ${JSON.stringify(
        Object.fromEntries(Object.entries(report.byKind).map(([k, v]) => [k, v.histories])),
      )}`,
    );
    expect(needles.filter((n) => n.kind === 'email').length).toBeGreaterThan(0);
    expect(report.byKind).toEqual(Object.fromEntries(Object.keys(report.byKind).map((kind) => [kind, { histories: 0, examples: [] }])));
  });

  it('when the histories are read without the codec, then every payload is binary/encrypted and no value appears', () => {
    expect(raw.histories).toBeGreaterThan(0);
    expect(raw.clearPayloads).toBe(0);
    const report = raw;
    expect(Object.values(report.byKind).every((k) => k.histories === 0)).toBe(true);
  });
});

/**
 * The recorded histories (tests/histories/, replayed by replay.test.ts) hold none of the reasons and
 * comments the tests type either: those travel as ids in `free_texts`. HISTORY_SCAN_DIR points the
 * same check at another folder of recorded histories (e.g. ones recorded before the ids).
 */
describe('free text in recorded histories', () => {
  it('when the recorded histories are decoded, then none of the reasons and comments the tests type is there', async () => {
    const { PAYLOAD_KEYS, PAYLOAD_KEY_CURRENT } = testPayloadKeyEnv();
    const histories = await scanHistoryFiles(
      process.env.HISTORY_SCAN_DIR ?? historiesDir,
      new AesGcmPayloadCodec(parsePayloadKeys(PAYLOAD_KEYS, PAYLOAD_KEY_CURRENT)),
    );
    const needles: Needle[] = freeTextsInTestCode().map((value) => ({ kind: 'freeText', value }));
    const report = findPersonalData(histories, needles);
    console.log(
      `recorded history scan: ${report.histories} histories, ${needles.length} free texts searched, ${report.byKind.freeText.histories} histories with hits ${JSON.stringify(report.byKind.freeText.examples)}`,
    );
    expect(needles.length).toBeGreaterThan(5);
    expect(report.histories).toBeGreaterThan(0);
    expect(report.byKind.freeText).toEqual({ histories: 0, examples: [] });
  });
});
