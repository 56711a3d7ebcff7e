// The token split test: the same token endpoint asked with and without the token, and what the
// comparison says about the account.

import { describe, it, expect } from 'vitest';
import { classify } from '../../shared/classifier/classify';
import { detectFeatures, readFacts } from '../../shared/classifier/features';
import { buildEvidence } from './build';
import { controls, probe, rounds, SAMPLE_TARGET } from '../testing/synthetic';

/** Six rounds: site and health fine, `user` answering `withToken` with the token and `without` without it. */
function window(withToken: number, without: number) {
  return buildEvidence({
    target: SAMPLE_TARGET,
    rounds: rounds(6, (_i, at) => ({
      probes: [
        probe(at, { name: 'site', body: '<html>ok</html>' }),
        probe(at, { name: 'health', body: '{"redis":"UP"}' }),
        probe(at, { name: 'user', auth: true, status: withToken, ms: 60 }),
        probe(at, { name: 'user', path: 'anonymous', status: without, ms: 60 }),
        ...controls(at),
      ],
    })),
    tokenConfigured: true,
    alternateConfigured: false,
    symptom: false,
  });
}

describe('the token split test', () => {
  it('keeps the tokenless twin apart from the endpoint probed with the token', () => {
    const e = window(200, 401);
    expect(e.endpoints.filter((ep) => ep.name === 'user')).toHaveLength(1);
    expect(e.endpoints.find((ep) => ep.name === 'user')).toMatchObject({ auth: true, failures: 0 });
    expect(e.anonymous).toHaveLength(1);
    expect(e.anonymous![0]).toMatchObject({ name: 'user', path: 'anonymous', auth: false, needsToken: true });
    // The twin's expected 401 is no failure of the service.
    expect(e.firstFailureAt).toBeNull();
    expect(classify(e).verdict).toBe('healthy');
  });

  it('a token refused just as no token is refused points at the account', () => {
    const e = window(401, 401);
    const features = detectFeatures(e, readFacts(e));
    expect(features).toContain('token-rejected');
    const d = classify(e);
    expect(d.verdict).toBe('account');
    expect(d.ranking[0]!.for.join('\n')).toMatch(
      /refused your token just as it refuses a request sent with no token/,
    );
  });

  it('a server error only when the token is sent weighs toward the account', () => {
    const e = window(500, 401);
    expect(detectFeatures(e, readFacts(e))).toContain('token-only-server-error');
    expect(classify(e).ranking[0]!.cause).toBe('account');
  });

  it('the same server error with and without the token is not the account', () => {
    const e = window(500, 500);
    const features = detectFeatures(e, readFacts(e));
    expect(features).toContain('same-error-without-token');
    expect(features).not.toContain('token-rejected');
    const d = classify(e);
    expect(d.ranking[0]!.cause).not.toBe('account');
    expect(d.ranking.find((r) => r.cause === 'account')!.against.join('\n')).toMatch(
      /same server error with and without your token/,
    );
  });
});
