// Seeded random windows of rounds for each outcome, with noise and missing pieces (no status page,
// an inactive or lagging one, no token, no alternate path, no controls, a bot check on the site,
// stray failures). Used to check and tune the classifier's calibration: the true cause is known,
// and some windows are honestly ambiguous.

import type { DiagnosisOutcome } from '../../shared/types/diagnosis';
import { DIAGNOSIS_OUTCOMES } from '../../shared/types/diagnosis';
import type { Evidence, ExtensionSuspect, FingerprintEvidence } from '../../shared/types/evidence';
import type { Outcome, ProbeResult } from '../../shared/types/probe';
import type { StatusReading } from '../../shared/types/status';
import { seededRandom } from '../monitor/random';
import { buildEvidence } from '../evidence/build';
import {
  controls,
  probe,
  rounds,
  SAMPLE_TARGET,
  statusReading,
  statusUnavailable,
  type ProbeSpec,
} from './synthetic';

/** One generated window and the cause that generated it. */
export interface RandomCase {
  truth: DiagnosisOutcome;
  evidence: Evidence;
}

const TARGET = {
  ...SAMPLE_TARGET,
  endpoints: [...SAMPLE_TARGET.endpoints, { name: 'models', url: 'https://neo.character.ai/models' }],
};
const BASELINES = { 'direct:site': 250, 'direct:health': 180, 'direct:user': 200, 'direct:models': 160 };
const ANON = ['site', 'health', 'models'] as const;

