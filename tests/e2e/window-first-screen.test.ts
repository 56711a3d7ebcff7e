// The first screen at the window's real size (980×720): the verdict, the next step and the diagnose
// buttons are in view without scrolling before and after "Diagnose now", and a background round that
// arrives afterwards neither replaces the on-demand result nor moves anything.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createFakeApi, progressAt } from '../../renderer/src/testing/fake-api';
import {
  healthySnapshot,
  localNetworkSnapshot,
  overloadWithLocalChecks,
} from '../../renderer/src/testing/fixtures';
import { installBridge, runAxe } from './support/browser';
import { useWindowHarness } from './support/window-harness';
import { SCREENSHOT_DIR } from './support/views';

const WINDOW = { width: 980, height: 720 };

const harness = useWindowHarness();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of what the first screen must hold, by name. */
async function firstScreen(page: Page): Promise<Record<string, Box>> {
  const parts = {
    verdict: page.getByRole('heading', { level: 2 }).first(),
    nextStep: page.getByRole('heading', { name: 'Next step' }),
    diagnose: page.getByRole('button', { name: 'Diagnose now' }),
    seeingError: page.getByRole('button', { name: "I'm seeing an error now" }),
  };
  const boxes: Record<string, Box> = {};
  for (const [name, locator] of Object.entries(parts)) {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${name} is not on the page`);
    boxes[name] = box;
  }
  return boxes;
}

/** Names of the boxes that are not wholly inside the viewport (with the page scrolled to the top). */
function outside(boxes: Record<string, Box>): string[] {
  return Object.entries(boxes)
    .filter(([, b]) => b.x < 0 || b.y < 0 || b.x + b.width > WINDOW.width || b.y + b.height > WINDOW.height)
    .map(([name]) => name);
}

const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);

describe('the first screen at 980×720', () => {
  it('holds the answer before and after "Diagnose now", and a background round moves nothing', async () => {
    const now = Date.now();
    const fake = createFakeApi({
      now,
      overrides: { startDiagnosis: async () => overloadWithLocalChecks(now) },
    });
    const context = await harness.browser.newContext({ viewport: WINDOW, colorScheme: 'light' });
    const page = await context.newPage();
    const bridge = await installBridge(page, fake.api);
    try {
      await page.goto(harness.server.url);
      await page.getByRole('heading', { name: 'Next step' }).waitFor();
      expect(outside(await firstScreen(page))).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-1-start.png') });

      await page.getByRole('button', { name: 'Diagnose now' }).click();
      await page.getByRole('status').filter({ hasText: 'Diagnosis finished.' }).waitFor();
      const afterDiagnosis = await firstScreen(page);
      expect(outside(afterDiagnosis)).toEqual([]);
      expect(await scrollY(page)).toBe(0);
      // The local checks found nothing: one line, expandable.
      const toggle = page.getByRole('button', { name: 'The 6 checks' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('table', { name: 'Checks of your own connection' }).count()).toBe(0);
      const label = page.getByText(/^Diagnosis you asked for at \d\d:\d\d/);
      await label.waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-2-diagnosed.png') });

      // A background round (a newer, healthy one) arrives: the on-demand result stays, nothing moves.
      fake.pushSnapshot(healthySnapshot(now + 60_000));
      await page.getByRole('banner').getByText('Working').waitFor();
      expect(await firstScreen(page)).toEqual(afterDiagnosis);
      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(
        'too much traffic',
      );
      expect(await label.count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-3-round-arrived.png') });

      // Keyboard: the checks open and close from the keyboard.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(
        await page.getByRole('table', { name: 'Checks of your own connection' }).getByRole('row').count(),
      ).toBe(7);
      expect(await runAxe(page)).toEqual([]);
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');

      // Dismissed, the window shows the latest background round again.
      await page.getByRole('button', { name: 'Back to the latest round' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
        .toMatch(/working normally/i);
      expect(await label.count()).toBe(0);
      expect(outside(await firstScreen(page))).toEqual([]);
      expect(await runAxe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-4-dismissed.png') });
      const health = await bridge.health();
      expect(health.cspViolations).toEqual([]);
      expect(health.errors).toEqual([]);
    } finally {
      bridge.detach();
      await context.close();
    }
  }, 60_000);

  it('keeps the answer in view when a local check failed and the checks are open', async () => {
    const fake = createFakeApi({ snapshot: localNetworkSnapshot(Date.now()) });
    const context = await harness.browser.newContext({ viewport: WINDOW, colorScheme: 'dark' });
    const page = await context.newPage();
    const bridge = await installBridge(page, fake.api);
    try {
      await page.goto(harness.server.url);
      await page.getByRole('table', { name: 'Checks of your own connection' }).waitFor();
      expect(await page.getByRole('button', { name: 'The 6 checks' }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      expect(outside(await firstScreen(page))).toEqual([]);
      expect(await runAxe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-local-fault-dark.png') });
    } finally {
      bridge.detach();
      await context.close();
    }
  }, 60_000);

  it('shows a partial verdict while a probe hangs without moving the buttons, then the complete one', async () => {
    const now = Date.now();
    const fake = createFakeApi({ now, holdDiagnosis: true });
    const context = await harness.browser.newContext({ viewport: WINDOW, colorScheme: 'light' });
    const page = await context.newPage();
    const bridge = await installBridge(page, fake.api);
    try {
      await page.goto(harness.server.url);
      await page.getByRole('heading', { name: 'Next step' }).waitFor();
      await page.getByRole('button', { name: 'Diagnose now' }).click();
      await page.getByRole('list', { name: 'Diagnosis checks' }).waitFor();
      const running = await firstScreen(page);
      const partial = {
        ...overloadWithLocalChecks(now),
        pending: [{ name: 'chat', path: 'direct' as const }],
      };
      fake.pushProgress({ ...progressAt('Character.AI', 1), partial });
      await page.getByText(/Partial diagnosis at .* still waiting for chat\./).waitFor();
      const shown = await firstScreen(page);
      expect(outside(shown)).toEqual([]);
      expect(shown.diagnose).toEqual(running.diagnose);
      expect(await runAxe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-partial.png') });

      fake.pushProgress({ ...progressAt('Character.AI', 4, false), partial });
      fake.releaseDiagnosis(overloadWithLocalChecks(now + 10_000));
      await page.getByText(/^Diagnosis you asked for at /).waitFor();
      expect(await page.getByText(/Partial diagnosis/).count()).toBe(0);
      expect(outside(await firstScreen(page))).toEqual([]);
    } finally {
      bridge.detach();
      await context.close();
    }
  }, 60_000);

  it('shows uptime and the heartbeat strip above the timeline, with zero axe violations', async () => {
    const fake = createFakeApi({ now: Date.now() });
    const context = await harness.browser.newContext({ viewport: WINDOW, colorScheme: 'light' });
    const page = await context.newPage();
    const bridge = await installBridge(page, fake.api);
    try {
      await page.goto(harness.server.url);
      await page.getByRole('tab', { name: 'Timeline' }).click();
      const uptime = page.getByRole('region', { name: 'Uptime, as seen from here' });
      await uptime.waitFor();
      expect(
        await uptime.getByText('Last 24 h').locator('xpath=following-sibling::dd').textContent(),
      ).toMatch(/^\s*98\.8%\s+watched all of it\s*$/);
      expect(
        await page.getByRole('list', { name: 'Last 40 rounds, oldest first' }).getByRole('listitem').count(),
      ).toBe(40);
      await page.getByRole('img', { name: /Response time and errors/ }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'first-screen-timeline.png') });
    } finally {
      bridge.detach();
      await context.close();
    }
  }, 60_000);
});
