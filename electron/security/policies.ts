// The hardening decisions as plain functions: where a window may navigate, which links may open in
// the user's browser, and permission requests (all denied).

import { isAppUrl } from './csp';

/** The two kinds of window the app opens. */
export type WindowKind = 'app' | 'clean-session';

/** True for an http(s) URL. */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Whether a window may navigate to `url`. The app window never leaves its own pages; the
 * clean-session window may follow the site (redirects, challenges) over http(s) only.
 */
export function mayNavigate(kind: WindowKind, url: string): boolean {
  return kind === 'app' ? isAppUrl(url) : isHttpUrl(url);
}

/** `window.open` and target=_blank: always denied (the app opens links itself through link:open). */
export function mayOpenWindow(_url: string): false {
  return false;
}

/** Every permission request (camera, notifications, geolocation, …) from any page: denied. */
export function mayGrantPermission(_permission: string, _origin: string): false {
  return false;
}

/** `shell.openExternal` only for an http(s) URL the app itself made (a target's site or status page). */
export function mayOpenExternal(url: string, appMadeUrls: readonly string[]): boolean {
  return isHttpUrl(url) && appMadeUrls.includes(url);
}
