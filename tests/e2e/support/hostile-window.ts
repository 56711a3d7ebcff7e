// What the window is fed when a status page and the probed servers are hostile: the core's own reading
// of a hostile page (1.9 MB title, 20 000 incidents), hostile probe results through the probe boundary,
// a history with absurd values and the report rendered from the same data. Used by the e2e test and the bench.

import type { Page } from 'playwright-core';
import type { AppSnapshot } from '../../../shared/ipc/contract';
import { boundProbeResult } from '../../../core/probe/bound';
import { renderReport } from '../../../core/report/report';
import type { ReportInput } from '../../../core/report/types';
import { atlassianProvider } from '../../../core/status/providers';
import { createFakeApi, type FakeApi } from '../../../renderer/src/testing/fake-api';
import { outageSnapshot, overloadTimeline } from '../../../renderer/src/testing/fixtures';
import { ALL_INJECTIONS, hostileSummary } from '../../support/hostile-status';
import { VIEW_TABS, openView } from './views';

/** The snapshot main would send after reading the hostile page and probing hostile servers. */
export function hostileSnapshot(now: number): AppSnapshot {
  const snapshot = outageSnapshot(now);
  const view = snapshot.targets[0]!;
  const page = atlassianProvider.parse(hostileSummary(), {
    pageUrl: view.statusPageUrl ?? 'https://status.character.ai',
    sourceUrl: 'https://status.character.ai/api/v2/summary.json',
    fetchedAt: new Date(now).toISOString(),
  });
  view.statusPage = { snapshot: page, stale: false, unavailable: null };
  if (view.lastRound)
    view.lastRound.probes = view.lastRound.probes.map((p) =>
      boundProbeResult({
        ...p,
        status: 503,
        outcome: 'http-5xx',
        error: ALL_INJECTIONS,
        body: `${ALL_INJECTIONS}\r\n`.repeat(60),
        headers: { ...p.headers, server: ALL_INJECTIONS, 'x-app-version': ALL_INJECTIONS },
      }),
    );
  return snapshot;
}

/**
 * A fake window API serving the hostile snapshot, a timeline with absurd totals (1e308, Infinity, -1,
 * 1e12) and the report rendered by the core from the same data.
 */
export function hostileFakeApi(now: number, report: (snapshot: AppSnapshot) => ReportInput): FakeApi {
  const snapshot = hostileSnapshot(now);
  const input = report(snapshot);
  return createFakeApi({
    now,
    snapshot,
    overrides: {
      getReport: async ({ format }) => renderReport(input, format),
      getTimeline: async ({ range }) => {
        const data = overloadTimeline(range, now);
        for (const [i, total] of [1e308, Infinity, -1, 1e12].entries())
          data.samples.push({ ...data.samples[i]!, timings: { ...data.samples[i]!.timings, total } });
        return data;
      },
    },
  });
}

/** Elements a hostile page might have planted: inline scripts, images, frames, its links, handlers. */
const PLANTED = 'script:not([src]), img, iframe, a[href*="evil"], a[href^="javascript"], [onerror]';

/** Opens every view in turn: the ms each took to show, and how many planted elements each held. */
export async function timeViews(
  page: Page,
): Promise<{ ms: Record<string, number>; planted: Record<string, number> }> {
  const ms: Record<string, number> = {};
  const planted: Record<string, number> = {};
  for (const v of VIEW_TABS) {
    const started = performance.now();
    await openView(page, v.tab);
    ms[v.view] = performance.now() - started;
    planted[v.view] = await page.evaluate(
      (selector) =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll(selector).length,
      PLANTED,
    );
  }
  return { ms, planted };
}
