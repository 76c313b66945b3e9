/** Shared HTML frame and escaping for every mail. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export type Locale = 'fr' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Paragraphs are plain text; `link` renders as a button in HTML and a bare URL in text. */
export function renderMail(subject: string, paragraphs: string[], link?: { label: string; url: string }): RenderedMail {
  const text = `${[...paragraphs, ...(link ? [`${link.label} : ${link.url}`] : [])].join('\n\n')}\n`;
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const button = link
    ? `<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#1d4f91;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>
<p style="font-size:12px;color:#555">${escapeHtml(link.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif;max-width:600px;margin:auto">
<h1 style="font-size:18px">${escapeHtml(subject)}</h1>
${body}
${button}
</body></html>`;
  return { subject, text, html };
}
