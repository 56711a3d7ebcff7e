// The extension scanner's public surface.

export { scanExtensions, type ScanOptions, type ScanResult } from './scan';
export { patternReaches } from './match-pattern';
