// The sentences for the other watched services at the same time (worded in peer-words.ts).

import { peersAnswerSentence, sharedVendorSentence } from './peer-words';
import type { SentenceTable } from './sentence-words';

/** The sentences of the peer features (features-peers.ts). */
export const PEERS_SENTENCES = {
  'peers-answer': (_f, e) => peersAnswerSentence(e),
  'shared-vendor-failure': (_f, e) => sharedVendorSentence(e),
} satisfies SentenceTable;
