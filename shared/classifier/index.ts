// The classifier's public surface.

export { classify, MIN_CONFIDENCE, MIN_MARGIN } from './classify';
export { ADVICE, adviceFor, type Advice } from './advice';
export { nextStep, outcomeLabel, type NextStep } from './next-step';
export { readFacts, detectFeatures, isThin, FEATURE_IDS, type FeatureId, type Facts } from './features';
export { PRIORS, LIKELIHOODS, TEMPERATURE, posterior, weight } from './model';
export { describe, explainOutcome } from './explain';
export { localConclusion, type LocalConclusion } from './local';
