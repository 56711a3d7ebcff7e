// The app's origin and its Content-Security-Policy (sent as a header by the app:// protocol handler
// and repeated as a <meta> in renderer/index.html).

/** The custom scheme the app's pages are served from. */
export const APP_SCHEME = 'app';
/** The host of every app page: app://why500/… */
export const APP_HOST = 'why500';
/** The app's origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The diagnostic window's page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The strict policy: only the app's own scripts, styles, images and fonts; no network, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True when a URL belongs to the app's own pages. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
