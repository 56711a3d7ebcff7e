// The watched service's own API shapes: Character.AI's `{"command":"neo_error"}` (an error inside an
// HTTP 200, sent by its chat backend).

import { jsonObject } from './read';
import { found, type Meaning, type Recogniser } from './types';

/** Character.AI's chat API. */
export const characterAi = {
  id: 'character.ai',
  name: 'Character.AI',
  recognise(r) {
    const json = jsonObject(r);
    if (json?.command !== 'neo_error') return null;
    return found(this, 'app', r.status < 400 ? 'error-in-200' : 'origin-error');
  },
} satisfies Recogniser;

/** GitHub's REST API: a JSON `{"message":…,"documentation_url":"https://docs.github.com/…"}`. */
export const github = {
  id: 'github',
  name: 'GitHub',
  recognise(r) {
    const json = jsonObject(r);
    const docs = json?.documentation_url;
    if (
      typeof docs !== 'string' ||
      !/^https:\/\/(?:docs|developer)\.github\.com\//.test(docs) ||
      r.status < 400
    )
      return null;
    const message = typeof json?.message === 'string' ? json.message : '';
    let meaning: Meaning | null = null;
    if (/rate.limit/i.test(message + docs) || r.status === 429) meaning = 'rate-limited';
    else if (r.status === 401) meaning = 'token-rejected';
    else if (r.status === 403) meaning = 'access-denied';
    else if (r.status === 404) meaning = 'not-found';
    else if (r.status >= 500) meaning = 'origin-error';
    return meaning ? found(this, 'app', meaning) : null;
  },
} satisfies Recogniser;
