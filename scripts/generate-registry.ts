/**
 * `npx tsx scripts/generate-registry.ts <out.csv> [--rows 200000] [--seed 1] [--separator ";"] [--latin1] [--bom]`
 *
 * Writes a synthetic registry export (db/registry/fakeRegistry.ts) to try or measure the import.
 */
import { parseArgs } from 'node:util';
import { writeFakeRegistryCsv } from '../db/registry/fakeRegistry.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    separator: { type: 'string', default: ';' },
    latin1: { type: 'boolean', default: false },
    bom: { type: 'boolean', default: false },
  },
});
const out = positionals[0];
const separator = values.separator === '\\t' ? '\t' : values.separator;
if (!out || ![';', ',', '\t'].includes(separator)) {
  console.error(
    'Usage: npx tsx scripts/generate-registry.ts <out.csv> [--rows 200000] [--seed 1] [--separator ";"|","|"\\t"] [--latin1] [--bom]',
  );
  process.exit(1);
}
const started = Date.now();
await writeFakeRegistryCsv(out, {
  rows: Number(values.rows),
  seed: Number(values.seed),
  separator: separator as ';' | ',' | '\t',
  encoding: values.latin1 ? 'windows-1252' : 'utf-8',
  bom: values.bom,
});
console.log(`${out}: ${values.rows} lines in ${Date.now() - started} ms`);
