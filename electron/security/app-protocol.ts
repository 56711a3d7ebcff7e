// Serves the built renderer (dist/renderer) on app://why500/ with the CSP header; refuses anything
// outside that folder (path traversal, other hosts, encoded tricks).

import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './csp';

/** Where a request maps to, or why it is refused. */
export type AppPathResult = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/** Maps an app:// URL to a file under `rootDir`; `/` is index.html. */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  if (pathname.split('/').some((part) => part === '..')) return { ok: false, status: 403 };
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const filePath = resolve(root, relative);
  if (!filePath.startsWith(root + sep)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Headers sent with every app page and asset. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Answers one app:// request (used by `protocol.handle`; plain fetch Response, testable under Node). */
export async function serveAppRequest(
  rootDir: string,
  requestUrl: string,
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<Response> {
  const target = resolveAppPath(rootDir, requestUrl);
  if (!target.ok) {
    return new Response(null, { status: target.status, headers: securityHeaders('text/plain') });
  }
  const type = CONTENT_TYPES[extname(target.filePath).toLowerCase()];
  if (!type) return new Response(null, { status: 403, headers: securityHeaders('text/plain') });
  try {
    const body = await readFile(target.filePath);
    return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(type) });
  } catch {
    return new Response(null, { status: 404, headers: securityHeaders('text/plain') });
  }
}
