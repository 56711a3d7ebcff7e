// What a diagnosis could not test is said, with how to let it: every branch of the rule.

import { describe, expect, it } from 'vitest';
import { endpoint, evidence } from '../testing/evidence';
import { uncheckedCauses, uncheckedLine } from './not-checked';

describe('uncheckedCauses', () => {
  it('lists the account, a regional fault and extensions when nothing let them be tested', () => {
    const e = evidence({ anonymous: [endpoint('user', { path: 'anonymous', needsToken: true })] });
    expect(uncheckedCauses(e).map((u) => [u.cause, u.why])).toEqual([
      ['account', 'no token'],
      ['regional', 'no alternate path'],
      ['extensions', 'no extension scan'],
    ]);
    expect(uncheckedLine(uncheckedCauses(e)[0]!)).toMatch(
      /^Account or session: not checked — no token\. To check it, give your token: in the app under Settings → Token/,
    );
  });

  it('asks for an endpoint that needs the login when the target has none, and for a profile when none was found', () => {
    const e = evidence({ extensions: { scanned: true, profilesScanned: 0, suspects: [] } });
    expect(uncheckedCauses(e).map((u) => [u.cause, u.why])).toEqual([
      ['account', 'no endpoint that needs your login'],
      ['regional', 'no alternate path'],
      ['extensions', 'no browser profile found'],
    ]);
  });

  it('lists nothing once the token, the alternate path and a profile scan are there', () => {
    const e = evidence({
      auth: { tokenConfigured: true },
      alternateConfigured: true,
      extensions: { scanned: true, profilesScanned: 2, suspects: [] },
    });
    expect(uncheckedCauses(e)).toEqual([]);
  });
});
