/**
 * `npm run import:registry -- <file.csv> [--rejections rejets.csv] [--batch-size 1000]`
 *
 * Imports the graduate registry exported by the university's student information system (see
 * db/registry/importRegistry.ts for what is accepted, db/registry/columns.ts for column names).
 * DATABASE_URL defaults to the PostgreSQL of `npm start`.
 *
 * Exit code: 0 every line imported (or already there), 2 some lines rejected (the others are
 * imported; the summary lists them), 1 nothing imported (unreadable file, header without the
 * required columns, database unreachable).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createDb } from '../db/connection.js';
import { REGISTRY_COLUMNS, RegistryHeaderError } from '../db/registry/columns.js';
import { type ImportSummary, importRegistryFile } from '../db/registry/importRegistry.js';
import { createProgressBar } from '../lib/progressBar.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:54329/approvals';
const SHOWN_REJECTIONS = 100;
const PROGRESS_FROM_BYTES = 1 << 20;

const usage = `Usage : npm run import:registry -- <fichier.csv> [--rejections rejets.csv] [--batch-size 1000]

CSV exporté du SI scolarité : séparateur ; , ou tabulation, UTF-8 ou Latin-1, ligne d'en-tête.
Colonnes reconnues (casse, accents, espaces et _ indifférents ; la première trouvée l'emporte) :
${Object.entries(REGISTRY_COLUMNS)
  .map(([field, names]) => `  ${field.padEnd(16)} ${names.join(', ')}`)
  .join('\n')}
Obligatoires : un nom (lastName ou birthName), firstNames, birthDate, vetCode, composanteCode, year.

Code de sortie : 0 tout importé, 2 des lignes rejetées (les autres sont importées), 1 rien importé.
Base : DATABASE_URL (par défaut celle de npm start).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rejections: { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(usage);
    return values.help ? 0 : 1;
  }
  const file = positionals[0]!;
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 10_000)) {
    console.error('--batch-size : un entier de 1 à 10000');
    return 1;
  }
  const db = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, 2);
  const progress = createProgressBar();
  try {
    if (!(await db.schema.hasTable('registry_graduates'))) {
      console.error('La base n’a pas la table du registre : lancez `npm start` (ou `npm run migrate`) une fois avant l’import.');
      return 1;
    }
    const summary = await importRegistryFile(db, file, {
      batchSize,
      onProgress: ({ bytesRead, totalBytes, lines }) => {
        if (totalBytes >= PROGRESS_FROM_BYTES) progress.update(bytesRead, totalBytes, `${lines.toLocaleString('fr-FR')} lignes`);
      },
    });
    progress.stop();
    console.log(formatSummary(file, summary));
    if (values.rejections) await writeFile(values.rejections, rejectionsCsv(summary), 'utf8');
    return summary.rejected.length > 0 ? 2 : 0;
  } catch (error) {
    progress.stop();
    if (error instanceof RegistryHeaderError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error((error as Error).message);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

function formatSummary(file: string, s: ImportSummary): string {
  const separator = s.separator === '\t' ? 'tabulation' : `« ${s.separator} »`;
  const lines = [
    `Registre importé depuis ${file} (${s.encoding}, séparateur ${separator}) en ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `Colonnes : ${Object.entries(s.columns)
      .map(([field, header]) => `${field} ← « ${header} »`)
      .join(', ')}`,
    `Lignes lues        ${s.lines}`,
    `  insérées         ${s.inserted}`,
    `  mises à jour     ${s.updated}`,
    `  inchangées       ${s.unchanged}`,
    `  doublons exacts  ${s.duplicates}`,
    `  rejetées         ${s.rejected.length}`,
  ];
  if (s.rejected.length > 0) {
    lines.push('Lignes rejetées :');
    for (const r of s.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  ligne ${r.line} : ${r.reason}`);
    if (s.rejected.length > SHOWN_REJECTIONS) {
      lines.push(`  … et ${s.rejected.length - SHOWN_REJECTIONS} autres (liste complète avec --rejections rejets.csv)`);
    }
  }
  return lines.join('\n');
}

function rejectionsCsv(s: ImportSummary): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return `${['ligne;code;motif', ...s.rejected.map((r) => `${r.line};${r.code};${quote(r.reason)}`)].join('\n')}\n`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
