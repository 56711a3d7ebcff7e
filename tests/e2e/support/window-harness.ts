// One built window served on loopback and one Chromium for a whole test file: started before its
// tests, both closed after them (a failure to close either is reported).

import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureRendererBuild } from './build';
import { launchChromium } from './browser';
import { serveStatic, type StaticServer } from './static-server';

/** The running browser and the server of the built window, once `beforeAll` has run. */
export interface WindowHarness {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/** Starts the window's server and Chromium before the file's tests and closes both after them. */
export function useWindowHarness(): WindowHarness {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(await ensureRendererBuild());
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    const closed = await Promise.allSettled([browser?.close(), server?.close()]);
    for (const c of closed) if (c.status === 'rejected') throw c.reason;
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not started yet (use it inside a test)');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the window server is not started yet (use it inside a test)');
      return server;
    },
  };
}
