// The watched service's own API shapes: Character.AI's `{"command":"neo_error"}` (an error inside an
// HTTP 200, sent by its chat backend).

import { jsonObject } from './read';
import { found, type Recogniser } from './types';

/** Character.AI's chat API. */
export const characterAi = {
  id: 'character.ai',
  name: 'Character.AI',
  recognise(r) {
    const json = jsonObject(r.body);
    if (json?.command !== 'neo_error') return null;
    return found(this, 'app', r.status < 400 ? 'error-in-200' : 'origin-error', 'neo_error');
  },
} satisfies Recogniser;
