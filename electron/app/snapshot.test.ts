// The window's snapshot: what the renderer receives of each target, bodies cut to what it can show.

import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../shared/config/defaults';
import { TEXT_LIMITS } from '../../shared/text/sanitize';
import type { Round } from '../../shared/types/monitor';
import { sampleProbe } from '../../core/testing/report-inputs';
import { status } from '../testing/fakes';
import { buildSnapshot } from './snapshot';

describe('buildSnapshot', () => {
  it('sends the window a body excerpt, not the 64 KiB the recognisers read', () => {
    const config = resolveConfig({ targets: [{ name: 'T', site: 'https://t.example/' }] });
    const round: Round = {
      target: 'T',
      startedAt: '2026-11-26T00:05:00.000Z',
      finishedAt: '2026-11-26T00:05:00.200Z',
      probes: [
        sampleProbe({ name: 'big', body: `<h1>500</h1>\n${'x'.repeat(64 * 1024 - 14)}` }),
        sampleProbe({ name: 'small', body: 'short body' }),
      ],
      status: null,
    };
    const snapshot = buildSnapshot({
      core: { statuses: () => [status('T', 'outage')], lastRound: () => round, statusReading: () => null },
      config,
      paused: null,
      notice: null,
      appVersion: '0.0.0',
      platform: 'linux',
    });
    const [big, small] = snapshot.targets[0]!.lastRound!.probes;
    expect(big!.body.length).toBeLessThanOrEqual(TEXT_LIMITS.bodyExcerpt);
    expect(big!.body.startsWith('<h1>500</h1>\nxxx')).toBe(true);
    expect(small!.body).toBe('short body');
    // The monitor's own round keeps its whole body (the recognisers and the report read it).
    expect(round.probes[0]!.body.length).toBe(64 * 1024 - 1);
  });
});
