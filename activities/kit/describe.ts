import type { DbOrTx } from '../../db/connection.js';
import { findOffer } from '../../db/jobOffers.js';
import { offerKindLabels } from '../../workflows/jobOffer/contract.js';
import { partyName } from './parties.js';

/**
 * What a decision step shows people (mails, decision page, inbox, audit), rendered from the
 * database by the activity that opens the step: the workflow gives the kind, the step and the
 * subject's id (issue 13: no name, address, birth date or free text in workflow histories).
 */
export interface DecisionDescription {
  title: string;
  details: Record<string, string>;
}

type Describer = (db: DbOrTx, ref: { step: string; subject: string; requesterKey: string }) => Promise<DecisionDescription>;

const frenchDate = (iso: string | Date | null | undefined) => {
  if (!iso) return '';
  const text = iso instanceof Date ? iso.toISOString() : String(iso);
  return text.slice(0, 10).split('-').reverse().join('/');
};

const describers: Record<string, Describer> = {
  async trainingPreRegistration(db, { step, subject }) {
    const row = await db('pre_registrations as p')
      .join('training_sessions as s', 's.id', 'p.session_id')
      .join('training_actions as a', 'a.id', 's.action_id')
      .where('p.id', subject)
      .first('a.title as actionTitle', db.raw('s.starts_on::text as "startsOn"'), 'p.applicant_kind', 'p.applicant_id');
    const name = row ? await partyName(db, `${row.applicant_kind}:${row.applicant_id}`) : '';
    const action = row?.actionTitle ?? '';
    const details = { Action: action, Session: row?.startsOn ?? '', Demandeur: name };
    if (step === 'superieur') return { title: `Pré-inscription de ${name} à « ${action} »`, details };
    if (step === 'charge-de-projet') return { title: `Candidature de ${name} à « ${action} »`, details };
    return { title: `Une place s’est libérée : confirmez-vous votre participation à « ${action} » ?`, details };
  },

  trainingSeatOffer: (db, ref) => describers.trainingPreRegistration!(db, { ...ref, step: 'offre-de-place' }),

  async graduateRegistration(db, { subject }) {
    const account = await db('graduate_accounts').where({ id: subject }).first();
    if (!account) return { title: 'Inscription d’un(e) diplômé(e)', details: {} };
    const declared = (account.declared_diploma ?? {}) as { title?: string; year?: number; composante?: string };
    const absent = account.registry_match === 'absent';
    return {
      title: `Inscription de ${account.first_names} ${account.last_name} comme diplômé(e)`,
      details: {
        Nom: account.last_name,
        'Prénom(s)': account.first_names,
        'Date de naissance': frenchDate(account.birth_date),
        ...(declared.title ? { 'Diplôme déclaré': `${declared.title}${declared.year ? ` (${declared.year})` : ''}` } : {}),
        ...(absent && declared.composante ? { 'Composante déclarée': declared.composante } : {}),
        ...(absent && account.phone ? { Téléphone: account.phone } : {}),
        ...(absent && account.postal_address ? { Adresse: account.postal_address } : {}),
      },
    };
  },

  async recruiterRegistration(db, { subject }) {
    const r = await db('recruiter_accounts').where({ id: subject }).first();
    if (!r) return { title: 'Inscription d’un recruteur', details: {} };
    const contact = `${r.contact_first_name} ${r.contact_last_name}`;
    return {
      title: `Inscription du recruteur ${r.company_name} (${contact})`,
      details: {
        Entreprise: r.company_name,
        ...(r.siret ? { SIRET: r.siret } : {}),
        Adresse: r.company_address,
        Contact: `${contact}${r.contact_job_title ? `, ${r.contact_job_title}` : ''}`,
        'Conditions d’utilisation': `version ${r.terms_version} acceptée`,
      },
    };
  },

  async jobOffer(db, { subject }) {
    const offer = await findOffer(db, subject);
    if (!offer) return { title: 'Offre d’emploi', details: {} as Record<string, string> };
    return {
      title: `Offre « ${offer.title} » (${offerKindLabels[offer.kind]}) chez ${offer.company}`,
      details: {
        Type: offerKindLabels[offer.kind],
        Entreprise: offer.company,
        Lieu: offer.location,
        Contrat: offer.contract,
        'Date de début': offer.startsOn,
        'Durée de publication': offer.publicationDuration,
        Description: offer.description.length > 500 ? `${offer.description.slice(0, 500)}…` : offer.description,
        Version: String(offer.revision),
      },
    };
  },

  /** A photo for the student card, reviewed by the card office (issue 21). */
  async studentCard(db, { subject, requesterKey }) {
    const photo = await db('card_photos as p')
      .join('student_cards as c', 'c.id', 'p.card_id')
      .where('p.id', subject)
      .first('c.id as cardId');
    const name = await partyName(db, requesterKey);
    return { title: `Photo pour la carte étudiante de ${name}`, details: { Étudiant: name, ...(photo ? { Carte: photo.cardId } : {}) } };
  },

  async demoApprovalRequest(db, { subject }) {
    const request = await db('demo_approval_requests').where({ id: subject }).first();
    return { title: request?.title ?? 'Demande', details: (request?.details as Record<string, string>) ?? {} };
  },
};

/** The title and details of a step; a kind without a describer shows its kind and subject id. */
export async function describeDecision(
  db: DbOrTx,
  ref: { kind: string; step: string; subject: string; requesterKey: string },
): Promise<DecisionDescription> {
  const describer = describers[ref.kind];
  return describer ? describer(db, ref) : { title: `${ref.kind} ${ref.subject}`, details: {} };
}
