// The one rule for how a state reads given its cause, every standing's words listed so a change of
// wording shows in one diff, and the honest number (never "100%").

import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_OUTCOMES, type Verdict } from '../types/diagnosis';
import type { HealthState } from '../types/monitor';
import { modelShare, percent } from './share';
import { STANDINGS, STANDING_WORDS, standingClause, standingOf, standingSentence } from './standing';

const CAUSES: (Verdict | null)[] = [...DIAGNOSIS_OUTCOMES, 'unknown', null];
const STATES: (HealthState | null)[] = ['healthy', 'degraded', 'outage', 'local-network', 'unknown', null];

describe('standingOf', () => {
  it('reads every state with every cause by one rule', () => {
    const table = Object.fromEntries(
      STATES.map((state) => [
        String(state),
        Object.fromEntries(CAUSES.map((c) => [String(c), standingOf(state, c)])),
      ]),
    );
    expect(table['outage']).toEqual({
      overload: 'down',
      'bad-update': 'down',
      account: 'refuses-account',
      regional: 'down-regional',
      maintenance: 'maintenance',
      extensions: 'browser',
      permissions: 'down',
      'local-network': 'your-network',
      healthy: 'failing',
      unknown: 'failing',
      null: 'failing',
    });
    expect(new Set(Object.values(table['healthy']!))).toEqual(new Set(['working', 'your-network']));
    expect(new Set(Object.values(table['degraded']!))).toEqual(new Set(['degraded', 'your-network']));
    expect(new Set(Object.values(table['local-network']!))).toEqual(new Set(['your-network']));
    expect(table['null']!['healthy']).toBe('working');
    expect(table['null']!['unknown']).toBe('unknown');
  });

  it('never says "down" or "outage" for an account, a maintenance, an extension or your own network', () => {
    for (const cause of ['account', 'maintenance', 'extensions', 'local-network'] as const) {
      for (const state of STATES) {
        const standing = standingOf(state, cause);
        if (standing === 'working' || standing === 'degraded') continue;
        const words = STANDING_WORDS[standing];
        const text = [words.badge, words.tag, words.short, standingSentence('X', state, cause, '15:00')];
        expect(text.join(' '), `${cause} in ${state}`).not.toMatch(/\bdown\b|outage/i);
      }
    }
  });

  it('lists every standing in words', () => {
    expect(STANDINGS.map((s) => [STANDING_WORDS[s].badge, standingClause('Character.AI', s, '15:00 UTC')]))
      .toMatchInlineSnapshot(`
        [
          [
            "Working",
            "Character.AI is working normally",
          ],
          [
            "Degraded",
            "Character.AI is slow or partly failing",
          ],
          [
            "Down",
            "Character.AI is down",
          ],
          [
            "Down in your region",
            "Character.AI is down for your region or network path",
          ],
          [
            "Maintenance",
            "Character.AI is in planned maintenance until 15:00 UTC",
          ],
          [
            "Refuses your account",
            "Character.AI is up, but refuses your account",
          ],
          [
            "Your browser",
            "Character.AI is up, but a browser extension gets in the way",
          ],
          [
            "Your network",
            "Your network has a problem, not Character.AI",
          ],
          [
            "Failing",
            "Character.AI is failing for you, and the cause is not clear yet",
          ],
          [
            "Unknown",
            "We cannot tell yet how Character.AI is doing",
          ],
        ]
      `);
  });

  it('names the cause beside a service-side fault and a slow spell, not beside words that already say it', () => {
    expect(standingSentence('Svc', 'outage', 'overload')).toBe(
      'Svc is down, most likely because of too much traffic on their servers.',
    );
    expect(standingSentence('Svc', 'degraded', 'account')).toBe(
      'Svc is slow or partly failing, most likely because of a problem tied to your account or login session.',
    );
    expect(standingSentence('Svc', 'outage', 'account')).toBe('Svc is up, but refuses your account.');
    expect(standingSentence('Svc', 'outage', 'maintenance', '15:00 UTC')).toBe(
      'Svc is in planned maintenance until 15:00 UTC.',
    );
    expect(standingSentence('Svc', 'outage', 'maintenance')).toBe('Svc is in planned maintenance.');
  });
});

describe('the model share', () => {
  it('is never written as a certainty', () => {
    expect([1, 0.999, 0.995, 0.92, 0.004, 0].map(percent)).toEqual([
      '>99%',
      '>99%',
      '>99%',
      '92%',
      '<1%',
      '0%',
    ]);
    expect(modelShare(1)).toBe(">99% of the model's weight");
  });
});
