import { type Locale, renderMail } from '../../layout.js';

/** The mails of graduate registration (seed 000), French and English; each links to the page that continues. */
export type GraduateNotice =
  | 'validationLink'
  | 'chooseDiploma'
  | 'completeForm'
  | 'validated'
  | 'refused'
  | 'expired'
  | 'alreadyRegistered';

export interface GraduateNoticeParams {
  /** The registry's first name when the person was recognised, else the one typed. */
  firstName: string;
  /** What the link page will ask next, so the first mail already says it (seed 000's « instructions »). */
  next?: 'choose_diploma' | 'complete_form';
  url?: string;
  expiresAt?: Date;
  groups?: string[];
  reason?: string;
  /** The page that continues: the registration's status, or the graduates' login. */
  registrationUrl: string;
  loginUrl: string;
}

const date = (d: Date, locale: Locale) =>
  d.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export function graduateNotice(notice: GraduateNotice, p: GraduateNoticeParams, locale: Locale = 'fr') {
  return locale === 'en' ? english(notice, p) : french(notice, p);
}

function french(notice: GraduateNotice, p: GraduateNoticeParams) {
  const hello = `Bonjour ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Diplômés : validez votre adresse mail',
        [
          hello,
          'Vous avez demandé la création d’un compte diplômé. Validez votre adresse mail en ouvrant le lien ci-dessous.',
          p.next === 'complete_form'
            ? 'Vous ne figurez pas dans la base des diplômés : après la validation, vous remplirez un formulaire complet (téléphone, adresse postale, diplôme tel que vous vous en souvenez) qui sera soumis à l’administrateur.'
            : 'Vous figurez dans la base des diplômés : après la validation, vous choisirez votre diplôme (code VET), ou indiquerez « diplôme non trouvé ».',
          `Ce lien est valable jusqu’au ${date(p.expiresAt!, 'fr')}.`,
        ],
        { label: 'Valider mon adresse', url: p.url! },
      );
    case 'chooseDiploma':
      return renderMail(
        'Diplômés : choisissez votre diplôme',
        [
          hello,
          'Votre adresse est validée et vous figurez dans la base des diplômés de l’université.',
          'Choisissez maintenant votre diplôme (code VET) dans la liste proposée, ou indiquez « diplôme non trouvé » : votre compte sera ensuite validé par le responsable de la formation, de la composante ou l’administrateur.',
        ],
        { label: 'Choisir mon diplôme', url: p.registrationUrl },
      );
    case 'completeForm':
      return renderMail(
        'Diplômés : remplissez le formulaire complet',
        [
          hello,
          'Votre adresse est validée. Vous ne figurez pas dans la base des diplômés : remplissez le formulaire complet (téléphone, adresse postale, et le diplôme tel que vous vous en souvenez : intitulé, année, composante). Il sera soumis à l’administrateur.',
        ],
        { label: 'Remplir le formulaire', url: p.registrationUrl },
      );
    case 'validated':
      return renderMail(
        'Diplômés : votre compte est validé',
        [
          hello,
          'Votre compte diplômé est validé : vous pouvez vous connecter avec votre adresse mail et votre mot de passe.',
          `Vous appartenez aux groupes : ${p.groups?.length ? p.groups.join(', ') : 'aucun groupe pour le moment'}.`,
        ],
        { label: 'Se connecter', url: p.loginUrl },
      );
    case 'refused':
      return renderMail(
        'Diplômés : votre inscription est refusée',
        [
          hello,
          'Votre demande de compte diplômé a été refusée.',
          `Motif : ${p.reason ?? '—'}`,
          'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
        ],
        { label: 'Voir ma demande', url: p.registrationUrl },
      );
    case 'expired':
      return renderMail('Diplômés : votre demande d’inscription a expiré', [
        hello,
        'Votre demande de compte diplômé n’a pas abouti dans les délais et a été close.',
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
    case 'alreadyRegistered':
      return renderMail(
        'Diplômés : vous avez déjà un compte',
        [
          hello,
          'Vous avez demandé la création d’un compte diplômé, mais la personne de la base des diplômés que vous êtes a déjà un compte validé : aucune seconde inscription n’a été faite.',
          'Connectez-vous avec l’adresse mail de ce compte. Si vous ne la connaissez plus, ou si vous n’êtes pas à l’origine du premier compte, écrivez à l’assistance.',
        ],
        { label: 'Connexion des diplômés', url: p.loginUrl },
      );
  }
}

function english(notice: GraduateNotice, p: GraduateNoticeParams) {
  const hello = `Hello ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Graduates: validate your e-mail address',
        [
          hello,
          'You asked for a graduate account. Validate your e-mail address by opening the link below.',
          p.next === 'complete_form'
            ? 'You are not in the graduates’ registry: after the validation, you will fill in a complete form (phone, postal address, the diploma as you remember it) that the administrator will examine.'
            : 'You are in the graduates’ registry: after the validation, you will choose your diploma (VET code), or say « diploma not found ».',
          `The link is valid until ${date(p.expiresAt!, 'en')}.`,
        ],
        { label: 'Validate my address', url: p.url! },
      );
    case 'chooseDiploma':
      return renderMail(
        'Graduates: choose your diploma',
        [
          hello,
          'Your address is validated and you are in the university’s graduates’ registry.',
          'Now choose your diploma (VET code) from the list, or say « diploma not found »: the manager of the programme, of the composante or the administrator will then validate your account.',
        ],
        { label: 'Choose my diploma', url: p.registrationUrl },
      );
    case 'completeForm':
      return renderMail(
        'Graduates: fill in the complete form',
        [
          hello,
          'Your address is validated. You are not in the graduates’ registry: fill in the complete form (phone, postal address, and the diploma as you remember it: title, year, composante). The administrator will examine it.',
        ],
        { label: 'Fill in the form', url: p.registrationUrl },
      );
    case 'validated':
      return renderMail(
        'Graduates: your account is validated',
        [
          hello,
          'Your graduate account is validated: you can log in with your e-mail address and your password.',
          `Your groups: ${p.groups?.length ? p.groups.join(', ') : 'none yet'}.`,
        ],
        { label: 'Log in', url: p.loginUrl },
      );
    case 'refused':
      return renderMail(
        'Graduates: your registration is refused',
        [
          hello,
          'Your request for a graduate account was refused.',
          `Reason: ${p.reason ?? '—'}`,
          'You may register again with the same e-mail address.',
        ],
        { label: 'See my request', url: p.registrationUrl },
      );
    case 'expired':
      return renderMail('Graduates: your registration request has expired', [
        hello,
        'Your request for a graduate account did not complete in time and was closed.',
        'You may register again with the same e-mail address.',
      ]);
    case 'alreadyRegistered':
      return renderMail(
        'Graduates: you already have an account',
        [
          hello,
          'You asked for a graduate account, but the registry person you are already has a validated account: no second registration was made.',
          'Log in with that account’s e-mail address. If you no longer know it, or did not create the first account, write to the help desk.',
        ],
        { label: 'Graduate login', url: p.loginUrl },
      );
  }
}
