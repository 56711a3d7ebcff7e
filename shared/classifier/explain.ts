// Turns each present feature into one plain sentence with the numbers (the sentences live by family
// in sentences-*.ts), and sorts those sentences into each outcome's "for" and "against" lists by the
// sign and size of the feature's weight.

import type { DiagnosisOutcome } from '../types/diagnosis';
import type { Evidence } from '../types/evidence';
import type { Facts } from './facts';
import type { FeatureId } from './feature-ids';
import { weight } from './model';
import type { Sentence } from './sentence-words';
import { ACCOUNT_SENTENCES } from './sentences-account';
import { BROWSER_SENTENCES } from './sentences-browser';
import { FAILURES_SENTENCES } from './sentences-failures';
import { NETWORK_SENTENCES } from './sentences-network';
import { ORIGIN_SENTENCES } from './sentences-origin';
import { PEERS_SENTENCES } from './sentences-peers';
import { RELEASE_SENTENCES } from './sentences-release';
import { STATUS_SENTENCES } from './sentences-status';

export { joinWords } from './join-words';
export { codeLabel, endpointLabel } from './sentence-words';
export { recognitionSentence } from './recognition-words';

/** Every feature's sentence: the type checks that no feature is left without one. */
const SENTENCES: Record<FeatureId, Sentence> = {
  ...FAILURES_SENTENCES,
  ...ORIGIN_SENTENCES,
  ...STATUS_SENTENCES,
  ...RELEASE_SENTENCES,
  ...ACCOUNT_SENTENCES,
  ...NETWORK_SENTENCES,
  ...PEERS_SENTENCES,
  ...BROWSER_SENTENCES,
};

/** The plain sentence for one present feature, starting with a capital letter. */
export function describe(id: FeatureId, f: Facts, e: Evidence): string {
  const text = SENTENCES[id](f, e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Below this weight (natural log) a feature is not worth a line in an outcome's lists. */
const MIN_WEIGHT = 0.05;
/**
 * Features that weigh nothing but are still written, last in one outcome's "against" list, because
 * they answer the obvious question ("the build changed — so was it an update?").
 */
const NOTES: Partial<Record<FeatureId, DiagnosisOutcome>> = { 'fingerprint-changed-unseen': 'bad-update' };

/** At most this many sentences per list. */
const MAX_LINES = 6;

/**
 * The "for" and "against" sentences of one outcome, strongest first. `sentences` may hold the
 * sentences already made for this evidence (classify makes each one once for all nine outcomes).
 */
export function explainOutcome(
  outcome: DiagnosisOutcome,
  features: readonly FeatureId[],
  f: Facts,
  e: Evidence,
  sentences: Map<FeatureId, string> = new Map(),
): { for: string[]; against: string[] } {
  const text = (id: FeatureId): string => {
    let s = sentences.get(id);
    if (s === undefined) {
      s = describe(id, f, e);
      sentences.set(id, s);
    }
    return s;
  };
  const pro: [number, string][] = [];
  const con: [number, string][] = [];
  for (const id of features) {
    const w = weight(id, outcome);
    if (w > MIN_WEIGHT) pro.push([w, text(id)]);
    else if (w < -MIN_WEIGHT) con.push([-w, text(id)]);
  }
  const top = (list: [number, string][]): string[] =>
    list
      .sort((a, b) => b[0] - a[0])
      .slice(0, MAX_LINES)
      .map(([, s]) => s);
  const against = top(con);
  for (const id of features) {
    if (NOTES[id] === outcome) against.push(text(id));
  }
  return { for: top(pro), against };
}
