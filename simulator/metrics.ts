// Scores a scenario suite: accuracy, a confusion matrix over the nine outcomes plus `unknown`, and a
// calibration table (does a stated confidence of 0.9 come true about 9 times in 10?).

import { DIAGNOSIS_OUTCOMES, type Verdict } from '../shared/types/diagnosis';

/** One scored case: what it should be, what was said, and how sure. */
export interface ScoredCase {
  name: string;
  expected: Verdict;
  /** Null when the run produced no diagnosis (counted as wrong, column `none`). */
  verdict: Verdict | null;
  confidence: number | null;
}

/** Rows and columns of the confusion matrix: the nine outcomes and `unknown`. */
export const MATRIX_LABELS: readonly Verdict[] = [...DIAGNOSIS_OUTCOMES, 'unknown'];

/** One confidence bucket of the calibration table. */
export interface CalibrationBucket {
  from: number;
  to: number;
  count: number;
  /** Mean stated confidence of the cases in the bucket. */
  meanConfidence: number | null;
  /** Share of the cases in the bucket whose verdict was right. */
  shareRight: number | null;
}

/** The suite's scores. */
export interface SuiteScore {
  cases: number;
  right: number;
  accuracy: number;
  /** matrix[expected][said]: counts; `said` may also be `none` (no diagnosis). */
  matrix: Record<string, Record<string, number>>;
  calibration: CalibrationBucket[];
  /** Expected calibration error: the count-weighted mean |confidence − share right| over the buckets. */
  ece: number;
  /** Mean squared error of the stated confidence against being right (0 best). */
  brier: number;
  wrong: ScoredCase[];
}

/** Confidence bucket edges: [0, 0.5), [0.5, 0.6) … [0.9, 1]. */
export const BUCKET_EDGES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

/** Scores `cases`. */
export function scoreSuite(cases: ScoredCase[]): SuiteScore {
  const matrix: Record<string, Record<string, number>> = {};
  for (const row of MATRIX_LABELS) {
    matrix[row] = {};
    for (const col of [...MATRIX_LABELS, 'none']) (matrix[row] as Record<string, number>)[col] = 0;
  }
  const wrong: ScoredCase[] = [];
  let right = 0;
  let brier = 0;
  const buckets = BUCKET_EDGES.slice(0, -1).map((from, i) => ({
    from,
    to: BUCKET_EDGES[i + 1] as number,
    confidences: [] as number[],
    right: 0,
  }));
  for (const c of cases) {
    const said = c.verdict ?? 'none';
    const row = matrix[c.expected] as Record<string, number>;
    row[said] = (row[said] ?? 0) + 1;
    const ok = c.verdict === c.expected;
    if (ok) right++;
    else wrong.push(c);
    const confidence = c.confidence ?? 0;
    brier += (confidence - (ok ? 1 : 0)) ** 2;
    const bucket =
      buckets.find((b) => confidence >= b.from && (confidence < b.to || b.to === 1)) ?? buckets[0];
    if (bucket) {
      bucket.confidences.push(confidence);
      if (ok) bucket.right++;
    }
  }
  const calibration = buckets.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.confidences.length,
    meanConfidence: b.confidences.length
      ? b.confidences.reduce((s, x) => s + x, 0) / b.confidences.length
      : null,
    shareRight: b.confidences.length ? b.right / b.confidences.length : null,
  }));
  const ece =
    cases.length === 0
      ? 0
      : calibration.reduce(
          (s, b) =>
            s +
            (b.count && b.meanConfidence !== null && b.shareRight !== null
              ? (b.count / cases.length) * Math.abs(b.meanConfidence - b.shareRight)
              : 0),
          0,
        );
  return {
    cases: cases.length,
    right,
    accuracy: cases.length ? right / cases.length : 0,
    matrix,
    calibration,
    ece,
    brier: cases.length ? brier / cases.length : 0,
    wrong,
  };
}

const SHORT: Record<string, string> = {
  overload: 'overl',
  'bad-update': 'badup',
  account: 'accnt',
  regional: 'regio',
  maintenance: 'maint',
  extensions: 'exten',
  permissions: 'perms',
  'local-network': 'local',
  healthy: 'healt',
  unknown: 'unkno',
  none: 'none',
};

/** The confusion matrix as text lines: rows expected, columns said. */
export function matrixLines(score: SuiteScore): string[] {
  const cols = [...MATRIX_LABELS, 'none'];
  const header = `${'expected \\ said'.padEnd(15)}${cols.map((c) => (SHORT[c] ?? c).padStart(6)).join('')}`;
  const rows = MATRIX_LABELS.map((row) => {
    const counts = score.matrix[row] ?? {};
    return `${row.padEnd(15)}${cols.map((c) => String(counts[c] || '.').padStart(6)).join('')}`;
  });
  return [header, ...rows];
}

/** The calibration table as text lines. */
export function calibrationLines(score: SuiteScore): string[] {
  const lines = ['confidence     cases   mean conf   share right'];
  for (const b of score.calibration) {
    const range = `${b.from.toFixed(1)}–${b.to.toFixed(1)}`;
    const mean = b.meanConfidence === null ? '–' : b.meanConfidence.toFixed(2);
    const share = b.shareRight === null ? '–' : `${(b.shareRight * 100).toFixed(0)}%`;
    lines.push(`${range.padEnd(14)}${String(b.count).padStart(6)}${mean.padStart(12)}${share.padStart(14)}`);
  }
  return lines;
}

/** Words that speak of the site being changed. */
const RELEASE_WORDS = /\b(?:updated?|updates|releas\w*|deploy\w*)\b/i;

/** A negation before the release word in the same clause: "No new release … was seen" claims nothing. */
const NO_RELEASE = /\b(?:no|not|never|without)\b[^.;:]*\b(?:updated?|updates|releas\w*|deploy\w*|version)\b/i;

/** True when a sentence claims the site was changed: in a world with no deploy, such a sentence is false. */
export function claimsRelease(sentence: string): boolean {
  return RELEASE_WORDS.test(sentence) && !NO_RELEASE.test(sentence);
}

/** Every distinct evidence sentence of a diagnosis (for and against, every cause). */
export function evidenceSentences(d: { ranking: { for: string[]; against: string[] }[] } | null): string[] {
  if (!d) return [];
  return [...new Set(d.ranking.flatMap((r) => [...r.for, ...r.against]))];
}
