// The sentences for the user's own browser: the error they see, and the extensions that can touch the site.

import type { SentenceTable } from './sentence-words';

/** The sentences of the browser features (features-browser.ts). */
export const BROWSER_SENTENCES = {
  'symptom-clean': () => 'You see an error right now, yet every request this app made succeeded',
  'symptom-with-failures': () =>
    'You see an error and this app sees failures too, so the trouble is not only in your browser',
  'no-symptom': () => 'You have not said you see an error in your browser',
  'extension-suspects': (_f, e) => {
    const list = e.extensions.suspects.slice(0, 5).map((s) => s.name);
    const more = e.extensions.suspects.length > 5 ? ` and ${e.extensions.suspects.length - 5} more` : '';
    const n = e.extensions.suspects.length;
    return `${n} installed browser extension${n > 1 ? 's' : ''} can read or change this site: ${list.join(', ')}${more}`;
  },
  'no-extension-suspects': (_f, e) =>
    `None of the extensions in ${e.extensions.profilesScanned} browser profile${e.extensions.profilesScanned > 1 ? 's' : ''} can touch this site`,
} satisfies SentenceTable;
