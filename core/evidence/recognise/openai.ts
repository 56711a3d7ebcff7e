// OpenAI's API: `{"error":{"message":…,"type":…,"param":…,"code":…}}`, told apart from other
// OpenAI-compatible APIs by OpenAI's own codes or its help-centre address in the message.

import { errorObject, mentions, text } from './ai-read';
import { found, type Meaning, type Recogniser } from './types';

/** OpenAI. */
export const openai = {
  id: 'openai',
  name: 'OpenAI',
  recognise(r) {
    const error = errorObject(r);
    if (!error || r.status < 400 || !('param' in error)) return null;
    const type = text(error, 'type');
    const code = text(error, 'code');
    const message = text(error, 'message');
    const own =
      code === 'unsupported_country_region_territory' ||
      type === 'insufficient_quota' ||
      mentions(message, 'help.openai.com', 'platform.openai.com');
    if (!own) return null;
    let meaning: Meaning | null = null;
    if (code === 'unsupported_country_region_territory') meaning = 'geo-block';
    else if (type === 'insufficient_quota' || code === 'insufficient_quota') meaning = 'quota';
    else if (mentions(message, 'overloaded')) meaning = 'overloaded';
    else if (r.status === 429) meaning = 'rate-limited';
    else if (type === 'server_error' || r.status >= 500) meaning = 'origin-error';
    else if (r.status === 401) meaning = 'token-rejected';
    return meaning ? found(this, 'app', meaning, code || type || undefined) : null;
  },
} satisfies Recogniser;
