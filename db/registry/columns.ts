/**
 * Which column of a registry export holds what. Universities name their columns differently
 * (Apogée's own names, French labels, English ones), so each field accepts several names,
 * compared without case, accents, spaces, dots, hyphens or underscores ("Date de naissance" =
 * "DATE_DE_NAISSANCE" = "date-de-naissance"). When several columns fit a field, the first name in
 * its list wins (so an export with both COD_ETP and COD_DIP uses COD_ETP for the VET code).
 *
 * Accepted column names (documented for the universities, also printed by `--help`):
 */
import { nameKey } from './names.js';

export const REGISTRY_COLUMNS = {
  studentNumber: [
    'code_etudiant',
    'cod_etu',
    'numero_etudiant',
    'num_etudiant',
    'no_etudiant',
    'n_etudiant',
    'numero_etu',
    'id_etudiant',
    'matricule',
    'student_number',
    'student_id',
    'student_no',
  ],
  ine: ['ine', 'cod_nne_ind', 'code_ine', 'numero_ine', 'num_ine', 'ine_bea', 'national_student_number'],
  lastName: [
    'nom_usage',
    'nom_d_usage',
    'nom_usuel',
    'lib_nom_usu_ind',
    'nom_marital',
    'nom',
    'last_name',
    'surname',
    'family_name',
    'name',
  ],
  birthName: [
    'nom_naissance',
    'nom_de_naissance',
    'nom_patronymique',
    'lib_nom_pat_ind',
    'nom_de_famille',
    'nom_jeune_fille',
    'birth_name',
    'maiden_name',
  ],
  firstNames: [
    'prenoms',
    'prenom',
    'prenom_1',
    'premier_prenom',
    'lib_pr1_ind',
    'first_names',
    'first_name',
    'given_names',
    'given_name',
    'forenames',
    'forename',
  ],
  secondFirstName: ['prenom_2', 'deuxieme_prenom', 'lib_pr2_ind', 'second_first_name', 'middle_name', 'middle_names'],
  thirdFirstName: ['prenom_3', 'troisieme_prenom', 'lib_pr3_ind', 'third_first_name'],
  birthDate: [
    'date_naissance',
    'date_de_naissance',
    'date_nais',
    'dat_nai_ind',
    'naissance',
    'ne_le',
    'ddn',
    'birth_date',
    'date_of_birth',
    'dob',
  ],
  vetCode: [
    'code_vet',
    'cod_vet',
    'vet',
    'code_etape',
    'cod_etp',
    'etape',
    'vet_code',
    'code_diplome',
    'cod_dip',
    'diploma_code',
    'program_code',
  ],
  vetLabel: [
    'libelle_vet',
    'lib_vet',
    'libelle_etape',
    'lib_etp',
    'lic_etp',
    'intitule_vet',
    'libelle_diplome',
    'lib_dip',
    'intitule_diplome',
    'intitule',
    'diplome',
    'formation',
    'vet_label',
    'diploma_label',
    'diploma_title',
    'diploma',
    'program_label',
    'program',
  ],
  composanteCode: ['code_composante', 'cod_cmp', 'code_cmp', 'code_ufr', 'composante_code', 'component_code', 'faculty_code'],
  composanteLabel: [
    'libelle_composante',
    'lib_cmp',
    'lib_composante',
    'composante',
    'ufr',
    'composante_label',
    'component_label',
    'component',
    'faculty_label',
    'faculty',
  ],
  year: [
    'annee_obtention',
    'annee_d_obtention',
    'annee_diplome',
    'annee_diplomation',
    'annee',
    'annee_universitaire',
    'cod_anu',
    'graduation_year',
    'year',
    'academic_year',
  ],
} as const;

export type RegistryField = keyof typeof REGISTRY_COLUMNS;

/** Without these a line cannot be matched (names, birth date) or routed (VET, composante, year). */
const REQUIRED: RegistryField[] = ['firstNames', 'birthDate', 'vetCode', 'composanteCode', 'year'];

/** Column index per field, and the header as the file spells it, for the import summary. */
export type ColumnMap = Partial<Record<RegistryField, { index: number; header: string }>>;

export class RegistryHeaderError extends Error {}

export function mapColumns(header: string[]): ColumnMap {
  const keys = header.map((name) => nameKey(name));
  const map: ColumnMap = {};
  for (const [field, aliases] of Object.entries(REGISTRY_COLUMNS) as Array<[RegistryField, readonly string[]]>) {
    for (const alias of aliases) {
      const index = keys.indexOf(nameKey(alias));
      if (index >= 0) {
        map[field] = { index, header: header[index]!.trim() };
        break;
      }
    }
  }
  const missing = REQUIRED.filter((field) => !map[field]);
  // A file with only a birth name column uses it as the name; one of the two is needed.
  if (!map.lastName && !map.birthName) missing.unshift('lastName');
  if (missing.length > 0) {
    const expected = missing.map((field) => `  ${field}: ${REGISTRY_COLUMNS[field].join(', ')}`).join('\n');
    throw new RegistryHeaderError(
      `Colonnes obligatoires introuvables dans l'en-tête (${header.map((h) => JSON.stringify(h.trim())).join(', ')}).\n` +
        `Noms de colonnes acceptés :\n${expected}`,
    );
  }
  return map;
}
