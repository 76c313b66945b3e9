import type { Db } from '../connection.js';

/** A small catalog for `npm start`: three themes, sessions in the coming months. */
const actions = [
  {
    code: 'BUR-EXC',
    title: 'Excel : tableaux croisés dynamiques',
    theme: 'Bureautique',
    description: 'Construire, filtrer et mettre en forme des tableaux croisés dynamiques à partir de données de gestion.',
    objectives: 'Analyser des données avec Excel.',
    audience: 'Personnels administratifs',
  },
  {
    code: 'SEC-INC',
    title: 'Sécurité incendie et évacuation',
    theme: 'Hygiène et sécurité',
    description: 'Rôle des guides et serre-files, manipulation des extincteurs, exercice d’évacuation.',
    objectives: 'Savoir agir en cas d’incendie.',
    audience: 'Tous personnels',
  },
  {
    code: 'MGT-ENT',
    title: 'Conduire l’entretien professionnel',
    theme: 'Management',
    description:
      'Préparer et conduire l’entretien professionnel annuel, fixer des objectifs, accompagner le développement des compétences.',
    objectives: 'Mener un entretien constructif.',
    audience: 'Encadrants',
  },
];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Idempotent: actions are keyed by code; sessions are added only to actions that have none. The
 * demo chargée de projet (scope BUR-EXC, see demoStaff.ts) is in charge of the Excel action.
 */
export async function seedDemoCatalog(db: Db): Promise<void> {
  const manager = await db('staff_accounts').where({ email: 'projet.demo@universite.example' }).first('id');
  for (const [index, action] of actions.entries()) {
    await db('training_actions')
      .insert({ ...action, project_manager_id: action.code === 'BUR-EXC' ? (manager?.id ?? null) : null })
      .onConflict('code')
      .ignore();
    const { id } = await db('training_actions').where({ code: action.code }).first('id');
    const hasSessions = await db('training_sessions').where({ action_id: id }).first('id');
    if (!hasSessions) {
      await db('training_sessions').insert([
        {
          action_id: id,
          starts_on: inDays(45 + index * 7),
          ends_on: inDays(46 + index * 7),
          place: 'Campus des Cézeaux, salle B12',
          capacity: 2,
        },
        {
          action_id: id,
          starts_on: inDays(90 + index * 7),
          ends_on: inDays(91 + index * 7),
          place: 'Site Carnot, amphithéâtre 2',
          capacity: 12,
        },
      ]);
    }
  }
}
