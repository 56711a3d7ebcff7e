// One end-to-end suite per simulator scenario: the real core watches the fake world, the production
// window shows it through the main process's IPC handlers, and the test reads what a person would read.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { markdownText } from '../../../core/report/markdown-text';
import { ensureRendererBuild } from './build';
import { serveStatic, type StaticServer } from './static-server';
import { installBridge, launchChromium } from './browser';
import { recordProgress, startCoreWindow, waitForState, type CoreWindow } from './core-bridge';
import { openView, walkViews } from './views';

/** What the window must show for one scenario. */
export interface ScenarioExpectation {
  scenario: string;
  /** Monitor states that mean the core has seen enough to diagnose. */
  states: string[];
  /** The verdict sentence (Overview heading). */
  verdict: RegExp;
  /** The top cause's label in the Causes ranking. */
  topCause: string;
  /** A line of evidence for the top cause. */
  evidence: RegExp;
  /** The timeline's text summary. */
  timeline: RegExp;
  /** Something the Status page view shows. */
  status: RegExp;
}

/** Declares the suite for one scenario. */
export function describeScenarioWindow(x: ScenarioExpectation): void {
  describe(`window on the real core: ${x.scenario}`, () => {
    let browser: Browser;
    let server: StaticServer;
    let win: CoreWindow;

    beforeAll(async () => {
      // allSettled, not all: when one part fails to start, the parts that did start are still kept
      // so afterAll closes them (a rejected Promise.all would leave Chromium or the simulator running).
      const [root, started, b] = await Promise.allSettled([
        ensureRendererBuild(),
        startCoreWindow(x.scenario),
        launchChromium(),
      ]);
      if (started.status === 'fulfilled') win = started.value;
      if (b.status === 'fulfilled') browser = b.value;
      if (started.status === 'rejected') throw started.reason;
      if (b.status === 'rejected') throw b.reason;
      if (root.status === 'rejected') throw root.reason;
      server = await serveStatic(root.value);
      await waitForState(win, (state, rounds) => rounds && x.states.includes(state), 25_000);
    }, 60_000);

    afterAll(async () => {
      // Every part is closed even when another fails to close.
      const closed = await Promise.allSettled([browser?.close(), server?.close(), win?.stop()]);
      for (const c of closed) if (c.status === 'rejected') throw c.reason;
    });

    async function openPage(scheme: 'light' | 'dark'): Promise<{ page: Page; close: () => Promise<void> }> {
      const context = await browser.newContext({
        viewport: { width: 1100, height: 800 },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      const bridge = await installBridge(page, win.api);
      await page.goto(server.url);
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      return {
        page,
        close: async () => {
          const health = await bridge.health();
          bridge.detach();
          await context.close();
          expect(health.cspViolations).toEqual([]);
          expect(health.errors).toEqual([]);
        },
      };
    }

    it('diagnoses on demand and shows the right verdict, evidence, timeline and status', async () => {
      const progress = recordProgress(win);
      const { page, close } = await openPage('light');
      try {
        await page.getByRole('button', { name: 'Diagnose now' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: 'Diagnosis finished.' })
          .waitFor({ timeout: 20_000 });
        expect(progress.some((p) => p.running && p.checks.length > 0)).toBe(true);

        const verdict = await page.getByRole('heading', { level: 2 }).first().textContent();
        expect(verdict).toMatch(x.verdict);

        await openView(page, 'Causes');
        const ranking = page.getByRole('list', { name: 'Causes, most likely first' });
        const top = ranking.getByRole('listitem').first();
        expect(await top.getByRole('heading', { level: 3 }).textContent()).toContain(`1. ${x.topCause}`);
        expect(await top.textContent()).toMatch(x.evidence);

        await openView(page, 'Timeline');
        const chart = page.getByRole('img', { name: /Response time and errors/ });
        const summaryId = await chart.getAttribute('aria-describedby');
        expect(await page.locator(`#${summaryId}`).textContent()).toMatch(x.timeline);

        await openView(page, 'Status page');
        expect(await page.getByRole('main').textContent()).toMatch(x.status);
        await page.getByRole('button', { name: 'Open the status page' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /^Opened http:\/\/127\.0\.0\.1:\d+/ })
          .waitFor();

        await openView(page, 'Report');
        const report = await page.getByLabel('Report preview').textContent();
        // The report is Markdown: the target's name stands in it escaped, so it renders as written.
        expect(report).toContain(markdownText(win.target));
        await page.getByRole('button', { name: 'Copy to clipboard' }).click();
        await page.getByRole('status').filter({ hasText: 'The report is on the clipboard.' }).waitFor();
        expect(win.clipboard.at(-1)).toContain(markdownText(win.target));
        for (const secret of win.sim.env.WHY500_TOKEN ? [win.sim.env.WHY500_TOKEN] : []) {
          expect(report).not.toContain(secret);
          expect(win.clipboard.join('\n')).not.toContain(secret);
        }
      } finally {
        await close();
      }
    }, 40_000);

    for (const scheme of ['light', 'dark'] as const) {
      it(`renders every view in ${scheme} mode with zero axe violations`, async () => {
        const { page, close } = await openPage(scheme);
        try {
          expect(await walkViews(page, `core-${x.scenario}`, scheme)).toEqual({});
        } finally {
          await close();
        }
      }, 30_000);
    }

    // Last: a made-up token makes the simulated account fail, which changes what the window shows.
    it('sets a token through the window without it ever coming back', async () => {
      const secret = 'e2eTokenValue0123456789abcdefABCDEF012345';
      const { page, close } = await openPage('light');
      try {
        await openView(page, 'Settings');
        await page.getByLabel(/^(Token|Replace the token)$/).fill(secret);
        await page.getByRole('button', { name: 'Set token' }).click();
        await page.getByText(`A token is stored for ${win.target}.`).waitFor();
        expect(await page.getByLabel('Replace the token').inputValue()).toBe('');
        expect(await page.content()).not.toContain(secret);
        await openView(page, 'Report');
        expect(await page.getByLabel('Report preview').textContent()).not.toContain(secret);
        expect(win.log.join('\n')).not.toContain(secret);
      } finally {
        await close();
      }
    }, 30_000);
  });
}
