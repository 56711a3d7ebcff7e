// The classifier's entry point: evidence in, diagnosis out. Pure and deterministic.

import type { Diagnosis, DiagnosisOutcome, RankedOutcome, Verdict } from '../types/diagnosis';
import { DIAGNOSIS_OUTCOMES } from '../types/diagnosis';
import type { Evidence } from '../types/evidence';
import { explainOutcome } from './explain';
import { detectFeatures, isThin, readFacts, type FeatureId } from './features';
import { localConclusion } from './local';
import { posterior } from './model';
import { nextStep } from './next-step';

/** The leader must reach this probability to be named the verdict. */
export const MIN_CONFIDENCE = 0.55;
/** …and lead the runner-up by at least this much. */
export const MIN_MARGIN = 0.15;

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Rounds the probabilities to 4 places and puts any rounding remainder on the leader, so they sum to 1. */
function roundedRanking(probs: Record<DiagnosisOutcome, number>): [DiagnosisOutcome, number][] {
  const order = DIAGNOSIS_OUTCOMES.map((o, i) => [o, probs[o], i] as const).sort(
    (a, b) => b[1] - a[1] || a[2] - b[2],
  );
  const rounded = order.map(([o, p]) => [o, round4(p)] as [DiagnosisOutcome, number]);
  const rest = rounded.slice(1).reduce((acc, [, p]) => acc + p, 0);
  if (rounded[0]) rounded[0][1] = round4(1 - rest);
  return rounded;
}

/** Weighs the evidence and names the most likely outcome, with reasons and the next step. */
export function classify(evidence: Evidence): Diagnosis {
  const facts = readFacts(evidence);
  const features = detectFeatures(evidence, facts);
  const thin = isThin(evidence, facts);
  const ranked = roundedRanking(posterior(features));

  const sentences = new Map<FeatureId, string>();
  const ranking: RankedOutcome[] = ranked.map(([cause, probability]) => ({
    cause,
    probability,
    ...explainOutcome(cause, features, facts, evidence, sentences),
  }));

  const [first, second] = ranked;
  const leader = first?.[0] ?? 'healthy';
  // With a symptom the user does see a fault, so the runner-up worth testing is the strongest other
  // cause, not "healthy" (which no test can confirm while the error is on screen).
  const contender = evidence.symptom ? ranked.find(([o]) => o !== leader && o !== 'healthy') : second;
  const runnerUp = contender?.[0] ?? leader;
  const top = first?.[1] ?? 0;
  const margin = top - (second?.[1] ?? 0);
  const clear = !thin && top >= MIN_CONFIDENCE && margin >= MIN_MARGIN;
  const verdict: Verdict = clear ? leader : 'unknown';
  const step = nextStep(evidence, leader, runnerUp, thin, { first: top, second: second?.[1] ?? 0 });

  return {
    target: evidence.target,
    verdict,
    confidence: top,
    ranking,
    nextStep: step.sentence,
    nextAction: step.action,
    observedFrom: evidence.observedFrom,
    observedTo: evidence.observedTo,
    evidence,
    localCause: localConclusion(evidence)?.cause ?? null,
  };
}
