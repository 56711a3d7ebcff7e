// DeepSeek's API: a 402 whose OpenAI-style error message is "Insufficient Balance" (its documented code
// for an account with no money left).

import { errorObject, text } from './ai-read';
import { found, type Recogniser } from './types';

/** DeepSeek. */
export const deepseek = {
  id: 'deepseek',
  name: 'DeepSeek',
  recognise(r) {
    if (r.status !== 402) return null;
    return text(errorObject(r), 'message') === 'Insufficient Balance' ? found(this, 'app', 'quota') : null;
  },
} satisfies Recogniser;
