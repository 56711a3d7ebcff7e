// The local-network sub-cause: which check's finding wins, its sentence and step, and "local first"
// when a service fault is seen together with a local fault.

import { describe, expect, it } from 'vitest';
import type { LocalCheckResult, LocalFinding } from '../types/local';
import { classify } from './classify';
import { endpoint, evidence, statusPage } from '../testing/evidence';
import { localConclusion } from './local';

function found(
  check: LocalCheckResult['check'],
  finding: LocalFinding,
  facts: LocalCheckResult['facts'] = {},
): LocalCheckResult {
  return {
    check,
    at: '2026-11-25T14:00:00.000Z',
    ms: 30,
    outcome: 'fault',
    finding,
    detail: `${finding} seen`,
    requests: 1,
    facts,
  };
}

function fine(check: LocalCheckResult['check']): LocalCheckResult {
  return {
    check,
    at: '2026-11-25T14:00:00.000Z',
    ms: 10,
    outcome: 'ok',
    finding: null,
    detail: 'fine',
    requests: 1,
  };
}

describe('localConclusion', () => {
  it('is null when the checks did not run or found nothing', () => {
    expect(localConclusion(evidence())).toBeNull();
    expect(
      localConclusion(
        evidence({ local: { reason: 'x', checks: [fine('dns'), fine('clock')], requests: 2 } }),
      ),
    ).toBeNull();
  });

  it('prefers the finding that explains the others (a sign-in page over a DNS answer)', () => {
    const checks = [
      found('dns', 'dns-bogus-answer', { host: 'character.ai' }),
      found('captive', 'captive-redirect'),
    ];
    const c = localConclusion(evidence({ local: { reason: 'x', checks, requests: 2 } }));
    expect(c?.cause).toBe('captive-portal');
    expect(c?.sentence).toBe('captive-redirect seen');
    expect(c?.step).toBe('Your Wi-Fi wants you to sign in: open any web page to see its sign-in screen');
  });

  it('words the clock and DNS steps with their numbers and names', () => {
    const clock = localConclusion(
      evidence({
        local: {
          reason: 'x',
          checks: [found('clock', 'clock-off', { skewSeconds: 2 * 3600 + 14 * 60 })],
          requests: 1,
        },
      }),
    );
    expect(clock?.step).toBe("Your computer's clock is 2 h 14 min behind: set the time automatically");
    const dns = localConclusion(
      evidence({
        local: {
          reason: 'x',
          checks: [found('dns', 'dns-system-fails', { host: 'character.ai' })],
          requests: 1,
        },
      }),
    );
    expect(dns?.step).toBe(
      "Your DNS server cannot find character.ai; switch DNS to automatic or to your provider's",
    );
  });

  it('says offline when every control failed and no check found a narrower cause', () => {
    const e = evidence({
      controls: { attempts: 2, failures: 2, outcomes: { refused: 2 } },
      local: { reason: 'x', checks: [fine('dns')], requests: 1 },
    });
    expect(localConclusion(e)?.cause).toBe('offline');
  });

  // Issue 18, item 6: DNS broken, DoH unreachable, yet the machine is online.
  it('says dns, not offline, when no lookup works but a control reached by address answered', () => {
    const e = evidence({
      controls: { attempts: 2, failures: 1, outcomes: { ok: 1, dns: 1 } },
      local: { reason: 'x', checks: [found('dns', 'dns-both-fail', { host: 'character.ai' })], requests: 1 },
    });
    const c = localConclusion(e);
    expect(c?.cause).toBe('dns');
    expect(c?.step).toContain('You are online, but no DNS server could look up character.ai');
  });

  it('says dns, not offline, when the "no content" address answered although every control failed', () => {
    const e = evidence({
      controls: { attempts: 2, failures: 2, outcomes: { dns: 2 } },
      local: { reason: 'x', checks: [found('dns', 'dns-both-fail'), fine('captive')], requests: 2 },
    });
    expect(localConclusion(e)?.cause).toBe('dns');
  });

  it('still says offline when neither lookups nor anything else answered', () => {
    const e = evidence({
      controls: { attempts: 2, failures: 2, outcomes: { refused: 2 } },
      local: { reason: 'x', checks: [found('dns', 'dns-both-fail')], requests: 1 },
    });
    expect(localConclusion(e)?.cause).toBe('offline');
  });
});

describe('classify with local checks', () => {
  it('reports a local fault first even beside a service fault (503s with an incident)', () => {
    const over = {
      site: endpoint('site', { fail: 4, code: 503 }),
      endpoints: [endpoint('health', { fail: 4, code: 503 })],
      statusPage: statusPage({ level: 'major-outage', openIncidents: 1, incidentImpact: 'major' }),
    };
    const service = classify(evidence(over));
    expect(service.verdict).not.toBe('local-network');
    const both = classify(
      evidence({
        ...over,
        local: { reason: 'the service failed', checks: [found('families', 'ipv6-broken')], requests: 1 },
      }),
    );
    expect(both.ranking[0]?.cause).toBe('local-network');
    expect(both.localCause).toBe('ipv6');
    expect(both.ranking[0]?.for[0]).toMatch(/^ipv6-broken seen$/i);
    expect(both.nextStep).toMatch(/^IPv6 is broken on this network/);
  });

  it('a sign-in page answering for everything is not "healthy"', () => {
    const looksFine = evidence({
      local: { reason: 'x', checks: [found('captive', 'captive-page')], requests: 1 },
    });
    const d = classify(looksFine);
    expect(d.verdict).toBe('local-network');
    expect(d.localCause).toBe('captive-portal');
    expect(classify(evidence()).verdict).toBe('healthy');
  });
});
