// Groq's API: OpenAI-style `{"error":{…}}` whose messages point at console.groq.com.

import { errorObject, mentions, text } from './ai-read';
import { found, type Meaning, type Recogniser } from './types';

/** Groq. */
export const groq = {
  id: 'groq',
  name: 'Groq',
  recognise(r) {
    const error = errorObject(r);
    const message = text(error, 'message');
    if (!error || r.status < 400 || !mentions(message, 'console.groq.com')) return null;
    const code = text(error, 'code');
    let meaning: Meaning | null = null;
    // "Rate limit reached for model … in organization …": this account's own limit.
    if (code === 'rate_limit_exceeded' || r.status === 429)
      meaning = mentions(message, 'in organization') ? 'quota' : 'rate-limited';
    else if (r.status === 503) meaning = 'overloaded';
    else if (r.status >= 500) meaning = 'origin-error';
    return meaning ? found(this, 'app', meaning, code || undefined) : null;
  },
} satisfies Recogniser;
