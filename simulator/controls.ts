// The control sites: two unrelated "providers" on loopback that answer like Google's generate_204 and
// Cloudflare's cdn-cgi/trace, so "their server" and "my connection" can be told apart.

import type { RequestListener } from 'node:http';

/** Paths of the two control sites, as the generated config names them. */
export const CONTROL_PATHS = ['/generate_204', '/cdn-cgi/trace'] as const;

/** A Wi-Fi sign-in page, as captive portals answer every plain-HTTP request. */
export const SIGN_IN_PAGE =
  '<!doctype html><html><head><title>Guest Wi-Fi sign-in</title></head><body><form>Accept the terms</form></body></html>';

/** The request listener of a control site: healthy, or behind a Wi-Fi sign-in page (`captive`). */
export function controlHandler(mode: 'ok' | 'captive' = 'ok'): RequestListener {
  return (req, res) => {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://control.invalid').pathname;
    if (mode === 'captive') {
      if (path === '/login') res.writeHead(200, { 'content-type': 'text/html' }).end(SIGN_IN_PAGE);
      else res.writeHead(302, { location: '/login', 'content-length': '0' }).end();
      return;
    }
    if (path === '/generate_204') {
      res.writeHead(204, { 'content-length': '0' });
      res.end();
      return;
    }
    const body =
      path === '/cdn-cgi/trace'
        ? `fl=sim\nh=${req.headers.host ?? '127.0.0.1'}\nip=127.0.0.1\nts=${(Date.now() / 1000).toFixed(3)}\nvisit_scheme=http\ncolo=AMS\nhttp=http/1.1\ntls=off\n`
        : 'ok\n';
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  };
}
