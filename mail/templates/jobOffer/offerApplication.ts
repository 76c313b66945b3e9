import { renderMail } from '../../layout.js';

export interface OfferApplicationParams {
  offerTitle: string;
  company: string;
  applicantName: string;
  applicantEmail: string;
  message: string;
}

/** The application as the offer's contact receives it, CV attached (seed 002: « informations et CV »). */
export function offerApplicationForwarded(p: OfferApplicationParams) {
  return renderMail(`Candidature à votre offre « ${p.offerTitle} » : ${p.applicantName}`, [
    'Bonjour,',
    `${p.applicantName} répond à votre offre « ${p.offerTitle} » (${p.company}) publiée sur la plateforme. Son CV est joint à ce message.`,
    `Message du candidat :\n${p.message}`,
    `Pour lui répondre : ${p.applicantEmail}`,
  ]);
}

/** The applicant's confirmation, sent once the forward has left. */
export function offerApplicationConfirmed(p: OfferApplicationParams) {
  return renderMail(`Votre candidature est transmise : ${p.offerTitle}`, [
    `Bonjour ${p.applicantName},`,
    `Votre candidature à l’offre « ${p.offerTitle} » (${p.company}) et votre CV ont été transmis à l’adresse de contact de l’annonce. Le recruteur vous répondra directement.`,
  ]);
}
