// Walks the Accounts pages the way a browser does (cookies, redirects, the login form with its
// anti-forgery token, the consent form), without rendering them, and hands back where the browser
// is finally sent to the app's redirect URI.

export const demo = {
  clientId: '6a756b65626f782d64656d6f2d617070',
  clientSecret: '6a756b65626f782d64656d6f2d736563',
  redirectUri: 'http://127.0.0.1:8888/callback',
  login: 'demo@jukebox.local',
  password: 'jukebox-demo',
  userId: 'jukebox-demo',
};

export class Browser {
  #cookies = new Map();

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async request(url, init = {}) {
    const target = new URL(url, this.baseUrl);
    const headers = new Headers(init.headers);
    if (target.origin === new URL(this.baseUrl).origin && this.#cookies.size > 0) {
      headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  postForm(url, fields) {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /**
   * Opens authorizeUrl (already on the Jukebox origin), logs in when sent to /login, answers the
   * consent page with decision ('agree' or 'cancel') and returns the URL the browser is sent to
   * outside the Accounts pages (the app's redirect URI with code or error and state).
   */
  async authorize(authorizeUrl, { login = demo.login, password = demo.password, decision = 'agree' } = {}) {
    let next = authorizeUrl;
    for (let step = 0; step < 8; step++) {
      const response = await this.request(next);
      if (isRedirect(response.status)) {
        const location = new URL(response.headers.get('location'), next);
        if (location.origin !== new URL(this.baseUrl).origin) return location;
        if (location.pathname === '/login') {
          await this.logIn(location, login, password);
          next = new URL(location.searchParams.get('ReturnUrl'), this.baseUrl).href;
        } else {
          next = location.href;
        }
        continue;
      }
      const html = await response.text();
      if (response.status !== 200 || !/name="decision"/.test(html)) {
        throw new Error(`The Accounts page at ${next} answered ${response.status} without a consent form:\n${html.slice(0, 2000)}`);
      }
      const answer = await this.postForm(formAction(html, next), [...hiddenInputs(html), ['decision', decision]]);
      if (!isRedirect(answer.status)) {
        throw new Error(`Answering the consent page gave ${answer.status}:\n${(await answer.text()).slice(0, 2000)}`);
      }
      return new URL(answer.headers.get('location'), next);
    }
    throw new Error('Too many redirects on the Accounts pages.');
  }

  async logIn(loginUrl, login, password) {
    const page = await this.request(loginUrl);
    const html = await page.text();
    const fields = new Map(hiddenInputs(html));
    if (!fields.has('__RequestVerificationToken')) {
      throw new Error(`The login page has no anti-forgery token:\n${html.slice(0, 2000)}`);
    }
    if (!fields.get('ReturnUrl')) fields.set('ReturnUrl', loginUrl.searchParams.get('ReturnUrl') ?? '/');
    fields.set('Login', login);
    fields.set('Password', password);
    const response = await this.postForm(formAction(html, loginUrl.href), [...fields]);
    if (!isRedirect(response.status)) {
      throw new Error(`Logging in as ${login} gave ${response.status}:\n${(await response.text()).slice(0, 2000)}`);
    }
  }
}

const isRedirect = status => status >= 300 && status < 400;

function attributes(tag) {
  const result = {};
  for (const m of tag.matchAll(/([a-zA-Z_:-]+)="([^"]*)"/g)) result[m[1].toLowerCase()] = decodeHtml(m[2]);
  return result;
}

/** The page's hidden inputs as [name, value] pairs, decoded. */
export function hiddenInputs(html) {
  return [...html.matchAll(/<input\b[^>]*>/gi)]
    .map(m => attributes(m[0]))
    .filter(a => a.type === 'hidden' && a.name)
    .map(a => [a.name, a.value ?? '']);
}

/** Where the page's (first) form posts to, resolved against the page's URL. */
function formAction(html, pageUrl) {
  const form = html.match(/<form\b[^>]*>/i);
  const action = form ? attributes(form[0]).action : undefined;
  return new URL(action || pageUrl, pageUrl).href;
}

function decodeHtml(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
