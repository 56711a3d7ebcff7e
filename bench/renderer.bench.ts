// Renderer benchmarks: the production bundle's JavaScript size gzipped (target ≤ 100 KB) and how fast
// the window paints its first view in headless Chromium (target ≤ 300 ms), median of several loads.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchModule, BenchSection } from './types';
import { ensureRendererBuild } from '../tests/e2e/support/build';
import { serveStatic } from '../tests/e2e/support/static-server';
import { installBridge, launchChromium } from '../tests/e2e/support/browser';
import { createFakeApi } from '../renderer/src/testing/fake-api';

const LOADS = 7;

/** The median of the measured values; a load that recorded nothing (NaN) is left out, not sorted in. */
function median(values: number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Gzipped bytes of every .js file of the build, and raw bytes. */
function bundleSize(root: string): { gzip: number; raw: number; entryGzip: number; files: string[] } {
  const assets = join(root, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(readFileSync(join(root, 'index.html'), 'utf8'))?.[1];
  let gzip = 0;
  let raw = 0;
  let entryGzip = 0;
  for (const f of files) {
    const body = readFileSync(join(assets, f));
    const zipped = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += zipped;
    if (f === entry) entryGzip = zipped;
  }
  return { gzip, raw, entryGzip, files };
}

/** First contentful paint and time until the verdict heading is in the page, per fresh load. */
async function paintTimes(
  url: string,
): Promise<{ fcp: number[]; firstView: number[]; scriptLoaded: number[] }> {
  const browser = await launchChromium();
  const fcp: number[] = [];
  const firstView: number[] = [];
  const scriptLoaded: number[] = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      const page = await context.newPage();
      await installBridge(page, createFakeApi({ now: Date.now() }).api);
      await page.addInitScript(() => {
        const scope = globalThis as unknown as {
          __firstView?: number;
          performance: { now(): number };
          MutationObserver: new (cb: () => void) => {
            observe(node: unknown, options: unknown): void;
            disconnect(): void;
          };
          document: { querySelector(selector: string): unknown };
        };
        const observer = new scope.MutationObserver(() => {
          if (scope.__firstView === undefined && scope.document.querySelector('#panel h2')) {
            scope.__firstView = scope.performance.now();
            observer.disconnect();
          }
        });
        // The document itself: its root element does not exist yet when init scripts run.
        observer.observe(scope.document, { childList: true, subtree: true });
      });
      await page.goto(url);
      await page.locator('#panel h2').first().waitFor();
      const t = await page.evaluate(() => {
        const scope = globalThis as unknown as {
          __firstView?: number;
          performance: {
            getEntriesByName(name: string): { startTime: number }[];
            getEntriesByType(type: string): { name: string; responseEnd: number }[];
          };
        };
        const script = scope.performance
          .getEntriesByType('resource')
          .find((e) => /\/index-[^/]+\.js$/.test(e.name));
        return {
          fcp: scope.performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          view: scope.__firstView ?? NaN,
          script: script?.responseEnd ?? NaN,
        };
      });
      fcp.push(t.fcp);
      firstView.push(t.view);
      scriptLoaded.push(t.script);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { fcp, firstView, scriptLoaded };
}

/** The benchmark. */
export async function run(): Promise<BenchSection[]> {
  const root = await ensureRendererBuild();
  const size = bundleSize(root);
  const server = await serveStatic(root);
  try {
    const times = await paintTimes(server.url);
    const fcp = median(times.fcp);
    const view = median(times.firstView);
    const own = median(times.firstView.map((v, i) => v - (times.scriptLoaded[i] ?? NaN)));
    return [
      {
        title: 'Diagnostic window (renderer)',
        figures: [
          {
            name: 'renderer JavaScript, gzipped',
            value: size.gzip / 1024,
            unit: 'KB',
            target: '≤ 100 KB',
            ok: size.gzip <= 100 * 1024,
          },
          { name: 'renderer JavaScript, raw', value: size.raw / 1024, unit: 'KB' },
          { name: 'of which loaded for the first view, gzipped', value: size.entryGzip / 1024, unit: 'KB' },
          {
            name: `first contentful paint (median of ${LOADS})`,
            value: fcp,
            unit: 'ms',
            target: '≤ 300 ms',
            ok: fcp <= 300,
          },
          {
            name: `first view rendered, verdict on screen (median of ${LOADS})`,
            value: view,
            unit: 'ms',
            target: '≤ 300 ms',
            ok: view <= 300,
          },
        ],
        lines: [
          `of the first-view time, the renderer's own part (script downloaded → verdict on screen): median ${Math.round(own)} ms; the rest is page and script delivery`,
          `files: ${size.files.join(', ')}`,
          `loads (ms): FCP ${times.fcp.map(Math.round).join(' ')} | script ${times.scriptLoaded.map(Math.round).join(' ')} | first view ${times.firstView.map(Math.round).join(' ')}`,
          'Headless Debian Chromium, production build served from 127.0.0.1 with the app CSP, bridge via exposeFunction.',
        ],
      },
    ];
  } finally {
    await server.close();
  }
}

export default { run } satisfies BenchModule;
