// Hostile remote content benchmark: how long the window takes to show each view when fed a hostile
// status page (1.9 MB title, 20 000 incidents), hostile probe results and an absurd history (target
// < 1 s per view), and how large that snapshot is over IPC.

import type { BenchModule, BenchSection } from './types';
import { sampleInput } from '../core/report/fixtures.test-support';
import { ensureRendererBuild } from '../tests/e2e/support/build';
import { installBridge, launchChromium } from '../tests/e2e/support/browser';
import { hostileFakeApi, timeViews } from '../tests/e2e/support/hostile-window';
import { serveStatic } from '../tests/e2e/support/static-server';
import { ALL_INJECTIONS } from '../tests/support/hostile-status';

const LOADS = 3;

function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The benchmark. */
export async function run(): Promise<BenchSection[]> {
  const server = await serveStatic(await ensureRendererBuild());
  const browser = await launchChromium();
  const perView: Record<string, number[]> = {};
  let ipcKiB = 0;
  try {
    for (let i = 0; i < LOADS; i++) {
      const fake = hostileFakeApi(Date.now(), (s) =>
        sampleInput({
          statusReading: s.targets[0]!.statusPage,
          lastRound: s.targets[0]!.lastRound,
          tried: [ALL_INJECTIONS],
        }),
      );
      ipcKiB = JSON.stringify(await fake.api.getSnapshot()).length / 1024;
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      const page = await context.newPage();
      await installBridge(page, fake.api);
      await page.goto(server.url);
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      const { ms } = await timeViews(page);
      for (const [view, v] of Object.entries(ms)) (perView[view] ??= []).push(v);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const figures = Object.entries(perView).map(([view, times]) => {
    const value = median(times);
    return {
      name: `${view} view shown (median of ${LOADS})`,
      value,
      unit: 'ms',
      target: '< 1000 ms',
      ok: value < 1000,
    };
  });
  figures.push({
    name: 'hostile snapshot as IPC JSON',
    value: ipcKiB,
    unit: 'KiB',
    target: '< 1024 KiB',
    ok: ipcKiB < 1024,
  });
  return [
    {
      title: 'Window with hostile remote content',
      figures,
      lines: [
        'Headless Debian Chromium, production build; the core parses the hostile page, the fake API serves it.',
      ],
    },
  ];
}

export default { run } satisfies BenchModule;
