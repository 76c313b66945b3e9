/**
 * A synthetic registry export, shaped like an Apogée extraction, for the import's tests and its
 * 200,000-row measurement: French names with accents, ligatures, particles, apostrophes and
 * hyphens, married women with a birth name, several first names, graduates with more than one
 * diploma, labels that need quoting. Deterministic for a given seed. Every character is
 * representable in Windows-1252, so the same data can be written as "Latin-1".
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { encodeWindows1252 } from './csv/encoding.js';

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Müller',
  'Henry',
  'Perrin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Fontaine',
  'Chevalier',
  'Gérard',
  'Nguyen',
  'Lemaire',
  'Noël',
  'Pérez',
  'Dufour',
  'Barbier',
  'Brunet',
  'Leclerc',
  'Lacroix',
  'Rivière',
  'Ménard',
  'Prévost',
  'Carré',
  'Rémy',
  'Lévêque',
  'Hébert',
  'Le Goff',
  'Le Gall',
  'Le Bihan',
  'Da Silva',
  'Dos Santos',
  'de la Fontaine',
  'de Saint-Exupéry',
  'Saint-Martin',
  "N'Diaye",
  "N'Guessan",
  "D'Almeida",
  "D'Arco",
  "L'Hôte",
  "O'Brien",
  'Bœuf',
  'Lœillet',
  'Cœur',
  'Ben Ahmed',
  'El Amrani',
  'Diallo',
  'Traoré',
  'Zoé',
  'Ekström',
  'Çelik',
  'Škoda',
];
const FIRST_NAMES = [
  'Marie',
  'Jean',
  'Pierre',
  'Michel',
  'André',
  'Philippe',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Catherine',
  'Françoise',
  'Hélène',
  'Émilie',
  'Élodie',
  'Chloé',
  'Léa',
  'Manon',
  'Camille',
  'Inès',
  'Zoé',
  'Noémie',
  'Maëlle',
  'Anaïs',
  'Clémence',
  'Gaëlle',
  'Jérôme',
  'Stéphane',
  'Frédéric',
  'Sébastien',
  'Grégory',
  'Jérémy',
  'Loïc',
  'Maël',
  'Théo',
  'Hugo',
  'Lucas',
  'Noé',
  'Raphaël',
  'Benoît',
  'Joël',
  'Anne-Sophie',
  'Marie-Claire',
  'Jean-Baptiste',
  'Jean-François',
  'Pierre-Yves',
  'Marie-Hélène',
  'Anne-Laure',
  'Jean-Luc',
  'Ève',
  'Aurélien',
  'Cécile',
  'Agnès',
  'Béatrice',
  'Océane',
  'Zoë',
  'Chloë',
  'Ophélie',
  'Bérénice',
];
const COMPOSANTES: Array<[string, string, Array<[string, string]>]> = [
  [
    'UFRSCI',
    'UFR Sciences et Techniques',
    [
      ['1LINF', 'Licence Informatique'],
      ['1LMAT', 'Licence Mathématiques'],
      ['2MINF', 'Master Informatique, parcours Génie logiciel'],
      ['2MBIO', 'Master Biologie "santé"'],
    ],
  ],
  [
    'UFRLET',
    'UFR Lettres, Langues et Sciences humaines',
    [
      ['1LLET', 'Licence Lettres modernes'],
      ['1LLEA', 'Licence LEA anglais-espagnol'],
      ['2MHIS', "Master Histoire de l'art"],
    ],
  ],
  [
    'UFRDEG',
    'UFR Droit, Économie, Gestion',
    [
      ['1LDRO', 'Licence Droit'],
      ['1LECO', 'Licence Économie-Gestion'],
      ['2MDAF', 'Master Droit des affaires'],
    ],
  ],
  [
    'IUT',
    'IUT',
    [
      ['1BINF', 'BUT Informatique'],
      ['1BGEA', 'BUT Gestion des entreprises et des administrations'],
      ['1BTC', 'BUT Techniques de commercialisation'],
    ],
  ],
  ['INSPE', 'INSPÉ', [['2MMEEF', 'Master MEEF 1er degré']]],
];

export interface FakeRegistryOptions {
  /** Data lines (a graduate with two diplomas is two lines). */
  rows: number;
  seed?: number;
  separator?: ';' | ',' | '\t';
  encoding?: 'utf-8' | 'windows-1252';
  bom?: boolean;
}

