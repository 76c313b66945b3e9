import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type PayloadCodec } from '@temporalio/common';
import { createDb } from '../../db/connection.js';
import { ENCRYPTED_ENCODING } from '../../lib/codec/aesGcmCodec.js';

/**
 * The personal data scanner of issue 13: every history of a namespace (or recorded history files),
 * payloads decoded with the codec first, plus workflow ids, search attributes, memos, summaries and
 * failure messages, searched for every e-mail address, name, birth date, phone number, postal
 * address and password the tests used. The values come from the test databases themselves (every
 * `test_*` database the run created) and the passwords from the test support code.
 */
export const dataKinds = ['email', 'name', 'birthDate', 'phone', 'postalAddress', 'password', 'freeText'] as const;
export type DataKind = (typeof dataKinds)[number];
export interface Needle {
  kind: DataKind;
  value: string;
}

/** Which columns hold which kind of personal data (people's own data, not labels derived from it). */
function kindOfColumn(column: string, table: string): DataKind | undefined {
  // Text people typed: decisions' reasons and comments, refusals, withdrawals (free_texts.body since issue 13).
  if (/^(reason|comment|refusal_reason|withdrawal_reason)$/.test(column) || (table === 'free_texts' && column === 'body'))
    return 'freeText';
  if (/email/.test(column)) return 'email';
  if (/birth_date/.test(column)) return 'birthDate';
  if (/phone/.test(column)) return 'phone';
  if (/(^|_)(postal_address|company_address|address)$/.test(column)) return 'postalAddress';
  if (
    /^(first_names?|last_name|birth_name|display_name|contact_first_name|contact_last_name|applicant_name|author_name|name)$/.test(column)
  )
    return 'name';
  return undefined;
}

