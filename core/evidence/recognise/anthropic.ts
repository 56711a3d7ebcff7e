// Anthropic's API: `{"type":"error","error":{"type":"overloaded_error","message":…}}`. Its own error type
// says what happened: overloaded (529), a rate limit for everyone or for this account, no credit left,
// a server error.

import { errorObject, mentions, text } from './ai-read';
import { jsonObject } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** What each of Anthropic's error types means (rate limits are split by their message). */
const TYPES: Record<string, Meaning> = {
  overloaded_error: 'overloaded',
  api_error: 'origin-error',
  authentication_error: 'token-rejected',
  permission_error: 'access-denied',
  not_found_error: 'not-found',
  billing_error: 'quota',
};

/** Anthropic. */
export const anthropic = {
  id: 'anthropic',
  name: 'Anthropic',
  recognise(r) {
    if (r.status < 400 || jsonObject(r)?.type !== 'error') return null;
    const error = errorObject(r);
    const type = text(error, 'type');
    const message = text(error, 'message');
    if (!type) return null;
    let meaning: Meaning | null = TYPES[type] ?? null;
    if (type === 'rate_limit_error')
      // "your account's rate limit", "the rate limit for your organization": this account's own limit.
      meaning = mentions(message, 'your account', 'your organization', "organization's")
        ? 'quota'
        : 'rate-limited';
    else if (type === 'invalid_request_error' && mentions(message, 'credit balance')) meaning = 'quota';
    return meaning ? found(this, 'app', meaning, type) : null;
  },
} satisfies Recogniser;
