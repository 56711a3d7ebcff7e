// Hosting platforms: Heroku's router pages (an iframe of `herokucdn.com/error-pages/<name>.html`),
// Vercel's `x-vercel-error` codes, Netlify's function errors (`x-nf-request-id` with a JSON error).

import { header, jsonObject } from './read';
import { found, type Meaning, type Recogniser } from './types';

const HEROKU_PAGES: Record<string, Meaning> = {
  'application-error': 'app-crash',
  'no-such-app': 'not-found',
};

/** Heroku. */
export const heroku = {
  id: 'heroku',
  name: 'Heroku',
  recognise(r) {
    const head = r.body.slice(0, 8192);
    const m = /herokucdn\.com\/error-pages\/([a-z-]+)\.html|\/heroku_pages\/([a-z-]+)\.html/i.exec(head);
    const page = (m?.[1] ?? m?.[2])?.toLowerCase();
    if (!page) return null;
    if (page.startsWith('maintenance')) return found(this, 'platform', 'maintenance');
    return found(this, 'platform', HEROKU_PAGES[page] ?? (page === 'error' ? 'app-crash' : 'origin-error'));
  },
} satisfies Recogniser;

/** What Vercel's `x-vercel-error` codes mean. */
function vercelMeaning(code: string, status: number): Meaning | null {
  if (/TIMEOUT/.test(code)) return 'origin-timeout';
  if (/INVOCATION_FAILED|FUNCTION_THROTTLED_?CRASH|_CRASHED|RUNTIME/.test(code)) return 'app-crash';
  if (/THROTTLED|RATE_LIMITED|TOO_MANY/.test(code) || status === 429) return 'rate-limited';
  if (/NOT_FOUND/.test(code)) return 'not-found';
  if (/PAUSED|DISABLED|BLOCKED/.test(code)) return 'access-denied';
  if (/DNS|NO_RESPONSE|ROUTER_CANNOT|CANNOT_REACH/.test(code)) return 'origin-unreachable';
  if (/SSL|TLS|CERT/.test(code)) return 'origin-tls';
  return status >= 500 ? 'origin-error' : null;
}

/** Vercel. */
export const vercel = {
  id: 'vercel',
  name: 'Vercel',
  recognise(r) {
    if (header(r, 'x-vercel-mitigated') === 'challenge') return found(this, 'platform', 'bot-check');
    let code = (r.headers['x-vercel-error'] ?? '').trim();
    // Without the header, the plain-text body Vercel sends non-browser clients: the code on its own
    // line, then the request id `<region>::<id>`.
    const plain = /^([A-Z][A-Z_]{6,})\n\n[a-z]{3}\d::[a-z0-9-]+/m.exec(r.body.slice(0, 2048));
    if (
      !code &&
      r.status >= 400 &&
      (plain || 'x-vercel-id' in r.headers || header(r, 'server') === 'vercel')
    ) {
      code = plain?.[1] ?? /\b([A-Z][A-Z_]{6,})\b/.exec(r.body.slice(0, 2048))?.[1] ?? '';
    }
    if (!code) return null;
    const meaning = vercelMeaning(code, r.status);
    return meaning ? found(this, 'platform', meaning, code) : null;
  },
} satisfies Recogniser;

/** Netlify: a function's uncaught error (`{"errorType":…,"errorMessage":…}`) or a timeout, with `x-nf-request-id`. */
export const netlify = {
  id: 'netlify',
  name: 'Netlify',
  recognise(r) {
    if (r.status < 400) return null;
    const json = jsonObject(r);
    // Netlify Functions run on AWS Lambda: a function's failure comes back as Lambda's error object.
    const lambdaError = typeof json?.errorMessage === 'string';
    if (!('x-nf-request-id' in r.headers) && header(r, 'server') !== 'netlify' && !lambdaError) return null;
    const type = typeof json?.errorType === 'string' ? json.errorType : null;
    const message = typeof json?.errorMessage === 'string' ? json.errorMessage : '';
    const body = r.body.slice(0, 4096);
    if (/timed out|timeout/i.test(message + (type ?? '')) || r.status === 504 || /Task timed out/i.test(body))
      return found(this, 'platform', 'origin-timeout', type ?? undefined);
    if (type || /function (?:invocation )?(?:failed|crashed)|internal error in function/i.test(body))
      return found(this, 'platform', 'app-crash', type ?? undefined);
    if (r.status === 429) return found(this, 'platform', 'rate-limited');
    if (r.status === 404) return found(this, 'platform', 'not-found');
    if (r.status >= 500) return found(this, 'platform', 'origin-error');
    return null;
  },
} satisfies Recogniser;
