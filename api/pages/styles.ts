import { createHash } from 'node:crypto';

/**
 * The portal's only stylesheet, served as a static file (GET /assets/portal-<hash>.css, cached a
 * year: the hash changes with the content), so pages carry no inline style and a strict CSP holds.
 * A sober, neutral theme: the institution's colour (THEME_PRIMARY_COLOR, checked for contrast at
 * start) on buttons, links and the header's rule; everything else black on white or light grey.
 * Mobile first (375 px), large touch targets (44 px), a focus ring visible on every control.
 */
export function portalCss(primary: string): string {
  return `:root{--primary:${primary};--text:#1b1b1b;--muted:#4a4a4a;--line:#767676;--soft:#f3f4f6;--error:#b00020;--success:#1d6b2a;--warning:#7a4d00;--info:#1b4f8a}
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:var(--text);background:#fff}
a{color:var(--primary);text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #000;outline-offset:2px;box-shadow:0 0 0 5px #fff}
/* A date or time field keeps the focus in its inner segments, where :focus-visible does not reach the field itself. */
input[type=date]:focus,input[type=date]:focus-within,input[type=time]:focus,input[type=time]:focus-within{outline:3px solid #000;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.skip-link{position:absolute;left:.5rem;top:-4rem;background:#fff;color:#000;padding:.75rem 1rem;z-index:10;border:2px solid #000}
.skip-link:focus{top:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.container{width:100%;max-width:62rem;margin:0 auto;padding:0 1rem}
header.site{border-bottom:4px solid var(--primary);background:#fff}
.site-top{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding:.75rem 0}
.brand{display:inline-flex;align-items:center;gap:.6rem;font-weight:700;font-size:1.15rem;color:var(--text);text-decoration:none;min-height:44px}
.brand img{max-height:48px;width:auto}
.site-tools{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.site-tools form{margin:0}
.who{color:var(--muted);font-size:.95rem}
nav.main ul{list-style:none;margin:0;padding:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
nav.main a{display:inline-block;padding:.6rem 0;min-height:44px;font-weight:600}
nav.main a[aria-current="page"]{color:var(--text);text-decoration-thickness:3px}
main{padding:1.5rem 0 3rem}
main h1,main h2,main h3,main p,main li{overflow-wrap:break-word}
main h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
main h2{font-size:1.3rem;margin:2rem 0 .75rem}
main h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1rem}
.lead{font-size:1.1rem}
.muted{color:var(--muted)}
footer.site{border-top:1px solid var(--line);background:var(--soft);padding:1.25rem 0;font-size:.95rem}
footer.site ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
footer.site li{display:flex;align-items:center;min-height:2.5rem}
.narrow{max-width:36rem}
.button,button{display:inline-flex;align-items:center;justify-content:center;gap:.4rem;min-height:44px;padding:.6rem 1.1rem;font:inherit;font-weight:600;line-height:1.2;border:2px solid var(--primary);border-radius:4px;background:var(--primary);color:#fff;text-decoration:none;cursor:pointer}
.button:hover,button:hover{filter:brightness(.9)}
.button-secondary,button.button-secondary{background:#fff;color:var(--primary)}
.button-danger,button.button-danger{background:var(--error);border-color:var(--error);color:#fff}
.button-link,button.button-link{background:none;border:0;color:var(--primary);text-decoration:underline;padding:.6rem .25rem;font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0 0}
form.inline{display:inline}
.field{margin:0 0 1.25rem}
.field label,.field legend{display:block;font-weight:600;margin:0 0 .3rem}
.field .hint{display:block;color:var(--muted);font-size:.95rem;margin:0 0 .3rem}
.field .error-message{display:block;color:var(--error);font-weight:600;margin:0 0 .3rem}
.field input[type=text],.field input[type=email],.field input[type=password],.field input[type=date],.field input[type=tel],.field input[type=url],.field input[type=number],.field input[type=search],.field select,.field textarea{display:block;width:100%;max-width:36rem;min-height:44px;padding:.55rem .7rem;font:inherit;color:var(--text);background:#fff;border:2px solid var(--line);border-radius:4px}
.field textarea{min-height:7rem}
.field input[type=file]{display:block;max-width:100%;min-height:44px;padding:.4rem 0;font:inherit}
.field-error input,.field-error select,.field-error textarea{border-color:var(--error)}
.field-error{border-left:4px solid var(--error);padding-left:.75rem}
fieldset{border:0;margin:0;padding:0}
.choice{display:flex;align-items:flex-start;gap:.6rem;margin:.4rem 0;min-height:44px}
.choice input{width:1.5rem;height:1.5rem;margin:.1rem 0 0;flex:none;accent-color:var(--primary)}
.choice label{font-weight:400;margin:0}
.error-summary{border:3px solid var(--error);padding:1rem 1.25rem;margin:0 0 1.5rem}
.error-summary h2{font-size:1.2rem;margin:0 0 .5rem;color:var(--error)}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:var(--error);font-weight:600}
.notice{border-left:6px solid var(--info);background:var(--soft);padding:1rem 1.25rem;margin:0 0 1.5rem}
.notice-success{border-color:var(--success)}
.notice-error{border-color:var(--error)}
.notice-warning{border-color:var(--warning)}
.notice p:last-child{margin-bottom:0}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;font-size:.9rem;font-weight:700;border:2px solid currentColor;white-space:nowrap;background:#fff;max-width:100%}
@media (max-width:40rem){.badge{white-space:normal}}
.badge-neutral{color:#3d3d3d}.badge-info{color:var(--info)}.badge-success{color:var(--success)}.badge-warning{color:var(--warning)}.badge-danger{color:var(--error)}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;min-width:20rem}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{text-align:left;vertical-align:top;padding:.6rem .75rem;border-bottom:1px solid var(--line)}
thead th{border-bottom:2px solid var(--text)}
dl.details{display:grid;grid-template-columns:1fr;gap:.2rem 1rem}
dl.details dt{font-weight:700}
dl.details dd{margin:0 0 .6rem;overflow-wrap:anywhere}
nav.pagination ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
nav.pagination a{display:inline-block;padding:.6rem .25rem;min-height:44px}
.cards{list-style:none;padding:0;display:grid;grid-template-columns:1fr;gap:1rem}
.card{min-width:0;border:1px solid var(--line);border-radius:6px;padding:1rem 1.25rem;background:#fff}
.card h2,.card h3{margin-top:0}
.steps{padding-left:1.25rem}
.outcomes{display:flex;flex-wrap:wrap;gap:.6rem;margin:1.5rem 0 0}.outcomes button{flex:1 1 12rem}
.terms{border:1px solid var(--line);padding:1rem 1.25rem;max-height:24rem;overflow-y:auto;background:var(--soft);margin:0 0 1rem}
.terms p{white-space:pre-line}
@media (min-width:40rem){dl.details{grid-template-columns:max-content 1fr}dl.details dd{margin:0}.cards{grid-template-columns:repeat(2,1fr)}}
@media (min-width:60rem){.cards-3{grid-template-columns:repeat(3,1fr)}}
@media print{header.site nav,.site-tools,footer.site{display:none}}
`;
}

export interface Stylesheet {
  css: string;
  /** /assets/portal-<hash>.css: a new content is a new URL, so the file can be cached for a year. */
  path: string;
}

export function stylesheet(primary: string): Stylesheet {
  const css = portalCss(primary);
  return { css, path: `/assets/portal-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css` };
}
