import { escapeHtml, page, paragraph } from '../pages/legacyLayout.js';

/** The small French portal of the embedded default: enough for a person to try every step. */
export interface FormField {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
}

export function formPage(p: {
  title: string;
  intro?: string;
  action: string;
  csrf: string;
  fields: FormField[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: { text: string; kind: 'ok' | 'error' };
  submit: string;
  footer?: string;
}): string {
  const inputs = p.fields
    .map((f) => {
      const error = p.errors?.[f.name];
      const value = f.type === 'password' ? '' : (p.values?.[f.name] ?? '');
      return `<label for="${f.name}">${escapeHtml(f.label)} *</label>
<input id="${f.name}" name="${f.name}" type="${f.type ?? 'text'}" value="${escapeHtml(value)}" required${f.autocomplete ? ` autocomplete="${f.autocomplete}"` : ''}${error ? ` aria-invalid="true" aria-describedby="${f.name}-error"` : ''}>
${error ? `<span class="error" id="${f.name}-error">${escapeHtml(error)}</span>` : ''}`;
    })
    .join('\n');
  return page(
    p.title,
    `${p.message ? paragraph(p.message.text, p.message.kind) : ''}${p.intro ? paragraph(p.intro, 'muted') : ''}
<form method="post" action="${escapeHtml(p.action)}" novalidate>
<input type="hidden" name="csrf" value="${escapeHtml(p.csrf)}">
${inputs}
<button type="submit">${escapeHtml(p.submit)}</button>
</form>
${p.footer ?? ''}${nav}`,
  );
}

const nav = `<nav aria-label="Portail"><p class="muted">
<a href="/">Accueil</a> · <a href="/compte/creation">Créer un compte</a> · <a href="/connexion">Connexion</a> ·
<a href="/identifiants-oublies">J’ai oublié mes identifiants</a> · <a href="/compte/renvoyer-lien">Renvoyer le lien</a> · <a href="/docs">API</a>
</p></nav>`;

export function messagePage(title: string, text: string, kind: 'ok' | 'error' = 'ok', extra = ''): string {
  return page(title, `${paragraph(text, kind)}${extra}${nav}`);
}

export function logoutForm(csrf: string): string {
  return `<form method="post" action="/deconnexion"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">Se déconnecter</button></form>`;
}
