// The Node side of the evidence: signals from probes, the build fingerprint, the extension scan, and
// buildEvidence that puts a window of rounds together for the classifier.

export { buildEvidence, failurePattern, isRegionName, type EvidenceInput } from './build';
export { readSignals, edgeFromRay } from './signals';
export { extractFingerprint, secondsBeforeErrors, FingerprintTracker, type Fingerprint } from './fingerprint';
export { scanExtensions, patternReaches, type ScanOptions, type ScanResult } from './extensions/index';
