// OpenRouter: `{"error":{"message":…,"code":402}}` with openrouter.ai addresses in the message.

import { errorObject, mentions, text } from './ai-read';
import { found, type Meaning, type Recogniser } from './types';

/** OpenRouter. */
export const openrouter = {
  id: 'openrouter',
  name: 'OpenRouter',
  recognise(r) {
    const error = errorObject(r);
    const message = text(error, 'message');
    if (!error || r.status < 400 || !mentions(message, 'openrouter.ai')) return null;
    let meaning: Meaning | null = null;
    if (r.status === 402 || mentions(message, 'credits')) meaning = 'quota';
    else if (r.status === 429) meaning = 'rate-limited';
    else if (r.status >= 500) meaning = 'origin-error';
    return meaning ? found(this, 'app', meaning, String(r.status)) : null;
  },
} satisfies Recogniser;
