/**
 * One line of a registry export → one graduate with one diploma, or the reason it is rejected.
 * Rejection reasons are for the person who fixes the file: French, with the offending value.
 */

import { parseBirthDate } from './birthDate.js';
import type { ColumnMap, RegistryField } from './columns.js';
import type { CsvRecord } from './csv/tokenizer.js';
import { nameKey, nameWords } from './names.js';

export interface RegistryEntry {
  line: number;
  /** Idempotency key of the graduate, see `registryKeyOf`. */
  registryKey: string;
  studentNumber: string | null;
  ine: string | null;
  lastName: string;
  birthName: string | null;
  firstNames: string;
  birthDate: string;
  vetCode: string;
  vetLabel: string | null;
  composanteCode: string;
  composanteLabel: string | null;
  year: number;
}

export type RejectionCode =
  | 'unterminated_quote'
  | 'wrong_column_count'
  | 'missing_name'
  | 'missing_first_name'
  | 'bad_birth_date'
  | 'missing_vet'
  | 'missing_composante'
  | 'bad_year'
  | 'value_too_long'
  | 'conflicting_duplicate';

export interface Rejection {
  line: number;
  code: RejectionCode;
  reason: string;
}

const MAX_LENGTH = 200;

export function parseRegistryLine(record: CsvRecord, columns: ColumnMap, columnCount: number, today: Date): RegistryEntry | Rejection {
  const reject = (code: RejectionCode, reason: string): Rejection => ({ line: record.line, code, reason });
  if (record.error) return reject('unterminated_quote', 'guillemet ouvrant sans guillemet fermant (le reste du fichier est dans ce champ)');
  // Some exports end every line with a separator: extra columns are tolerated while empty.
  const extra = record.fields.slice(columnCount);
  if (record.fields.length < columnCount || extra.some((value) => value.trim() !== '')) {
    return reject('wrong_column_count', `${record.fields.length} colonnes au lieu de ${columnCount}`);
  }
  const value = (field: RegistryField): string => {
    const column = columns[field];
    return column ? cleanValue(record.fields[column.index] ?? '') : '';
  };
  const tooLong = record.fields.find((field) => field.length > MAX_LENGTH);
  if (tooLong !== undefined) return reject('value_too_long', `valeur de plus de ${MAX_LENGTH} caractères : « ${tooLong.slice(0, 40)}… »`);

  const birthName = value('birthName') || null;
  const lastName = value('lastName') || birthName;
  if (!lastName || nameKey(lastName) === '') return reject('missing_name', 'nom absent');
  const firstNames = [value('firstNames'), value('secondFirstName'), value('thirdFirstName')].filter(Boolean).join(' ');
  if (nameWords(firstNames).length === 0) return reject('missing_first_name', 'prénom absent');
  const rawDate = value('birthDate');
  const birthDate = parseBirthDate(rawDate, today);
  if (!birthDate) return reject('bad_birth_date', `date de naissance invalide : « ${rawDate} » (attendu JJ/MM/AAAA ou AAAA-MM-JJ)`);
  const vetCode = value('vetCode');
  if (!vetCode) return reject('missing_vet', 'code VET absent');
  const composanteCode = value('composanteCode');
  if (!composanteCode) return reject('missing_composante', 'code composante absent');
  const rawYear = value('year');
  const year = parseDiplomaYear(rawYear, today);
  if (year === undefined) return reject('bad_year', `année invalide : « ${rawYear} » (attendu AAAA ou AAAA-AAAA)`);

  const studentNumber = value('studentNumber') || null;
  const ine = value('ine').toUpperCase() || null;
  const sameAsUsage = birthName !== null && nameKey(birthName) === nameKey(lastName);
  const identity = { studentNumber, ine, lastName, birthName: sameAsUsage ? null : birthName, firstNames, birthDate };
  return {
    line: record.line,
    registryKey: registryKeyOf(identity),
    ...identity,
    vetCode,
    vetLabel: value('vetLabel') || null,
    composanteCode,
    composanteLabel: value('composanteLabel') || null,
    year,
  };
}

/**
 * What makes re-importing idempotent: the SIS's own student number when the export has one,
 * else the INE, else the identity itself (birth name or name, first names, birth date), so a
 * file without identifiers still lands on the same rows the second time.
 */
export function registryKeyOf(g: {
  studentNumber: string | null;
  ine: string | null;
  lastName: string;
  birthName: string | null;
  firstNames: string;
  birthDate: string;
}): string {
  if (g.studentNumber) return `etu:${g.studentNumber}`;
  if (g.ine) return `ine:${g.ine}`;
  return `nom:${nameKey(g.birthName ?? g.lastName)}:${nameWords(g.firstNames).join(' ')}:${g.birthDate}`;
}

/**
 * Trimmed, inner spaces collapsed, and unwrapped from `="…"`, the formula spreadsheets export to
 * keep the leading zeros of a student number.
 */
function cleanValue(raw: string): string {
  let value = raw.trim();
  if (value.startsWith('="') && value.endsWith('"')) value = value.slice(2, -1).trim();
  // Most values need no more; testing first spares a new string per field on large files.
  return /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** `2021`, or an academic year `2020-2021` / `2020/2021`, which gives the year the diploma was awarded. */
export function parseDiplomaYear(text: string, today = new Date()): number | undefined {
  const single = /^(\d{4})$/.exec(text);
  const academic = /^(\d{4})\s*[-/]\s*(\d{4})$/.exec(text);
  let year: number | undefined;
  if (single) year = Number(single[1]);
  else if (academic && Number(academic[2]) === Number(academic[1]) + 1) year = Number(academic[2]);
  if (year === undefined || year < 1900 || year > today.getUTCFullYear() + 1) return undefined;
  return year;
}