export const FAKE_REGISTRY_HEADER = [
  'COD_ETU',
  'NOM_USAGE',
  'NOM_NAISSANCE',
  'PRENOM',
  'PRENOM2',
  'DATE_NAISSANCE',
  'CODE_VET',
  'LIBELLE_VET',
  'CODE_COMPOSANTE',
  'LIBELLE_COMPOSANTE',
  'ANNEE_OBTENTION',
];

/** The header, then `rows` data lines, as arrays of fields. */
export function* fakeRegistryRows({ rows, seed = 1 }: FakeRegistryOptions): Generator<string[]> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const surname = () => (random() < 0.06 ? `${pick(LAST_NAMES)}-${pick(LAST_NAMES)}` : pick(LAST_NAMES));
  yield FAKE_REGISTRY_HEADER;
  let produced = 0;
  for (let graduate = 0; produced < rows; graduate++) {
    const birthName = surname();
    const married = random() < 0.15;
    const usageName = married ? (random() < 0.3 ? `${surname()}-${birthName}` : surname()) : birthName;
    const shout = random() < 0.5; // many SIS exports write names in capitals
    const birthYear = 1955 + Math.floor(random() * 50);
    const birthDate = new Date(Date.UTC(birthYear, 0, 1) + Math.floor(random() * 365) * 86_400_000);
    const [code, label, vets] = pick(COMPOSANTES);
    const firstName = pick(FIRST_NAMES);
    const secondFirstName = random() < 0.4 ? pick(FIRST_NAMES) : '';
    const diplomas = random() < 0.25 ? Math.min(2, vets.length) : 1;
    const firstVet = Math.floor(random() * vets.length);
    for (let d = 0; d < diplomas && produced < rows; d++, produced++) {
      const [vetCode, vetLabel] = vets[(firstVet + d) % vets.length]!;
      yield [
        String(21_000_000 + graduate),
        shout ? usageName.toUpperCase() : usageName,
        married ? (shout ? birthName.toUpperCase() : birthName) : '',
        firstName,
        secondFirstName,
        `${pad(birthDate.getUTCDate())}/${pad(birthDate.getUTCMonth() + 1)}/${birthDate.getUTCFullYear()}`,
        vetCode,
        vetLabel,
        code,
        label,
        String(Math.min(birthYear + 21 + d * 2 + Math.floor(random() * 4), 2025)),
      ];
    }
  }
}

/** Writes the fake export to `path` as a CSV file, quoting fields only where needed. */
export async function writeFakeRegistryCsv(path: string, options: FakeRegistryOptions): Promise<void> {
  const separator = options.separator ?? ';';
  const encode = options.encoding === 'windows-1252' ? encodeWindows1252 : (text: string) => Buffer.from(text, 'utf8');
  const out = createWriteStream(path);
  if (options.bom) out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let chunk: string[] = [];
  for (const row of fakeRegistryRows(options)) {
    chunk.push(toCsvLine(row, separator));
    if (chunk.length === 5000) {
      if (!out.write(encode(chunk.join('')))) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(encode(chunk.join('')));
  await once(out, 'finish');
}

export function toCsvLine(fields: string[], separator: string): string {
  const needsQuotes = (field: string) => field.includes(separator) || field.includes('"') || /[\r\n]/.test(field);
  return `${fields.map((field) => (needsQuotes(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(separator)}\r\n`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A small seeded generator: the same seed gives the same file, on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
