// Google's APIs (Gemini, Vertex AI, Cloud Code): the google.rpc.Status body `{"error":{"code":503,
// "message":…,"status":"UNAVAILABLE"}}`. The status word and the message say overloaded, out of quota,
// refused for the user's location, or failed.

import { errorObject, mentions, text } from './ai-read';
import { stringAt } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** An upper-case google.rpc status word such as `RESOURCE_EXHAUSTED`. */
const STATUS_WORD = /^[A-Z_]{3,40}$/;

/** The `reason` of the first google.rpc.ErrorInfo in `details`, when it is a status-like word. */
function errorInfoReason(error: Record<string, unknown>): string | null {
  const details = Array.isArray(error.details) ? error.details.slice(0, 8) : [];
  for (const detail of details) {
    const reason = stringAt(detail, 'reason');
    if (reason && STATUS_WORD.test(reason)) return reason;
  }
  return null;
}

/** Google API. */
export const googleApi = {
  id: 'google-api',
  name: "Google's API",
  recognise(r) {
    const error = errorObject(r);
    const status = text(error, 'status');
    if (!error || r.status < 400 || typeof error.code !== 'number' || !STATUS_WORD.test(status)) return null;
    const message = text(error, 'message');
    let meaning: Meaning | null = null;
    if (status === 'UNAVAILABLE')
      meaning = mentions(message, 'overloaded', 'high demand', 'no capacity', 'capacity exhausted')
        ? 'overloaded'
        : 'origin-unreachable';
    else if (status === 'RESOURCE_EXHAUSTED') meaning = mentions(message, 'quota') ? 'quota' : 'rate-limited';
    else if (status === 'FAILED_PRECONDITION' && mentions(message, 'location is not supported'))
      meaning = 'geo-block';
    else if (status === 'INTERNAL') meaning = 'origin-error';
    else if (status === 'DEADLINE_EXCEEDED') meaning = 'origin-timeout';
    else if (status === 'PERMISSION_DENIED') meaning = 'access-denied';
    else if (status === 'UNAUTHENTICATED') meaning = 'token-rejected';
    if (!meaning) return null;
    // The ErrorInfo reason (MODEL_CAPACITY_EXHAUSTED) is more telling than the status word.
    return found(this, 'app', meaning, errorInfoReason(error) ?? status);
  },
} satisfies Recogniser;