/** Every personal value stored in the run's test databases, and the passwords the tests typed. */
export async function collectNeedles(templateDatabaseUrl: string): Promise<Needle[]> {
  const admin = createDb(Object.assign(new URL(templateDatabaseUrl), { pathname: '/postgres' }).toString(), 1);
  const found = new Map<string, Needle>();
  const add = (kind: DataKind, raw: string) => {
    const value = raw.trim();
    // Too short to be told apart from ordinary text (initials, « Li »): not searched.
    if (value.length >= 4 && !found.has(`${kind}:${value}`)) found.set(`${kind}:${value}`, { kind, value });
  };
  try {
    const databases: { datname: string }[] = (await admin.raw(`SELECT datname FROM pg_database WHERE datname LIKE 'test\\_%'`)).rows;
    for (const { datname } of databases) {
      const db = createDb(Object.assign(new URL(templateDatabaseUrl), { pathname: `/${datname}` }).toString(), 1);
      try {
        const columns: { table_name: string; column_name: string }[] = (
          await db.raw(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`)
        ).rows;
        for (const { table_name, column_name } of columns) {
          const kind = kindOfColumn(column_name, table_name);
          if (!kind) continue;
          const rows: { v: string | null }[] = (
            await db.raw(`SELECT DISTINCT ??::text AS v FROM ?? WHERE ?? IS NOT NULL`, [column_name, table_name, column_name])
          ).rows;
          for (const { v } of rows) {
            if (!v) continue;
            if (kind === 'birthDate') {
              const [y, m, d] = v.slice(0, 10).split('-');
              add(kind, `${y}-${m}-${d}`);
              add(kind, `${d}/${m}/${y}`);
            } else if (kind === 'name') {
              // The whole name, and each capitalised word of it without digits (« Sophie », « Projet »):
              // not the tests' uniqueness suffixes (« 931a ») nor role words (« Responsable composante »).
              add(kind, v);
              for (const part of v.split(/[\s,]+/)) if (/^\p{Lu}[\p{L}'’-]+$/u.test(part)) add(kind, part);
            } else add(kind, v);
          }
        }
      } finally {
        await db.destroy();
      }
    }
  } finally {
    await admin.destroy();
  }
  for (const password of passwordsInTestCode()) add('password', password);
  for (const text of freeTextsInTestCode()) add('freeText', text);
  // The platform's own words (« Aucune place ne s’est libérée… », « Session annulée ») are no one's data,
  // nor is one word of a name that the platform itself writes (« Compte » of a staff account named
  // « Compte à désactiver », also in the summary « Compte candidat : … »).
  const platformWords = platformSource();
  const platformVocabulary = (n: Needle) =>
    (n.kind === 'freeText' || (n.kind === 'name' && !/\s/.test(n.value))) && platformWords.includes(n.value);
  return [...found.values()].filter((n) => !platformVocabulary(n));
}

/** The reasons and comments the tests type (`reason: '…'`, `comment: '…'`, `title: '…'` of a declared diploma). */
export function freeTextsInTestCode(): string[] {
  const root = join(import.meta.dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
  const texts = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(/\b(?:reason|comment)['"]?\s*[:=]\s*'([^'\n]{6,})'/g))
      if (match[1]!.trim()) texts.add(match[1]!.trim());
    // The title of a diploma a graduate declares (« not found » in the registry) is typed too.
    if (file.includes('graduate'))
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(/notFound: true,[^}]*?\btitle\s*:\s*'([^'\n]{6,})'/gs))
        texts.add(match[1]!.trim());
  }
  const platformWords = platformSource();
  return [...texts].filter((text) => !platformWords.includes(text));
}

/** The workflows', activities' and API's source (summaries are written there): a text written there is the platform's, not a person's. */
function platformSource(): string {
  const root = join(import.meta.dirname, '..', '..');
  return ['workflows', 'activities', 'api']
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => readFileSync(join(root, dir, f), 'utf8')),
    )
    .join('\n');
}

/** The passwords written in the tests (`password: '…'`, `password = '…'`). */
export function passwordsInTestCode(): string[] {
  const root = join(import.meta.dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const passwords = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(/password\w*['"]?\s*[:=]\s*'([^'\s]{8,})'/gi))
      passwords.add(match[1]!);
  }
  return [...passwords];
}

export interface ScannedHistory {
  workflowId: string;
  /** Every readable string of the execution: ids, search attributes, memo, summaries, failures, decoded payloads. */
  texts: string[];
  /** Payloads stored in clear (no `binary/encrypted` encoding), search attributes aside. */
  clearPayloads: number;
}

const utf8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/**
 * Walks a history (proto objects or the JSON of a recorded file), decoding every payload with the
 * codec when there is one, and collects its strings. Three kinds of payloads are in clear by design
 * and not counted as clear payloads (their text is still searched for personal data): search
 * attributes (Temporal indexes them: kinds, statuses, ids), headers (the trace context of
 * lib/telemetry: trace and span ids) and the `data` detail of local activity markers (written by the
 * SDK's core: sequence number, activity type, times; the marker's `result` is sealed).
 */
async function readHistory(history: unknown, codec: PayloadCodec | undefined): Promise<Omit<ScannedHistory, 'workflowId'>> {
  const texts: string[] = [];
  let clearPayloads = 0;
  const bytesOf = (value: unknown): Uint8Array | undefined =>
    value instanceof Uint8Array ? value : typeof value === 'string' ? Buffer.from(value, 'base64') : undefined;
  const visit = async (node: unknown, inSearchAttributes: boolean, inMarker = false, parentKey = ''): Promise<void> => {
    if (typeof node === 'string') texts.push(node);
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) await visit(item, inSearchAttributes, inMarker, parentKey);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.metadata && typeof record.metadata === 'object' && 'data' in record && !Array.isArray(record.metadata)) {
      const metadata = Object.fromEntries(
        Object.entries(record.metadata as Record<string, unknown>).map(([k, v]) => [k, bytesOf(v) ?? new Uint8Array()]),
      );
      const payload = { metadata, data: bytesOf(record.data) ?? new Uint8Array() };
      const encrypted = payload.metadata[METADATA_ENCODING_KEY] && utf8(payload.metadata[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
      if (!encrypted && !inSearchAttributes) clearPayloads++;
      const [decoded] = codec && encrypted ? await codec.decode([payload]) : [payload];
      texts.push(utf8(decoded!.data ?? new Uint8Array()));
      return;
    }
    for (const [key, value] of Object.entries(record)) {
      const marker = inMarker || /markerRecorded/i.test(key);
      const byDesign = /searchAttributes|^header$/i.test(key) || (marker && parentKey === 'details' && key === 'data');
      await visit(value, inSearchAttributes || byDesign, marker, key);
    }
  };
  await visit(history, false);
  return { texts, clearPayloads };
}

/** One way of reading every history (with or without the codec) and what to do with each, as it comes. */
export interface NamespaceReader {
  codec: PayloadCodec | undefined;
  onHistory: (history: ScannedHistory) => void;
}

/**
 * Every execution of the client's namespace: its id, search attributes and memo, then its history,
 * fetched once and handed to each reader, then dropped: after a whole suite the namespace holds
 * thousands of histories, too many to keep in memory at once (the scan ran out of heap doing so).
 */
export async function scanNamespace(client: Client, readers: NamespaceReader[]): Promise<number> {
  let executions = 0;
  for await (const execution of client.workflow.list()) {
    const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
    const description = await handle.describe().catch(() => undefined);
    const raw = description?.raw;
    const history = await handle.fetchHistory();
    for (const reader of readers) {
      const read = await readHistory({ history, info: raw?.workflowExecutionInfo, config: raw?.executionConfig }, reader.codec);
      reader.onHistory({
        workflowId: execution.workflowId,
        texts: [execution.workflowId, ...read.texts],
        clearPayloads: read.clearPayloads,
      });
    }
    executions++;
  }
  return executions;
}

/** Recorded history files (the Temporal UI's « Download » JSON). */
export async function scanHistoryFiles(dir: string, codec: PayloadCodec | undefined): Promise<ScannedHistory[]> {
  const scanned: ScannedHistory[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const read = await readHistory(JSON.parse(readFileSync(join(dir, file), 'utf8')), codec);
    scanned.push({ workflowId: file, ...read });
  }
  return scanned;
}

export interface ScanReport {
  histories: number;
  /** Per kind: how many histories hold at least one value of that kind, and which values (a few). */
  byKind: Record<DataKind, { histories: number; examples: string[] }>;
  clearPayloads: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findPersonalData(histories: ScannedHistory[], needles: Needle[]): ScanReport {
  const tally = personalDataTally(needles);
  for (const history of histories) tally.add(history);
  return tally.report();
}

/** The same search, one history at a time (the namespace scan streams them). */
export function personalDataTally(needles: Needle[]): { add: (history: ScannedHistory) => void; report: () => ScanReport } {
  const byKind = Object.fromEntries(dataKinds.map((k) => [k, { histories: 0, examples: [] as string[] }])) as ScanReport['byKind'];
  const patterns = needles.map((n) => ({
    ...n,
    pattern: new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(n.value)}($|[^\\p{L}\\p{N}])`, 'u'),
  }));
  let histories = 0;
  let clearPayloads = 0;
  const add = (history: ScannedHistory) => {
    histories++;
    clearPayloads += history.clearPayloads;
    const text = history.texts.join('\n');
    const kinds = new Set<DataKind>();
    for (const needle of patterns) {
      // A plain substring search first: the word-boundary pattern only where the value occurs at all.
      if (!text.includes(needle.value) || !needle.pattern.test(text)) continue;
      kinds.add(needle.kind);
      const examples = byKind[needle.kind].examples;
      if (examples.length < 5 && !examples.includes(needle.value)) examples.push(needle.value);
    }
    for (const kind of kinds) byKind[kind].histories++;
  };
  return { add, report: () => ({ histories, byKind, clearPayloads }) };
}
