// Mistral AI's API: `{"object":"error","message":…,"type":…,"code":…}`.

import { mentions, text } from './ai-read';
import { jsonObject } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** Mistral AI. */
export const mistral = {
  id: 'mistral',
  name: 'Mistral AI',
  recognise(r) {
    const json = jsonObject(r);
    if (r.status < 400 || json?.object !== 'error') return null;
    const type = text(json, 'type');
    const message = text(json, 'message');
    let meaning: Meaning | null = null;
    if (mentions(message, 'capacity exceeded') || type === 'service_tier_capacity_exceeded')
      meaning = 'overloaded';
    else if (type === 'rate_limited' || r.status === 429) meaning = 'rate-limited';
    else if (r.status === 401) meaning = 'token-rejected';
    else if (r.status >= 500) meaning = 'origin-error';
    const code = text(json, 'code');
    return meaning ? found(this, 'app', meaning, code || undefined) : null;
  },
} satisfies Recogniser;
