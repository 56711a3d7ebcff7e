import { describe, it, expect } from 'vitest';
import { codeLabel, describe as sentence, explainOutcome, joinWords } from './explain';
import { detectFeatures, readFacts } from './features';
import { endpoint, evidence, statusPage } from '../testing/evidence';

describe('sentences', () => {
  it('puts the numbers in the latency sentence', () => {
    const e = evidence({ endpoints: [endpoint('health', { medianMs: 540, baselineMs: 180 })] });
    expect(sentence('latency-rise', readFacts(e), e)).toBe(
      "Responses from “health” took 540 ms, about three times this service's usual 180 ms",
    );
  });

  it('names codes with their meaning and counts', () => {
    const e = evidence({ site: endpoint('site', { attempts: 6, fail: 4, code: 503 }) });
    expect(sentence('overload-codes', readFacts(e), e)).toContain('503 “Service Unavailable” 4 times');
    expect(sentence('failures-present', readFacts(e), e)).toBe(
      '4 of 10 requests to Example failed (40%), on the site page',
    );
  });

  it('says other sites load fine when the controls pass', () => {
    const e = evidence();
    expect(sentence('controls-ok', readFacts(e), e)).toBe('Other sites load fine, so your connection works');
  });

  it('reports maintenance in progress with its name and end', () => {
    const e = evidence({
      statusPage: statusPage({
        maintenanceInProgress: true,
        maintenanceName: 'Database migration',
        maintenanceUntil: '2026-11-20T13:30:00.000Z',
      }),
    });
    expect(sentence('status-maintenance', readFacts(e), e)).toBe(
      'The status page reports maintenance in progress: “Database migration”, planned to end at 13:30 UTC',
    );
  });

  it('names the extension suspects', () => {
    const e = evidence({
      extensions: {
        scanned: true,
        profilesScanned: 1,
        suspects: [
          { browser: 'Chrome', profile: 'Default', id: 'a', name: 'Dark Reader', reach: '<all_urls>' },
          { browser: 'Firefox', profile: 'x.default', id: 'b', name: 'uBlock', reach: '*://*/*' },
        ],
      },
    });
    expect(sentence('extension-suspects', readFacts(e), e)).toBe(
      '2 installed browser extensions can read or change this site: Dark Reader, uBlock',
    );
  });

  it('has helpers that format plainly', () => {
    expect(codeLabel(522)).toBe('522 “Cloudflare: connection timed out”');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('explainOutcome', () => {
  it('puts a feature in "for" where it raises the odds and in "against" where it lowers them', () => {
    const e = evidence({ site: endpoint('site', { fail: 2, code: 503 }) });
    const f = readFacts(e);
    const feats = detectFeatures(e, f);
    const overload = explainOutcome('overload', feats, f, e);
    const local = explainOutcome('local-network', feats, f, e);
    expect(overload.for.some((s) => s.includes('503'))).toBe(true);
    expect(local.against).toContain('Other sites load fine, so your connection works');
    expect(overload.for).not.toContain('Other sites load fine, so your connection works');
  });
});
