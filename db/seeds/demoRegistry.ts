import type { DbOrTx } from '../connection.js';
import { type WriteOutcome, writeRegistryBatch } from '../registry/batch.js';
import { type RegistryEntry, registryKeyOf } from '../registry/registryLine.js';

/**
 * A small graduate registry so graduate registration can be tried right after `npm start`
 * (documented in README.md). Chosen to show the matching rules: a married name with a birth name,
 * particles, apostrophes, ligatures, compound first names, and two homonyms born the same day
 * (the "several candidates" branch).
 */
const COMPOSANTES = {
  UFRSCI: 'UFR Sciences et Techniques',
  UFRLET: 'UFR Lettres, Langues et Sciences humaines',
  IUT: 'IUT',
} as const;
const VETS = {
  '1LINF': ['Licence Informatique', 'UFRSCI'],
  '2MINF': ['Master Informatique', 'UFRSCI'],
  '1LLET': ['Licence Lettres modernes', 'UFRLET'],
  '1BGEA': ['BUT Gestion des entreprises et des administrations', 'IUT'],
} as const;

type DemoDiploma = [vet: keyof typeof VETS, year: number];
interface DemoGraduate {
  studentNumber: string;
  lastName: string;
  birthName: string | null;
  firstNames: string;
  birthDate: string;
  diplomas: DemoDiploma[];
}

export const demoGraduates: DemoGraduate[] = [
  {
    studentNumber: '21900001',
    lastName: 'DUPONT-MARTIN',
    birthName: 'MARTIN',
    firstNames: 'Camille Marie',
    birthDate: '1994-03-12',
    diplomas: [
      ['1LINF', 2015],
      ['2MINF', 2017],
    ],
  },
  {
    studentNumber: '21900002',
    lastName: 'LEFÈVRE',
    birthName: null,
    firstNames: 'Élodie',
    birthDate: '1996-07-08',
    diplomas: [['1LLET', 2017]],
  },
  {
    studentNumber: '21900003',
    lastName: 'LE GOFF',
    birthName: null,
    firstNames: 'Jean-Baptiste Louis',
    birthDate: '1990-11-23',
    diplomas: [['1BGEA', 2011]],
  },
  {
    studentNumber: '21900004',
    lastName: "N'DIAYE",
    birthName: null,
    firstNames: 'Aïcha',
    birthDate: '1998-01-30',
    diplomas: [['1LINF', 2019]],
  },
  {
    studentNumber: '21900005',
    lastName: 'BERNARD',
    birthName: null,
    firstNames: 'Marie',
    birthDate: '1995-09-14',
    diplomas: [['1LLET', 2016]],
  },
  {
    studentNumber: '21900006',
    lastName: 'BERNARD',
    birthName: null,
    firstNames: 'Marie Claire',
    birthDate: '1995-09-14',
    diplomas: [['1BGEA', 2016]],
  },
  {
    studentNumber: '21900007',
    lastName: 'DE LA FONTAINE',
    birthName: null,
    firstNames: 'Loïc',
    birthDate: '1992-02-29',
    diplomas: [
      ['1LINF', 2013],
      ['2MINF', 2015],
    ],
  },
  {
    studentNumber: '21900008',
    lastName: 'GARNIER',
    birthName: 'ROUSSEAU',
    firstNames: 'Hélène Anne',
    birthDate: '1985-06-17',
    diplomas: [['1LLET', 2007]],
  },
  {
    studentNumber: '21900009',
    lastName: 'CŒUR',
    birthName: null,
    firstNames: 'Benoît',
    birthDate: '1993-12-01',
    diplomas: [['1BGEA', 2014]],
  },
  {
    studentNumber: '21900010',
    lastName: "O'BRIEN",
    birthName: null,
    firstNames: 'Zoé',
    birthDate: '2000-10-10',
    diplomas: [['1LINF', 2021]],
  },
];

/** Idempotent: run at every `npm start`; a second run writes nothing. */
export async function seedDemoRegistry(db: DbOrTx): Promise<WriteOutcome[]> {
  const entries: RegistryEntry[] = demoGraduates.flatMap((graduate, index) =>
    graduate.diplomas.map(([vetCode, year]) => {
      const [vetLabel, composanteCode] = VETS[vetCode];
      return {
        line: index + 1,
        registryKey: registryKeyOf({ ...graduate, ine: null }),
        studentNumber: graduate.studentNumber,
        ine: null,
        lastName: graduate.lastName,
        birthName: graduate.birthName,
        firstNames: graduate.firstNames,
        birthDate: graduate.birthDate,
        vetCode,
        vetLabel,
        composanteCode,
        composanteLabel: COMPOSANTES[composanteCode],
        year,
      };
    }),
  );
  return writeRegistryBatch(db, entries);
}
