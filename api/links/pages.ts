import type { LinkPurpose } from '../../db/tokens.js';
import { escapeHtml, page, paragraph } from '../pages/layout.js';

const titles: Record<LinkPurpose, { title: string; intro: string; button: string }> = {
  account_validation: {
    title: 'Validation de votre compte',
    intro: 'Confirmez la validation de votre compte en cliquant sur le bouton ci-dessous.',
    button: 'Valider mon compte',
  },
  email_change: {
    title: 'Validation de votre nouvelle adresse',
    intro: 'Confirmez votre nouvelle adresse mail en cliquant sur le bouton ci-dessous.',
    button: 'Valider ma nouvelle adresse',
  },
  password_reset: {
    title: 'Choisir un nouveau mot de passe',
    intro:
      'Au moins 12 caractères, sans autre contrainte : une phrase de plusieurs mots convient. Les mots de passe trop courants ou faciles à deviner sont refusés.',
    button: 'Enregistrer le mot de passe',
  },
  graduate_email_validation: {
    title: 'Diplômés : validation de votre adresse',
    intro: 'Confirmez votre adresse mail pour poursuivre votre inscription de diplômé.',
    button: 'Valider mon adresse',
  },
  recruiter_email_validation: {
    title: 'Entreprises / partenaires : validation de votre adresse',
    intro: 'Confirmez votre adresse mail : votre inscription sera ensuite examinée par l’administrateur.',
    button: 'Valider mon adresse',
  },
};

/** GET: a confirmation page with a form. Opening it changes nothing. */
export function linkFormPage(p: {
  purpose: LinkPurpose;
  action: string;
  csrf: string;
  error?: string;
  fields?: Record<string, string>;
}): string {
  const t = titles[p.purpose];
  const fieldError = (name: string) =>
    p.fields?.[name] ? `<span class="error" id="${name}-error">${escapeHtml(p.fields[name]!)}</span>` : '';
  const passwordFields =
    p.purpose === 'password_reset'
      ? `<label for="password">Nouveau mot de passe</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" aria-describedby="password-error">${fieldError('password')}
<label for="passwordConfirmation">Confirmation du mot de passe</label>
<input id="passwordConfirmation" name="passwordConfirmation" type="password" autocomplete="new-password" required aria-describedby="passwordConfirmation-error">${fieldError('passwordConfirmation')}`
      : '';
  return page(
    t.title,
    `${p.error ? paragraph(p.error, 'error') : ''}${paragraph(t.intro)}
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">
${passwordFields}
<button type="submit">${escapeHtml(t.button)}</button>
</form>`,
  );
}

export function linkDonePage(purpose: LinkPurpose, result: unknown): string {
  switch (purpose) {
    case 'account_validation': {
      const fileNumber = (result as { fileNumber?: string })?.fileNumber;
      return page(
        'Compte validé',
        `${paragraph('Votre compte est validé.', 'ok')}${paragraph(`Votre identifiant (numéro de dossier) est ${fileNumber ?? '—'}. Vous pouvez vous connecter avec cet identifiant ou votre adresse mail.`)}`,
      );
    }
    case 'email_change':
      return result === 'applied'
        ? page('Adresse validée', `${paragraph('Votre nouvelle adresse est validée : vous pouvez vous reconnecter.', 'ok')}`)
        : page(
            'Modification impossible',
            paragraph('Cette adresse est désormais utilisée par un autre compte : votre adresse précédente est conservée.', 'error'),
          );
    case 'password_reset':
      return page('Mot de passe modifié', `${paragraph('Votre mot de passe a été modifié. Vos sessions ouvertes ont été fermées.', 'ok')}`);
    case 'graduate_email_validation':
      if ((result as { next?: string })?.next === 'complete_form')
        return page(
          'Adresse validée',
          `${paragraph('Votre adresse est validée.', 'ok')}${paragraph('Pour poursuivre, remplissez le formulaire complet : les instructions vous ont été envoyées par courriel.')}`,
        );
      return (result as { next?: string })?.next === 'choose_diploma'
        ? page(
            'Adresse validée',
            `${paragraph('Votre adresse est validée.', 'ok')}${paragraph('Vous figurez dans la base des diplômés : choisissez maintenant votre diplôme (code VET), ou indiquez « diplôme non trouvé ». Les instructions vous ont été envoyées par courriel.')}`,
          )
        : page(
            'Adresse validée',
            `${paragraph('Votre adresse est validée.', 'ok')}${paragraph('Votre demande est transmise à l’administrateur : vous serez informé(e) de sa décision par courriel.')}`,
          );
    case 'recruiter_email_validation':
      return page(
        'Adresse validée',
        `${paragraph('Votre adresse est validée.', 'ok')}${paragraph('Votre inscription est transmise à l’administrateur : vous serez informé(e) de sa décision par courriel.')}`,
      );
  }
}

export function linkErrorPage(message: string): string {
  return page(
    'Lien inutilisable',
    `${paragraph(message, 'error')}${paragraph('Vous pouvez demander un nouveau lien depuis la page de connexion (« Renvoyer le lien » ou « J’ai oublié mes identifiants »).', 'muted')}`,
  );
}
