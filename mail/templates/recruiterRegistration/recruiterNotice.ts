import { type Locale, renderMail } from '../../layout.js';

/** The mails of recruiter registration (ENTREPRISES / PARTENAIRES), French and English; each links to the page that continues. */
export type RecruiterNotice = 'validationLink' | 'validated' | 'refused' | 'expired';

export interface RecruiterNoticeParams {
  firstName: string;
  companyName: string;
  url?: string;
  expiresAt?: Date;
  reason?: string;
  /** The registration's status page, and the recruiters' login. */
  registrationUrl: string;
  loginUrl: string;
}

const date = (d: Date, locale: Locale) =>
  d.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export function recruiterNotice(notice: RecruiterNotice, p: RecruiterNoticeParams, locale: Locale = 'fr') {
  return locale === 'en' ? english(notice, p) : french(notice, p);
}

function french(notice: RecruiterNotice, p: RecruiterNoticeParams) {
  const hello = `Bonjour ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Entreprises / partenaires : validez votre adresse mail',
        [
          hello,
          `Vous avez demandé l’inscription de ${p.companyName}. Validez votre adresse mail en ouvrant le lien ci-dessous ; l’administrateur examinera ensuite votre inscription.`,
          `Ce lien est valable jusqu’au ${date(p.expiresAt!, 'fr')}.`,
        ],
        { label: 'Valider mon adresse', url: p.url! },
      );
    case 'validated':
      return renderMail(
        'Entreprises / partenaires : votre inscription est validée',
        [
          hello,
          `L’inscription de ${p.companyName} est validée : connectez-vous depuis « Connexion » dans la rubrique « Entreprises/Partenaires ».`,
          'Il s’agit d’une inscription simple, sans dépôt d’offres : le droit de déposer des offres est accordé séparément par l’administrateur.',
        ],
        { label: 'Se connecter', url: p.loginUrl },
      );
    case 'refused':
      return renderMail(
        'Entreprises / partenaires : votre inscription est refusée',
        [
          hello,
          `L’inscription de ${p.companyName} a été refusée.`,
          `Motif : ${p.reason ?? '—'}`,
          'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
        ],
        { label: 'Voir mon inscription', url: p.registrationUrl },
      );
    case 'expired':
      return renderMail('Entreprises / partenaires : votre demande d’inscription a expiré', [
        hello,
        `La demande d’inscription de ${p.companyName} n’a pas abouti dans les délais et a été close.`,
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
  }
}

function english(notice: RecruiterNotice, p: RecruiterNoticeParams) {
  const hello = `Hello ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Companies / partners: validate your e-mail address',
        [
          hello,
          `You asked to register ${p.companyName}. Validate your e-mail address by opening the link below; the administrator will then examine your registration.`,
          `The link is valid until ${date(p.expiresAt!, 'en')}.`,
        ],
        { label: 'Validate my address', url: p.url! },
      );
    case 'validated':
      return renderMail(
        'Companies / partners: your registration is validated',
        [
          hello,
          `The registration of ${p.companyName} is validated: log in from « Log in » under « Companies/Partners ».`,
          'This is a plain registration, without posting offers: the administrator grants the right to post offers separately.',
        ],
        { label: 'Log in', url: p.loginUrl },
      );
    case 'refused':
      return renderMail(
        'Companies / partners: your registration is refused',
        [
          hello,
          `The registration of ${p.companyName} was refused.`,
          `Reason: ${p.reason ?? '—'}`,
          'You may register again with the same e-mail address.',
        ],
        { label: 'See my registration', url: p.registrationUrl },
      );
    case 'expired':
      return renderMail('Companies / partners: your registration request has expired', [
        hello,
        `The registration request of ${p.companyName} did not complete in time and was closed.`,
        'You may register again with the same e-mail address.',
      ]);
  }
}
