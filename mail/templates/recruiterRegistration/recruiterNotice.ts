import { renderMail } from '../../layout.js';

/** The mails of recruiter registration (ENTREPRISES / PARTENAIRES), in French. */
export type RecruiterNotice = 'validationLink' | 'validated' | 'refused' | 'expired';

const date = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export function recruiterNotice(
  notice: RecruiterNotice,
  p: { firstName: string; companyName: string; url?: string; expiresAt?: Date; reason?: string; portalUrl: string },
) {
  const hello = `Bonjour ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Entreprises / partenaires : validez votre adresse mail',
        [
          hello,
          `Vous avez demandé l’inscription de ${p.companyName}. Validez votre adresse mail en ouvrant le lien ci-dessous ; l’administrateur examinera ensuite votre inscription.`,
          `Ce lien est valable jusqu’au ${date(p.expiresAt!)}.`,
        ],
        { label: 'Valider mon adresse', url: p.url! },
      );
    case 'validated':
      return renderMail('Entreprises / partenaires : votre inscription est validée', [
        hello,
        `L’inscription de ${p.companyName} est validée : connectez-vous depuis « Connexion » dans la rubrique « Entreprises/Partenaires ».`,
        'Il s’agit d’une inscription simple, sans dépôt d’offres : le droit de déposer des offres est accordé séparément par l’administrateur.',
        `Connexion : ${p.portalUrl}`,
      ]);
    case 'refused':
      return renderMail('Entreprises / partenaires : votre inscription est refusée', [
        hello,
        `L’inscription de ${p.companyName} a été refusée.`,
        `Motif : ${p.reason ?? '—'}`,
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
    case 'expired':
      return renderMail('Entreprises / partenaires : votre demande d’inscription a expiré', [
        hello,
        `La demande d’inscription de ${p.companyName} n’a pas abouti dans les délais et a été close.`,
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
  }
}
