import { renderMail } from '../../layout.js';

/** The mails of graduate registration (seed 000), in French. */
export type GraduateNotice = 'validationLink' | 'chooseDiploma' | 'completeForm' | 'validated' | 'refused' | 'expired';

export interface GraduateNoticeParams {
  firstName: string;
  url?: string;
  expiresAt?: Date;
  groups?: string[];
  reason?: string;
  portalUrl: string;
}

const date = (d: Date) => d.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export function graduateNotice(notice: GraduateNotice, p: GraduateNoticeParams) {
  const hello = `Bonjour ${p.firstName},`;
  switch (notice) {
    case 'validationLink':
      return renderMail(
        'Diplômés : validez votre adresse mail',
        [
          hello,
          'Vous avez demandé la création d’un compte diplômé. Validez votre adresse mail en ouvrant le lien ci-dessous.',
          `Ce lien est valable jusqu’au ${date(p.expiresAt!)}.`,
        ],
        { label: 'Valider mon adresse', url: p.url! },
      );
    case 'chooseDiploma':
      return renderMail('Diplômés : choisissez votre diplôme', [
        hello,
        'Votre adresse est validée et vous figurez dans la base des diplômés de l’université.',
        'Choisissez maintenant votre diplôme (code VET) dans la liste proposée, ou indiquez « diplôme non trouvé » : votre compte sera ensuite validé par le responsable de la formation, de la composante ou l’administrateur.',
        `Accès : ${p.portalUrl}`,
      ]);
    case 'completeForm':
      return renderMail(
        'Diplômés : complétez votre demande',
        [
          hello,
          'Votre adresse est validée. Vous ne figurez pas dans la base des diplômés de l’université : pour poursuivre, remplissez le formulaire complet (téléphone, adresse postale, et le diplôme tel que vous vous en souvenez : intitulé, année, composante).',
          'Il sera soumis à l’administrateur, qui validera votre compte. Connectez-vous au formulaire avec l’adresse mail et le mot de passe choisis à l’inscription.',
        ],
        { label: 'Remplir le formulaire complet', url: p.portalUrl },
      );
    case 'validated':
      return renderMail('Diplômés : votre compte est validé', [
        hello,
        'Votre compte diplômé est validé : vous pouvez vous connecter avec votre adresse mail et votre mot de passe.',
        `Vous appartenez aux groupes : ${p.groups?.length ? p.groups.join(', ') : 'aucun groupe pour le moment'}.`,
        `Connexion : ${p.portalUrl}`,
      ]);
    case 'refused':
      return renderMail('Diplômés : votre inscription est refusée', [
        hello,
        'Votre demande de compte diplômé a été refusée.',
        `Motif : ${p.reason ?? '—'}`,
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
    case 'expired':
      return renderMail('Diplômés : votre demande d’inscription a expiré', [
        hello,
        'Votre demande de compte diplômé n’a pas abouti dans les délais et a été close.',
        'Vous pouvez refaire une demande d’inscription avec la même adresse mail.',
      ]);
  }
}
