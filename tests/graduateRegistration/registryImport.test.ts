import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { up as recomputeSpellings } from '../../db/migrations/20261129170000_registry_transliteration.js';
import { RegistryHeaderError } from '../../db/registry/columns.js';
import { encodeWindows1252 } from '../../db/registry/csv/encoding.js';
import { fakeRegistryRows, writeFakeRegistryCsv } from '../../db/registry/fakeRegistry.js';
import { importRegistryFile } from '../../db/registry/importRegistry.js';
import { findGraduateCandidates, listGraduateDiplomas } from '../../db/registry/lookup.js';
import { seedDemoRegistry } from '../../db/seeds/demoRegistry.js';
import { startDatabase } from '../support/database.js';

let database: Awaited<ReturnType<typeof startDatabase>>;
let db: Db;
let dir: string;
const today = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  database = await startDatabase();
  db = database.db;
  dir = await mkdtemp(join(tmpdir(), 'registry-import-'));
});

afterAll(async () => {
  await database?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const count = async (table: string) => Number((await db(table).count({ n: '*' }).first())!.n);

describe('importing a registry export of realistic size', () => {
  const rows = 20_000;
  let file: string;

  beforeAll(async () => {
    file = join(dir, 'registre.csv');
    await writeFakeRegistryCsv(file, { rows, seed: 7, bom: true });
  });

  it('when a generated export of 20,000 lines is imported, then every line is inserted', async () => {
    const summary = await importRegistryFile(db, file, { today });
    expect(summary).toMatchObject({
      encoding: 'utf-8',
      separator: ';',
      lines: rows,
      inserted: rows,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      rejected: [],
    });
    const graduates = new Set([...fakeRegistryRows({ rows, seed: 7 })].slice(1).map((row) => row[0]));
    expect(await count('registry_graduates')).toBe(graduates.size);
    expect(await count('registry_diplomas')).toBe(rows);
  });

  it('when the same file is imported again, then every line is unchanged and no row is rewritten, nor even locked', async () => {
    // xmin changes when a row is rewritten, xmax when it is locked (ON CONFLICT, foreign key checks).
    const rowVersions = async () =>
      (
        await db.raw(`SELECT (SELECT md5(string_agg(id::text || xmin::text || xmax::text, ',' ORDER BY id)) FROM registry_graduates) AS graduates,
                            (SELECT md5(string_agg(id::text || xmin::text || xmax::text, ',' ORDER BY id)) FROM registry_diplomas) AS diplomas`)
      ).rows[0];
    const before = await rowVersions();
    const summary = await importRegistryFile(db, file, { today });
    expect(summary).toMatchObject({ lines: rows, inserted: 0, updated: 0, unchanged: rows, rejected: [] });
    expect(await rowVersions()).toEqual(before);
  });

  it('when a married graduate types their birth name without accents, then the lookup finds them', async () => {
    const married = [...fakeRegistryRows({ rows, seed: 7 })].slice(1).find((row) => row[2] !== '' && /[éèëêô]/i.test(row[2]!))!;
    const [studentNumber, , birthName, firstName, , date] = married;
    const [day, month, year] = date!.split('/');
    const typedName = birthName!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const candidates = await findGraduateCandidates(db, {
      lastName: typedName,
      firstNames: firstName!,
      birthDate: `${year}-${month}-${day}`,
    });
    const ids = (await db('registry_graduates').where({ student_number: studentNumber })).map((g) => g.id);
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    expect(candidates.find((c) => c.id === ids[0])!.match.surnameMatchedOn).toBe('birth_name');
  });

  it('when the registry is looked up, then PostgreSQL uses an index, not a scan of every graduate', async () => {
    await db.raw('ANALYZE registry_graduates');
    const { rows: plan } = await db.raw(
      `EXPLAIN SELECT id FROM registry_graduates WHERE birth_date = '1980-05-05' AND surname_keys && ARRAY['dupont']`,
    );
    const text = plan.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('when one line changes between two imports, then only that line is updated', async () => {
    const changed = join(dir, 'registre-modifie.csv');
    // Own student numbers, so these lines do not land on the 20,000 graduates above.
    const lines = [...fakeRegistryRows({ rows: 50, seed: 11 })].map((l, i) => (i === 0 ? l : [`M${l[0]}`, ...l.slice(1)]));
    await writeFile(changed, lines.map((l) => l.join(';')).join('\n'));
    expect((await importRegistryFile(db, changed, { today })).inserted).toBe(50);
    lines[1]![7] = 'Licence (nouvel intitulé)';
    const renamed = lines[50]![0];
    for (const line of lines) if (line[0] === renamed) line[3] = 'Prénom-Corrigé'; // a graduate's lines agree
    await writeFile(changed, lines.map((l) => l.join(';')).join('\n'));
    expect(await importRegistryFile(db, changed, { today })).toMatchObject({ inserted: 0, updated: 2, unchanged: 48 });
  });
});

describe('importing an export with broken lines', () => {
  // `,`-separated with quoted fields; line 3 holds a line break inside quotes, so the record on
  // line 5 is the fourth data record: line numbers must be physical lines.
  const csv = [
    'Code étudiant,Nom,Nom de naissance,Prénoms,Date de naissance,Code VET,Libellé VET,Code composante,Composante,Année,',
    '31000001,DURAND,,Paul,02/04/1990,1LINF,Licence Informatique,UFRSCI,"UFR Sciences, Techniques",2012,',
    '31000002,PETIT,,Julie,"05/06/1991",1LLET,"Licence ""Lettres""',
    'modernes",UFRLET,UFR Lettres,2013,',
    '31000003,ROUX,,Luc,31/02/1990,1LINF,Licence Informatique,UFRSCI,UFR Sciences,2012,',
    '31000004,,,Anne,01/01/1990,1LINF,Licence Informatique,UFRSCI,UFR Sciences,2012,',
    '31000005,MOREL,,Marc,01/01/1990,1LINF,Licence Informatique,UFRSCI',
    '',
    '31000006,BLANC,,,01/01/1990,1LINF,Licence Informatique,UFRSCI,UFR Sciences,2012,',
    '31000007,FAURE,,Lina,01/01/1990,1LINF,Licence Informatique,UFRSCI,UFR Sciences,12,',
    '31000008,GIRARD,,Noé,01/01/1990,,Licence Informatique,UFRSCI,UFR Sciences,2012,',
    '31000001,DURANT,,Paul,02/04/1990,2MINF,Master Informatique,UFRSCI,UFR Sciences,2014,',
    '31000002,PETIT,,Julie,05/06/1991,1LLET,"Licence ""Lettres""\nmodernes",UFRLET,UFR Lettres,2013,',
    '31000009,="00123",,Zoé,1992-12-24,1BGEA,BUT GEA,IUT,IUT,2012-2013,',
    ';;;;;;;;;;',
  ].join('\r\n');

  it('when lines are wrong, then each is rejected with its line and reason, and the others are imported', async () => {
    const file = join(dir, 'casse.csv');
    await writeFile(file, csv);
    const summary = await importRegistryFile(db, file, { today });
    expect(summary.rejected.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 5, code: 'bad_birth_date' },
      { line: 6, code: 'missing_name' },
      { line: 7, code: 'wrong_column_count' },
      { line: 9, code: 'missing_first_name' },
      { line: 10, code: 'bad_year' },
      { line: 11, code: 'missing_vet' },
      { line: 12, code: 'conflicting_duplicate' },
      { line: 16, code: 'wrong_column_count' },
    ]);
    expect(summary.rejected[0]!.reason).toContain('31/02/1990');
    expect(summary.rejected[6]!.reason).toContain('ligne 2');
    expect(summary).toMatchObject({ separator: ',', lines: 12, inserted: 3, duplicates: 1 });

    const petit = await db('registry_graduates').where({ student_number: '31000002' }).first();
    expect(await listGraduateDiplomas(db, petit.id)).toEqual([
      expect.objectContaining({ vetCode: '1LLET', vetLabel: 'Licence "Lettres" modernes', composanteCode: 'UFRLET', year: 2013 }),
    ]);
    // ="00123" (a spreadsheet keeping its leading zeros) is a name here, but shows the unwrapping.
    const zoe = await db('registry_graduates').where({ student_number: '31000009' }).first();
    expect(zoe.last_name).toBe('00123');
    expect((await listGraduateDiplomas(db, zoe.id))[0]!.year).toBe(2013);
  });

  it('when the header lacks a required column, then nothing is imported and the accepted names are listed', async () => {
    const file = join(dir, 'sans-date.csv');
    await writeFile(file, 'Nom;Prénom;Code VET;Code composante;Année\nDUPONT;Jean;1LINF;UFRSCI;2012\n');
    const attempt = importRegistryFile(db, file, { today });
    await expect(attempt).rejects.toThrow(RegistryHeaderError);
    await expect(attempt).rejects.toThrow(/birthDate: date_naissance, date_de_naissance/);
  });
});

describe('importing a Latin-1 export with ;', () => {
  it('when the file is Windows-1252, then accents, ligatures and typographic apostrophes are read right', async () => {
    const file = join(dir, 'latin1.csv');
    const text = [
      "Nom d'usage;Nom de naissance;Prénoms;Date de naissance;Code étape;Libellé étape;Code composante;Libellé composante;Année d'obtention",
      'CŒUR;;Benoît;01/12/1993;1BGEA;BUT Gestion;IUT;IUT;2014',
      'GARNIER;ROUSSEAU;Hélène, Anne;17/06/1985;1LLET;Licence Lettres modernes;UFRLET;UFR Lettres, Langues;2007',
      'O’BRIEN;;Zoé;10/10/2000;1LINF;Licence Informatique;UFRSCI;UFR Sciences;2021',
    ].join('\r\n');
    await writeFile(file, encodeWindows1252(text));
    const summary = await importRegistryFile(db, file, { today });
    expect(summary).toMatchObject({ encoding: 'windows-1252', separator: ';', inserted: 3, rejected: [] });
    expect(summary.columns).toMatchObject({
      lastName: "Nom d'usage",
      birthName: 'Nom de naissance',
      vetCode: 'Code étape',
      year: "Année d'obtention",
    });

    const names = await db('registry_graduates')
      .whereNull('student_number')
      .whereIn('last_name', ['CŒUR', 'GARNIER', 'O’BRIEN'])
      .pluck('first_names');
    expect(names.sort()).toEqual(['Benoît', 'Hélène, Anne', 'Zoé']);
    const [coeur] = await findGraduateCandidates(db, { lastName: 'coeur', firstNames: 'benoit', birthDate: '1993-12-01' });
    expect(coeur?.lastName).toBe('CŒUR');
    const [helene] = await findGraduateCandidates(db, { lastName: 'Rousseau', firstNames: 'Anne', birthDate: '1985-06-17' });
    expect(helene).toMatchObject({ lastName: 'GARNIER', birthName: 'ROUSSEAU', match: { surnameMatchedOn: 'birth_name', exact: false } });
  });
});

describe('German transliterations and Saint / St in the registry', () => {
  const csv = [
    'Code étudiant;Nom;Nom de naissance;Prénoms;Date de naissance;Code VET;Code composante;Année',
    'T1;SCHÄFER;;Jürgen;03/04/1990;1LINF;UFRSCI;2012',
    'T2;MUELLER;;Ulrike;05/06/1991;1LINF;UFRSCI;2013',
    'T3;ST-MARTIN;;Sainte-Anne;07/08/1992;1LINF;UFRSCI;2014',
  ].join('\n');
  const lookUp = (lastName: string, firstNames: string, birthDate: string) =>
    findGraduateCandidates(db, { lastName, firstNames, birthDate }).then((found) => found.map((c) => c.lastName));

  beforeAll(async () => {
    const file = join(dir, 'translitteration.csv');
    await writeFile(file, csv);
    expect((await importRegistryFile(db, file, { today })).inserted).toBe(3);
  });

  it('when the person types the other spelling, then the lookup finds them', async () => {
    expect(await lookUp('Schaefer', 'Juergen', '1990-04-03')).toEqual(['SCHÄFER']);
    expect(await lookUp('Schafer', 'Jurgen', '1990-04-03')).toEqual(['SCHÄFER']);
    expect(await lookUp('Müller', 'Ulrike', '1991-06-05')).toEqual(['MUELLER']);
    expect(await lookUp('Saint-Martin', 'Ste Anne', '1992-08-07')).toEqual(['ST-MARTIN']);
    expect(await lookUp('Sainte-Martin', 'Sainte-Anne', '1992-08-07')).toEqual([]);
  });

  it('when rows imported with the former keys are migrated, then only they are rewritten and the lookup finds them', async () => {
    // The keys the import stored before this migration: accents dropped, Saint left as it is.
    await db('registry_graduates')
      .where({ student_number: 'T1' })
      .update({ last_name_key: 'schafer', surname_keys: ['schafer'] });
    await db('registry_graduates')
      .where({ student_number: 'T3' })
      .update({ first_names_key: 'sainte anne', surname_keys: ['stmartin', 'st', 'martin'] });
    const versions = async () =>
      Object.fromEntries(
        (await db('registry_graduates').select('student_number', db.raw('xmin::text AS xmin'))).map((r) => [r.student_number, r.xmin]),
      );
    expect(await lookUp('Schaefer', 'Jürgen', '1990-04-03')).toEqual([]);
    const before = await versions();

    await recomputeSpellings(db);

    expect(await lookUp('Schaefer', 'Jürgen', '1990-04-03')).toEqual(['SCHÄFER']);
    expect(await db('registry_graduates').where({ student_number: 'T3' }).first()).toMatchObject({ first_names_key: 'ste anne' });
    const after = await versions();
    const rewritten = Object.keys(before).filter((student) => before[student] !== after[student]);
    expect(rewritten.sort()).toEqual(['T1', 'T3']);
  });
});

describe('the demo registry', () => {
  it('when it is seeded twice, then the second time writes nothing', async () => {
    const first = await seedDemoRegistry(db);
    expect(first.every((outcome) => outcome === 'inserted')).toBe(true);
    expect((await seedDemoRegistry(db)).every((outcome) => outcome === 'unchanged')).toBe(true);
  });

  it('when two homonyms share a birth date, then both are returned and none is picked', async () => {
    const candidates = await findGraduateCandidates(db, { lastName: 'Bernard', firstNames: 'Marie', birthDate: '1995-09-14' });
    expect(candidates.map((c) => c.firstNames)).toEqual(['Marie', 'Marie Claire']);
    expect(candidates.map((c) => c.match.exact)).toEqual([true, false]);
  });

  it('when the typed birth date does not exist, then nobody matches and nothing fails', async () => {
    expect(await findGraduateCandidates(db, { lastName: 'Bernard', firstNames: 'Marie', birthDate: '1995-02-31' })).toEqual([]);
  });

  it('when the married graduate types her birth name, then her diplomas are listed', async () => {
    const [camille] = await findGraduateCandidates(db, { lastName: 'martin', firstNames: 'Camille', birthDate: '1994-03-12' });
    expect(camille).toMatchObject({ lastName: 'DUPONT-MARTIN', match: { surnameMatchedOn: 'birth_name' } });
    expect((await listGraduateDiplomas(db, camille!.id)).map((d) => d.vetCode)).toEqual(['2MINF', '1LINF']);
  });
});

describe('the import command', () => {
  it('when some lines are rejected, then it prints the summary and exits with code 2', async () => {
    const file = join(dir, 'commande.csv');
    await writeFile(
      file,
      'NOM;PRENOM;DATE_NAISSANCE;COD_ETP;COD_CMP;ANNEE\nMARTIN;Léa;03/03/1999;1LINF;UFRSCI;2020\nMARTIN;Léo;99/99/1999;1LINF;UFRSCI;2020\n',
    );
    const run = promisify(execFile)('npx', ['tsx', 'scripts/import-registry.ts', file], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toMatch(/insérées\s+1/);
    expect(failure?.stdout).toContain('ligne 3 : date de naissance invalide');
  });
});
