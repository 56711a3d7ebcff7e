// The fake status pages as the real reader (core/status) sees them: each provider shape is detected
// and normalised to what its scenario means, and the inactive page is "no information".

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderMemory, StatusPageReader } from '../core/status/index';
import type { StatusReading } from '../shared/types/status';
import { startSimulator } from './simulator';

async function read(
  scenario: string,
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<StatusReading> {
  const sim = await startSimulator({ scenario });
  onTestFinished(() => sim.stop());
  const base = sim.config.targets?.[0]?.statusPage;
  if (!base) throw new Error(`${scenario} has no status page`);
  const reader = new StatusPageReader({
    baseUrl: base,
    memory: new ProviderMemory(),
    fetchOptions: { deadlineMs: 3_000 },
  });
  return reader.read();
}

describe.concurrent('fake status pages read by the real reader', () => {
  it('Atlassian incident (from the GitHub 2022 sample): partial outage with one open incident', async ({
    onTestFinished,
  }) => {
    const r = await read('overload-503-retry-after', onTestFinished);
    expect(r.snapshot?.provider).toBe('atlassian');
    expect(r.snapshot?.level).toBe('partial-outage');
    expect(r.snapshot?.incidents.map((i) => i.name)).toEqual(['Elevated error rates']);
  });

  it('Atlassian all operational (from the GitHub 2019 sample)', async ({ onTestFinished }) => {
    const r = await read('healthy-operational', onTestFinished);
    expect(r.snapshot?.level).toBe('operational');
    expect(r.snapshot?.incidents).toHaveLength(0);
    expect(r.snapshot?.pageName).toBe('Character.AI (simulated)');
  });

  it('Atlassian maintenance in progress and upcoming', async ({ onTestFinished }) => {
    const now = await read('maintenance-atlassian-in-progress', onTestFinished);
    expect(now.snapshot?.level).toBe('maintenance');
    expect(now.snapshot?.maintenanceInProgress).toHaveLength(1);
    const later = await read('healthy-upcoming-maintenance', onTestFinished);
    expect(later.snapshot?.level).toBe('operational');
    expect(later.snapshot?.maintenanceInProgress).toHaveLength(0);
    expect(later.snapshot?.maintenanceUpcoming).toHaveLength(1);
    expect(Date.parse(later.snapshot?.maintenanceUpcoming[0]?.scheduledFor ?? '')).toBeGreaterThan(
      Date.now(),
    );
  });

  it('a regional component in partial outage', async ({ onTestFinished }) => {
    const r = await read('regional-status-component-us-east', onTestFinished);
    expect(r.snapshot?.components.find((c) => c.name === 'US East')?.status).toBe('partial-outage');
  });

  it('incident.io (from the OpenAI 2026 capture): an ongoing incident', async ({ onTestFinished }) => {
    const r = await read('overload-slow-500-incidentio', onTestFinished);
    expect(r.snapshot?.provider).toBe('incidentio');
    expect(r.snapshot?.incidents).toHaveLength(1);
  });

  it('Instatus under maintenance (components from the Arbitrum sample)', async ({ onTestFinished }) => {
    const r = await read('maintenance-instatus', onTestFinished);
    expect(r.snapshot?.provider).toBe('instatus');
    expect(r.snapshot?.level).toBe('maintenance');
    expect(r.snapshot?.maintenanceInProgress).toHaveLength(1);
  });

  it('Instatus with everything up', async ({ onTestFinished }) => {
    const r = await read('bad-update-asset-hashes-instatus', onTestFinished);
    expect(r.snapshot?.provider).toBe('instatus');
    expect(r.snapshot?.level).toBe('operational');
  });

  it("Character.AI's inactive page: 302 then 401, read as no information", async ({ onTestFinished }) => {
    const sim = await startSimulator({ scenario: 'healthy-tls-page-inactive' });
    onTestFinished(() => sim.stop());
    const base = sim.config.targets?.[0]?.statusPage ?? '';
    const first = await fetch(`${base}/api/v2/summary.json`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const second = await fetch(new URL(first.headers.get('location') ?? '', base));
    expect(second.status).toBe(401);
    expect(await second.text()).toContain('Your page is inactive');
    const r = await read('healthy-tls-page-inactive', onTestFinished);
    expect(r.snapshot).toBeNull();
    expect(r.unavailable?.reason).toBe('inactive');
  });
});

describe('the status samples in tests/corpus/status', () => {
  // SHA-256 of the originals as given beside the project (shared/fixtures/status-pages/, see
  // tests/corpus/SOURCES.md): the copies must stay byte for byte what was found.
  const corpus = new URL('../tests/corpus/status/', import.meta.url);
  const originals: Record<string, string> = {
    'statuspage-github-summary-all-operational-2019-12-30.json':
      'a23a335c27fceab34f56b646192c13125cea02c921bdf64a9cce0842d4434c14',
    'statuspage-github-summary-incident-partial-outage-2022-11-25.json':
      '0363b28fa3fc1be27ec44752071dc05224c57b8c6c9df07e4d9688d0f4bc4948',
    'instatus-arbitrum-components-mixed-statuses-2024-03-28-WRAPPED.json':
      'b489dbd9e12f2e9beb0dcb1401f1e26aeae404cb265c470cb784e260c8ae1022',
    'incidentio-openai-page-summary-EXTRACTED-2026-03-17.json':
      '51c568d44d6f446bc83cd1617a2d83e91c2f19af5426e23d84ef925c1e4eb080',
    'incidentio-openai-status-page-html-ongoing-incident-2026-03-17.html':
      '762b93879938f57185bbdf1c4808ff3a9c2670cbcd0e917c83a0482f5e32ccb2',
    // Cut out of SwissDataScienceCenter/renku-ui's JS test sample (see the manifest note), not from ../shared.
    'statuspage-renku-summary-scheduled-maintenance-2021-10-28.json':
      'e830f3f1ec8b45410f07386c70a552cc53673f98099dd675656270f01d308ea3',
    // The file hwartig/saas-status-scraper stored (see the manifest note for how it was copied and checked).
    'statuspage-zoom-summary-maintenance-in-progress-2024-01-31.json':
      '32d158b7ee64d38491bd0af881d37b89452f4800c642c109e6e4b63c32d35745',
  };
  it('are byte for byte the originals', () => {
    for (const [copy, sha256] of Object.entries(originals))
      expect(
        createHash('sha256')
          .update(readFileSync(new URL(copy, corpus)))
          .digest('hex'),
        copy,
      ).toBe(sha256);
  });
});
