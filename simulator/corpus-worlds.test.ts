// A corpus world replays its entry's whole status line: the real probe, pointed at the fake service,
// reads the classic ELB's reason phrases, the only thing that tells those bare answers apart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { probe } from '../core/probe/http';
import { corpusWorlds, recordedReply, vendorNameOf } from './corpus-worlds';
import { startSimulator } from './simulator';

const worlds = corpusWorlds();
const world = (id: string) => {
  const found = worlds.find((w) => w.entry.id === id);
  if (!found) throw new Error(`no corpus world ${id}`);
  return found;
};

describe('corpus worlds replay the status line', () => {
  it('keeps an entry’s reason phrase in its reply, and names its vendor from it', () => {
    const elb = world('aws-elb-classic-504-gateway-timeout-empty-2019');
    expect(recordedReply(elb.entry)).toMatchObject({ status: 504, reason: 'GATEWAY_TIMEOUT', body: '' });
    expect(vendorNameOf(elb.entry)).toBe('AWS Elastic Load Balancing');
    expect(vendorNameOf(world('aws-elb-classic-503-backend-at-capacity-2015').entry)).toBe(
      'AWS Elastic Load Balancing',
    );
  });

  for (const [id, reason] of [
    ['aws-elb-classic-504-gateway-timeout-empty-2019', 'GATEWAY_TIMEOUT'],
    ['aws-elb-classic-503-backend-at-capacity-2015', 'Service Unavailable: Back-end server is at capacity'],
  ] as const) {
    it(`${id}: the real probe of the site reads "${reason}"`, async ({ onTestFinished }) => {
      const { entry, scenario } = world(id);
      const sim = await startSimulator({ scenario });
      onTestFinished(() => sim.stop());
      const caFile = sim.env.NODE_EXTRA_CA_CERTS;
      const result = await probe({
        name: 'site',
        url: sim.url,
        path: 'direct',
        ...(caFile ? { ca: readFileSync(caFile, 'utf8') } : {}),
        limits: { deadlineMs: 5_000 },
      });
      expect(result.status).toBe(entry.status);
      expect(result.reason).toBe(reason);
      expect(result.body).toBe('');
    });
  }
});
