// Google Cloud Storage: `x-guploader-uploadid` or `x-goog-*` headers (or `server: UploadServer`), with
// an XML `<Error><Code>` (XML API) or a JSON `{"error":{"code":…,"errors":[{"reason":…}]}}` (JSON API).

import { hasHeaderPrefix, header, jsonObject, stringAt, xmlErrorCode } from './read';
import { found, type Meaning, type Recogniser } from './types';

const CODES: Record<string, Meaning> = {
  AccessDenied: 'access-denied',
  forbidden: 'access-denied',
  UserProjectAccountProblem: 'access-denied',
  AccountDisabled: 'access-denied',
  authError: 'token-rejected',
  AuthenticationRequired: 'token-rejected',
  InvalidAuthenticationInfo: 'token-rejected',
  ExpiredToken: 'token-rejected',
  required: 'token-rejected',
  NoSuchKey: 'not-found',
  NoSuchBucket: 'not-found',
  notFound: 'not-found',
  SlowDown: 'rate-limited',
  rateLimitExceeded: 'rate-limited',
  InternalError: 'origin-error',
  backendError: 'origin-error',
};

/** Google Cloud Storage. */
export const gcs = {
  id: 'gcs',
  name: 'Google Cloud Storage',
  recognise(r) {
    const marked =
      'x-guploader-uploadid' in r.headers ||
      hasHeaderPrefix(r, 'x-goog-') ||
      header(r, 'server') === 'uploadserver';
    if (!marked || r.status < 400) return null;
    const code = xmlErrorCode(r.body) ?? stringAt(jsonObject(r), 'error', 'errors', 0, 'reason');
    if (!code) return null;
    const meaning =
      CODES[code] ?? (r.status === 403 ? 'access-denied' : r.status === 401 ? 'token-rejected' : null);
    return meaning ? found(this, 'storage', meaning, code) : null;
  },
} satisfies Recogniser;
