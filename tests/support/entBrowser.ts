/**
 * A minimal browser for the ENT redirect dance over plain HTTP: one cookie jar (cookies are per
 * host, not per port, as in a browser), redirects followed by hand, forms submitted with their
 * hidden fields. Enough to drive oidc-provider's development pages and the CAS login form.
 */
export interface Visit {
  status: number;
  url: string;
  html: string;
  location?: string;
}

export class EntBrowser {
  readonly cookies = new Map<string, string>();

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now()),
      );
      if (expired || value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** One request, no redirect followed. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Visit> {
    const response = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    this.remember(response);
    const location = response.headers.get('location');
    return {
      status: response.status,
      url,
      html: await response.text(),
      location: location ? new URL(location, url).toString() : undefined,
    };
  }

  /** Follows redirects until a page answers, or until `stopAt` matches the next URL (not fetched). */
  async follow(first: Visit | Promise<Visit>, stopAt?: (url: string) => boolean): Promise<Visit> {
    let visit = await first;
    for (let hops = 0; visit.location && hops < 20; hops++) {
      if (stopAt?.(visit.location)) return visit;
      visit = await this.request(visit.location);
    }
    return visit;
  }

  go(url: string, stopAt?: (url: string) => boolean): Promise<Visit> {
    return this.follow(this.request(url), stopAt);
  }

  /** Submits the page's first form with its hidden inputs plus `fields`, following redirects. */
  submit(page: Visit, fields: Record<string, string> = {}, stopAt?: (url: string) => boolean): Promise<Visit> {
    // Our pages carry the header's forms (language, logout) first: the page's own form is in <main>.
    const main = /<main[\s\S]*<\/main>/i.exec(page.html)?.[0] ?? page.html;
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(main);
    if (!form) throw new Error(`no form on ${page.url}:\n${page.html.slice(0, 500)}`);
    const values: Record<string, string> = {};
    for (const [, name, value] of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"/gi))
      values[name!] = value!.replace(/&amp;/g, '&');
    const action = new URL(form[1]!.replace(/&amp;/g, '&'), page.url).toString();
    return this.follow(this.request(action, { form: { ...values, ...fields } }), stopAt);
  }
}
