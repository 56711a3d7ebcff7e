// Walks the window's views in a real browser: opens each tab, waits for its content, takes the
// screenshot artifact and runs axe-core.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WindowView } from '../../../shared/ipc/contract';
import { REPO } from './build';
import { runAxe, type AxeViolation } from './browser';

/** Where screenshots go (test-artifacts/ is ignored by git). */
export const SCREENSHOT_DIR = join(REPO, 'test-artifacts', 'screenshots');

/** Each view: its tab label and a role/name that shows it has rendered its content. */
export const VIEW_TABS: { view: WindowView; tab: string; ready: (page: Page) => Promise<unknown> }[] = [
  { view: 'overview', tab: 'Overview', ready: (p) => p.getByRole('heading', { level: 2 }).first().waitFor() },
  {
    view: 'causes',
    tab: 'Causes',
    ready: (p) => p.getByRole('heading', { name: 'Possible causes' }).waitFor(),
  },
  {
    view: 'timeline',
    tab: 'Timeline',
    ready: (p) => p.getByRole('img', { name: /Response time and errors/ }).waitFor(),
  },
  { view: 'probes', tab: 'Probes', ready: (p) => p.getByRole('heading', { name: 'Probes' }).waitFor() },
  {
    view: 'status',
    tab: 'Status page',
    ready: (p) => p.getByRole('heading', { name: 'Status page' }).waitFor(),
  },
  {
    view: 'settings',
    tab: 'Settings',
    ready: (p) => p.getByRole('button', { name: 'Save settings' }).waitFor(),
  },
  { view: 'report', tab: 'Report', ready: (p) => p.getByLabel('Report preview').waitFor() },
];

/** Opens one view by its tab and waits until it shows. */
export async function openView(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const entry = VIEW_TABS.find((v) => v.tab === tab);
  await entry?.ready(page);
}

/** Opens every view, saves `<prefix>-<view>-<scheme>.png`, and returns the axe violations per view. */
export async function walkViews(
  page: Page,
  prefix: string,
  scheme: 'light' | 'dark',
): Promise<Record<string, AxeViolation[]>> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const found: Record<string, AxeViolation[]> = {};
  for (const v of VIEW_TABS) {
    await openView(page, v.tab);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `${prefix}-${v.view}-${scheme}.png`),
      fullPage: true,
    });
    const violations = await runAxe(page);
    if (violations.length) found[v.view] = violations;
  }
  return found;
}