/** Generates `perOutcome` windows for each of the nine outcomes from `seed`. */
export function randomCases(perOutcome: number, seed = 500): RandomCase[] {
  const r = seededRandom(seed);
  const chance = (p: number) => r() < p;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);
  const out: RandomCase[] = [];

  for (const truth of DIAGNOSIS_OUTCOMES) {
    for (let n = 0; n < perOutcome; n++) {
      const count = 1 + Math.floor(r() * 8);
      const pageMode = pick(['none', 'inactive', 'truthful', 'truthful', 'lagging'] as const);
      const token = truth === 'account' ? chance(0.85) : chance(0.5);
      const alternate = truth === 'regional' ? chance(0.7) : chance(0.35);
      const hasControls = truth === 'local-network' ? chance(0.9) : chance(0.85);
      const challengeSite = chance(0.25);
      const noise = chance(0.3) ? 0.03 : 0;
      const slow = truth === 'healthy' && chance(0.25) ? between(2, 3.5) : 1;
      const deployAt = Math.floor(r() * Math.max(1, count / 2));
      const fpSource = pick(['x-app-version', 'asset', 'buildId', 'none'] as const);
      const brokenAnon = pick(['health', 'models'] as const);
      const deniedAnon = pick(['health', 'models'] as const);
      const overloadRate = between(0.3, 0.9);
      const regionalKind = pick(['timeout-connect', 'reset', '522'] as const);
      const accountCode = pick([401, 403, 500] as const);
      const localKind = pick(['dns', 'timeout-connect', 'unreachable'] as const);
      const maintWording = chance(0.6);
      const maintRetry = chance(0.5);
      const suspects: ExtensionSuspect[] = chance(0.8)
        ? [{ browser: 'Chrome', profile: 'Default', id: 'x', name: 'Page Tweaker', reach: '<all_urls>' }]
        : [];
      const symptom = truth === 'extensions' || (truth === 'account' && !token);

      const fail = (spec: Partial<ProbeSpec>, kind: Outcome | number, ms: number): Partial<ProbeSpec> =>
        typeof kind === 'number'
          ? { ...spec, status: kind, ms }
          : { ...spec, status: null, outcome: kind, ms, headers: {} };

      const siteBody = (i: number): string => {
        const after = truth === 'bad-update' && i >= deployAt;
        if (fpSource === 'asset')
          return `<script src="/static/js/main.${after ? 'a1b2c3d4' : '9f8e7d6c'}.js"></script>`;
        if (fpSource === 'buildId')
          return `<script>{"buildId":"${after ? 'newBuild2' : 'oldBuild1'}"}</script>`;
        return '<html>ok</html>';
      };
      const siteHeaders = (i: number): Record<string, string> => {
        const after = truth === 'bad-update' && i >= deployAt;
        return {
          'cf-ray': `abc-${truth === 'regional' ? 'FRA' : 'AMS'}`,
          ...(fpSource === 'x-app-version' ? { 'x-app-version': after ? '2.0.1' : '2.0.0' } : {}),
        };
      };

      /** One direct (or alternate) probe of one endpoint in round i. */
      const one = (name: string, i: number, path: 'direct' | 'alternate'): ProbeResult | null => {
        const base: Partial<ProbeSpec> = {
          name,
          path,
          ms: (BASELINES[`direct:${name}` as keyof typeof BASELINES] ?? 200) * slow,
        };
        const at = new Date(Date.parse('2026-11-20T12:00:00Z') + i * 30_000).toISOString();
        const isUser = name === 'user';
        if (isUser) {
          if (!token) return probe(at, { ...base, name, status: 401, auth: false });
          base.auth = true;
        }
        if (name === 'site') {
          base.body = siteBody(i);
          base.headers = siteHeaders(i);
          if (challengeSite) {
            return probe(at, {
              ...base,
              name,
              status: 403,
              outcome: 'challenge',
              headers: { 'cf-mitigated': 'challenge' },
            });
          }
        }
        let spec: Partial<ProbeSpec> = base;
        switch (truth) {
          case 'overload':
            if (chance(overloadRate)) {
              spec = fail(
                base,
                pick([503, 502, 504, 429, 522, 524, 'timeout-headers'] as const),
                between(800, 8000),
              );
              if (chance(0.3)) spec.headers = { ...spec.headers, 'retry-after': '30' };
            } else spec = { ...base, ms: (base.ms ?? 200) * between(1.5, 5) };
            if (name === 'site' && chance(0.15)) spec = { ...base, body: '<title>Waiting Room</title>' };
            break;
          case 'bad-update':
            if (i >= deployAt && (name === brokenAnon || (isUser && chance(0.3))))
              spec = fail(base, 500, between(20, 80));
            break;
          case 'account':
            if (isUser) spec = fail(base, accountCode, between(50, 300));
            break;
          case 'regional':
            if (path === 'direct' && chance(0.85)) {
              spec = fail(
                base,
                regionalKind === '522' ? 522 : regionalKind,
                regionalKind === '522' ? 15000 : 5000,
              );
            }
            break;
          case 'maintenance':
            spec = fail(base, 503, between(30, 150));
            spec.body = maintWording ? '<h1>Down for scheduled maintenance</h1>' : 'Service Unavailable';
            if (maintRetry) spec.headers = { 'retry-after': '1800' };
            break;
          case 'permissions':
            if (name === deniedAnon) {
              spec = fail(base, pick([403, 401] as const), between(30, 90));
              spec.body = chance(0.6) ? '<Error><Code>AccessDenied</Code></Error>' : 'permission denied';
            }
            break;
          case 'local-network':
            spec = fail(base, localKind, localKind === 'dns' ? 20 : 5000);
            break;
          default:
            break;
        }
        if (noise > 0 && chance(noise)) spec = fail(base, 'timeout-headers', 10000);
        return probe(at, { ...spec, name });
      };

      const status = (at: string): StatusReading | null => {
        if (pageMode === 'none') return null;
        if (pageMode === 'inactive') return statusUnavailable(at, 'inactive');
        if (pageMode === 'lagging') return statusReading(at);
        switch (truth) {
          case 'overload':
            return statusReading(at, {
              level: 'degraded',
              incidents: [{ name: 'Elevated error rates', impact: 'minor' }],
            });
          case 'bad-update':
            return chance(0.5)
              ? statusReading(at, {
                  level: 'partial-outage',
                  incidents: [{ name: 'Errors after release', impact: 'major' }],
                })
              : statusReading(at);
          case 'regional':
            return statusReading(at, {
              level: 'partial-outage',
              components: [
                { name: 'Website', status: 'operational' },
                { name: 'Europe', status: 'major-outage' },
              ],
            });
          case 'maintenance':
            return statusReading(at, { level: 'maintenance', maintenanceInProgress: [{ name: 'Upgrade' }] });
          default:
            return statusReading(
              at,
              chance(0.2)
                ? { maintenanceUpcoming: [{ name: 'Later', scheduledFor: '2026-12-01T00:00:00Z' }] }
                : {},
            );
        }
      };

      const localControl: Outcome = truth === 'local-network' ? localKind : 'ok';
      const windowRounds = rounds(count, (i, at) => {
        const probes: ProbeResult[] = [];
        for (const name of [...ANON, 'user']) {
          const p = one(name, i, 'direct');
          if (p) probes.push(p);
          if (alternate && name !== 'user') {
            const a = one(name, i, 'alternate');
            if (a) probes.push({ ...a, headers: { ...a.headers, 'cf-ray': 'def-AMS' } });
          }
        }
        if (hasControls) probes.push(...controls(at, localControl));
        return { probes, status: status(at) };
      });

      let fingerprint: FingerprintEvidence | undefined;
      if (truth !== 'bad-update' && fpSource !== 'none' && chance(0.5)) {
        fingerprint = {
          current: 'x',
          previous: null,
          changedAt: null,
          source: 'etag',
          secondsBeforeErrors: null,
          firstSeenAt: '2026-11-18T00:00:00.000Z',
        };
      }
      const evidence = buildEvidence({
        target: TARGET,
        rounds: windowRounds,
        baselines: chance(0.7) ? BASELINES : {},
        ...(fingerprint ? { fingerprint } : {}),
        extensions: symptom ? { scanned: true, profilesScanned: 1, suspects } : undefined,
        tokenConfigured: token,
        alternateConfigured: alternate,
        symptom,
      });
      out.push({ truth, evidence });
    }
  }
  return out;
}

/** One row of a calibration table: cases whose leader probability fell in [from, to). */
export interface CalibrationRow {
  from: number;
  to: number;
  cases: number;
  meanConfidence: number;
  shareRight: number;
}

/**
 * Calibration of leader probabilities against the truth: a table by tenths and the expected
 * calibration error (the case-weighted mean gap between confidence and share right).
 */
export function calibration(points: { confidence: number; right: boolean }[]): {
  rows: CalibrationRow[];
  expectedError: number;
} {
  const rows: CalibrationRow[] = [];
  let weighted = 0;
  for (let b = 0; b < 10; b++) {
    const inBucket = points.filter((p) => Math.min(9, Math.floor(p.confidence * 10)) === b);
    if (inBucket.length === 0) continue;
    const meanConfidence = inBucket.reduce((a, p) => a + p.confidence, 0) / inBucket.length;
    const shareRight = inBucket.filter((p) => p.right).length / inBucket.length;
    rows.push({ from: b / 10, to: (b + 1) / 10, cases: inBucket.length, meanConfidence, shareRight });
    weighted += inBucket.length * Math.abs(meanConfidence - shareRight);
  }
  return { rows, expectedError: points.length > 0 ? weighted / points.length : 0 };
}
