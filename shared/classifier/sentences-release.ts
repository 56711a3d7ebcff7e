// The sentences for the site's releases: its build changed before the errors, changed with no
// errors, changed unseen, or stayed the same; errors with no release near them.

import { formatAt, formatDuration } from '../vocabulary/time';
import { recognised } from './recognition-words';
import type { SentenceTable } from './sentence-words';

/** Where the build fingerprint was read from, as words. */
const SOURCE_WORDS: Record<string, string> = {
  'version-header': 'version header',
  'asset-hash': 'script and style file names',
  'build-id': 'build id',
  etag: 'page tag (ETag)',
  'last-modified': 'last-modified date',
};

/** The sentences of the release features (features-release.ts). */
export const RELEASE_SENTENCES = {
  'fingerprint-changed-before-errors': (_f, e) => {
    const src = SOURCE_WORDS[e.fingerprint.source ?? ''] ?? 'build fingerprint';
    const secs = e.fingerprint.secondsBeforeErrors ?? 0;
    return secs <= 0
      ? `The site was updated (its ${src} changed) just as the errors began`
      : `The site was updated ${formatDuration(secs * 1000)} before the errors began (its ${src} changed)`;
  },
  'fingerprint-changed-no-errors': (_f, e) => {
    const at = formatAt(e.fingerprint.changedAt, e.observedTo);
    return `The site was updated${at ? ` at ${at}` : ''} and has worked since`;
  },
  'fingerprint-stable': () => "The site's version has not changed since well before the errors began",
  'fingerprint-changed-unseen': (_f, e) => {
    const src = SOURCE_WORDS[e.fingerprint.source ?? ''] ?? 'build fingerprint';
    const since = formatAt(e.fingerprint.previousLastSeenAt, e.observedTo);
    return since
      ? `The site's ${src} changed some time since ${since}, when this app last saw the old one; when is unknown, so it counts for nothing`
      : `The site's ${src} changed at a time this app did not see; it counts for nothing`;
  },
  'no-release-seen': () =>
    'No new release of the site was seen close to when the errors began; the errors alone do not show a bad update',
  'app-error-no-release': (f) =>
    `${recognised(f, 'app-crash', 'error-in-200', 'not-found')}; no new version of the site was seen before it`,
} satisfies SentenceTable;
