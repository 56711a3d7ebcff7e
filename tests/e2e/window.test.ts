// The production window build in Debian Chromium under the real CSP, driven through a Node-side bridge
// with realistic canned data: every view in light and dark (screenshots + axe), keyboard use, 200% zoom,
// diagnosis progress and cancel. The same checks against the real core and the simulator are in
// window-healthy/-overload/-maintenance.test.ts (support/scenario-window.ts).
import { describe, it, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createFakeApi, type FakeApi } from '../../renderer/src/testing/fake-api';
import { WINDOW_CSP } from './support/static-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import {
  focusedOutline,
  focusedText,
  installBridge,
  overflowsHorizontally,
  type PageHealth,
} from './support/browser';
import { useWindowHarness } from './support/window-harness';
import { SCREENSHOT_DIR, VIEW_TABS, openView, walkViews } from './support/views';
import { join } from 'node:path';

const harness = useWindowHarness();

async function open(
  options: {
    scheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    scale?: number;
    hold?: boolean;
  } = {},
): Promise<{ context: BrowserContext; page: Page; fake: FakeApi; health: () => Promise<PageHealth> }> {
  const context = await harness.browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 800 },
    deviceScaleFactor: options.scale ?? 1,
    colorScheme: options.scheme ?? 'light',
  });
  const page = await context.newPage();
  const fake = createFakeApi({ now: Date.now(), holdDiagnosis: options.hold === true });
  const { health } = await installBridge(page, fake.api);
  await page.goto(harness.server.url);
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  return { context, page, fake, health };
}

describe('diagnostic window (canned data)', () => {
  it('serves the build with the strict CSP and no inline code', async () => {
    const res = await fetch(harness.server.url);
    // One policy everywhere: the app's header (electron/security/csp.ts), this server, the page's meta tag.
    expect(WINDOW_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await res.text();
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows every view in ${scheme} mode without CSP errors or axe violations`, async () => {
      const { context, page, health } = await open({ scheme });
      try {
        await expect
          .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
          .toContain('most likely because of too much traffic');
        const violations = await walkViews(page, 'canned', scheme);
        expect(violations).toEqual({});
        const h = await health();
        expect(h.cspViolations).toEqual([]);
        expect(h.errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('runs "Diagnose now", shows the checks, and cancels', async () => {
    const { context, page, fake } = await open({ hold: true });
    try {
      await page.getByRole('button', { name: 'Diagnose now' }).click();
      await page
        .getByRole('list', { name: 'Diagnosis checks' })
        .getByText(/Checking the service endpoints — running/)
        .waitFor();
      await page.getByRole('button', { name: 'Cancel diagnosis' }).click();
      await page.getByRole('status').filter({ hasText: 'Diagnosis cancelled.' }).waitFor();
      expect(fake.callsOf('cancelDiagnosis')).toEqual([[{ target: 'Character.AI' }]]);
    } finally {
      await context.close();
    }
  });

  it('can be used with the keyboard alone, with a visible focus ring', async () => {
    const { context, page } = await open();
    try {
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Overview');
      expect(await focusedOutline(page)).toBe('solid');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.getByRole('img', { name: /Response time and errors/ }).waitFor();
      expect(await page.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
      // Tab into the panel: the range buttons come next.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Last day');
      await page.keyboard.press('Enter');
      await page.getByRole('img', { name: /last day/ }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('stays readable at 200% zoom: no view needs horizontal scrolling', async () => {
    // 200% zoom of a 1280-pixel-wide window leaves 640 CSS pixels.
    const { context, page } = await open({ viewport: { width: 640, height: 800 }, scale: 2 });
    try {
      const overflowing: string[] = [];
      for (const v of VIEW_TABS) {
        await openView(page, v.tab);
        if (await overflowsHorizontally(page)) overflowing.push(v.view);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `canned-zoom200-${v.view}.png`), fullPage: true });
      }
      expect(overflowing).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
