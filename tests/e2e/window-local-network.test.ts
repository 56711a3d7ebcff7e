// End to end: "Is it me?" in the window. Every HTTPS site (the service and both controls) shows a
// certificate from a CA this computer does not trust, as behind a re-signing antivirus or company
// proxy; "Diagnose now" must name local-network with its sub-cause and list every local check.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { resolveConfig } from '../../shared/config/defaults';
import type { Config } from '../../shared/types/config';
import { startLocalWorld, type LocalWorld } from '../../simulator/local-worlds';
import { ensureRendererBuild } from './support/build';
import { installBridge, launchChromium } from './support/browser';
import { startCoreWindow, waitForState, type CoreWindow } from './support/core-bridge';
import { serveStatic, type StaticServer } from './support/static-server';
import { walkViews } from './support/views';

describe('window on the real core: certificate interception on every site', () => {
  let browser: Browser;
  let server: StaticServer;
  let win: CoreWindow;
  let world: LocalWorld;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'why500-e2e-local-'));
    world = await startLocalWorld('interception', dir);
    const config = world.config as Config;
    const [root, started, b] = await Promise.allSettled([
      ensureRendererBuild(),
      startCoreWindow(
        { config, env: world.env, stop: () => world.close() },
        // The world's own (loopback) DoH resolver, not the public defaults.
        { config: resolveConfig(config) },
      ),
      launchChromium(),
    ]);
    if (started.status === 'fulfilled') win = started.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (started.status === 'rejected') throw started.reason;
    if (b.status === 'rejected') throw b.reason;
    if (root.status === 'rejected') throw root.reason;
    server = await serveStatic(root.value);
    await waitForState(win, (state, rounds) => rounds && state === 'local-network', 25_000);
  }, 60_000);

  afterAll(async () => {
    const closed = await Promise.allSettled([
      browser?.close(),
      server?.close(),
      win ? win.stop() : world?.close(),
    ]);
    rmSync(dir, { recursive: true, force: true });
    for (const c of closed) if (c.status === 'rejected') throw c.reason;
  });

  it('"Diagnose now" names the part of the connection at fault and shows every check', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const bridge = await installBridge(page, win.api);
    try {
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Diagnose now' }).click();
      await page.getByRole('status').filter({ hasText: 'Diagnosis finished.' }).waitFor({ timeout: 20_000 });

      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
        /your (own )?(connection|network)/i,
      );
      const part = page
        .locator('dt', { hasText: 'Part of your connection' })
        .locator('xpath=following-sibling::dd');
      expect(await part.textContent()).toBe('a program re-signing secure connections');

      const checks = page.getByRole('region', { name: 'Your own connection' });
      const table = checks.getByRole('table', { name: 'Checks of your own connection' });
      expect(await table.getByRole('rowheader').allTextContents()).toEqual([
        'DNS',
        'IPv4 and IPv6',
        'Wi-Fi sign-in page',
        'Proxy',
        'Certificate interception',
        'Clock',
      ]);
      const row = table.getByRole('row').filter({ hasText: 'Certificate interception' });
      expect(await row.getByRole('cell').first().textContent()).toBe('fault found');
      expect(await row.textContent()).toMatch(/Every HTTPS site fails the app's certificate check/);
      expect(await page.getByText(/Something re-signs your secure connections/).count()).toBeGreaterThan(0);

      expect(await walkViews(page, 'core-local-interception', 'light')).toEqual({});
      const health = await bridge.health();
      expect(health.cspViolations).toEqual([]);
      expect(health.errors).toEqual([]);
    } finally {
      bridge.detach();
      await context.close();
    }
  }, 60_000);
});
