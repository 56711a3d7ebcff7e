// The user agent of the clean-session window: the browser's own, without the `Electron/…` token and
// the app's `why500/…` token Electron adds. Bot checks treat an unusual user agent differently, and
// the clean session must see the site as a plain Chrome would.

/** Product tokens removed from the user agent (case-insensitive names). */
const ADDED_TOKENS = ['Electron', 'why500'];

/** The user agent without Electron's and the app's product tokens, spaces tidied. */
export function plainUserAgent(userAgent: string): string {
  return userAgent
    .split(' ')
    .filter((token) => {
      const name = token.split('/')[0]?.toLowerCase() ?? '';
      return !(token.includes('/') && ADDED_TOKENS.some((added) => added.toLowerCase() === name));
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
