// Google Cloud Storage: `x-guploader-uploadid` or `x-goog-*` headers (or `server: UploadServer`), with
// an XML `<Error><Code>` (XML API) or a JSON `{"error":{"code":…,"errors":[{"reason":…}]}}` (JSON API).

import { hasHeaderPrefix, header, jsonObject, xmlErrorCode } from './read';
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

/** The JSON API's first error reason, or null. */
function jsonReason(body: string): string | null {
  const error = jsonObject(body)?.error;
  if (!error || typeof error !== 'object') return null;
  const errors = (error as { errors?: unknown }).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : null;
  const reason = first && typeof first === 'object' ? (first as { reason?: unknown }).reason : null;
  return typeof reason === 'string' ? reason : null;
}

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
    const code = xmlErrorCode(r.body) ?? jsonReason(r.body);
    if (!code) return null;
    const meaning =
      CODES[code] ?? (r.status === 403 ? 'access-denied' : r.status === 401 ? 'token-rejected' : null);
    return meaning ? found(this, 'storage', meaning, code) : null;
  },
} satisfies Recogniser;
