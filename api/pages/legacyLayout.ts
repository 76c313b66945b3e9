import { escapeHtml } from '../../mail/layout.js';

export { escapeHtml };

/**
 * The former frame of the pages opened from a mail, until each moves onto the kit (kit.ts): French, readable on a phone (viewport,
 * fluid width, large touch targets), usable with a keyboard (real buttons and labels, visible
 * focus), no script needed.
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, Arial, sans-serif; margin: 0; background: #f4f6f9; color: #1b1b1b; }
  main { max-width: 34rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .7rem; font-size: 1rem; margin-top: .3rem; border: 1px solid #888; border-radius: 4px; }
  button { margin-top: 1.2rem; padding: .8rem 1.2rem; font-size: 1rem; border: 0; border-radius: 4px; background: #1d4f91; color: #fff; cursor: pointer; min-height: 44px; }
  button:focus, input:focus, a:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
  .error { color: #a40000; } .ok { color: #1d6b2a; } .muted { color: #555; font-size: .9rem; }
  @media (max-width: 36rem) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
</style>
</head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}${className === 'error' ? ' role="alert"' : ''}>${escapeHtml(text)}</p>`;
}
