// Debian's Chromium through playwright-core, headless and quiet (no network of its own), and the
// page-side half of the IPC bridge: `window.why500` forwarding every call to a Node-side Why500Api.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { apiChannels, type Why500Api } from '../../../shared/ipc/contract';
import { REPO } from './build';

/** Starts headless Chromium the way every e2e test and the benchmark do. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The little of the page's DOM the page-side functions below touch. The Node project has no DOM lib;
 * these functions run in the browser, so they reach it through `globalThis` with these types.
 */
interface PageEventTarget {
  addEventListener(type: string, listener: (event: PageEvent) => void): void;
}
interface PageEvent {
  violatedDirective?: string;
  blockedURI?: string;
  message?: string;
  reason?: unknown;
}
interface PageElement {
  textContent: string | null;
}
interface PageScope extends PageEventTarget, Record<string, unknown> {
  document: PageEventTarget & {
    activeElement: PageElement | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  getComputedStyle(element: PageElement): { outlineStyle: string };
}

type Method = keyof Why500Api;
const PUSH: Partial<Record<Method, string>> = {
  onSnapshot: 'snapshot:changed',
  onDiagnoseProgress: 'diagnose:progress',
  onShowView: 'view:show',
};
const INVOKE = (Object.keys(apiChannels) as Method[]).filter((m) => !(m in PUSH));

/** What the page recorded about itself: CSP violations and uncaught errors. */
export interface PageHealth {
  cspViolations: string[];
  errors: string[];
}

/**
 * Exposes `impl` to the page as `window.why500`: every invoke method goes through `page.exposeFunction`
 * (arguments and results as structured JSON, like IPC), and pushes are delivered with `page.evaluate`.
 * Call before `page.goto`. Returns the page's health record and an unsubscribe for the pushes.
 */
export async function installBridge(
  page: Page,
  impl: Why500Api,
): Promise<{ health: () => Promise<PageHealth>; detach: () => void }> {
  for (const method of INVOKE) {
    await page.exposeFunction(`__why500_${method}`, async (...args: unknown[]) => {
      const fn = impl[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn(...args);
      return value === undefined ? null : value;
    });
  }
  await page.addInitScript(
    ({ invoke, push }) => {
      const w = globalThis as unknown as PageScope;
      const listeners: Record<string, Set<(payload: unknown) => void>> = {};
      const health = { cspViolations: [] as string[], errors: [] as string[] };
      w.__why500Health = health;
      w.document.addEventListener('securitypolicyviolation', (e) =>
        health.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      );
      w.addEventListener('error', (e) => health.errors.push(String(e.message)));
      w.addEventListener('unhandledrejection', (e) => health.errors.push(String(e.reason)));
      const api: Record<string, unknown> = {};
      for (const m of invoke) {
        api[m] = async (...args: unknown[]) => {
          const value = await (w[`__why500_${m}`] as (...a: unknown[]) => Promise<unknown>)(...args);
          return value === null && m === 'cancelDiagnosis' ? undefined : value;
        };
      }
      for (const [m, channel] of Object.entries(push)) {
        listeners[channel] = new Set();
        api[m] = (listener: (payload: unknown) => void) => {
          listeners[channel]?.add(listener);
          return () => listeners[channel]?.delete(listener);
        };
      }
      w.__why500Push = (channel: string, payload: unknown) => listeners[channel]?.forEach((l) => l(payload));
      w.why500 = Object.freeze(api);
    },
    { invoke: INVOKE, push: PUSH },
  );

  const send = (channel: string, payload: unknown) => {
    void page
      .evaluate(
        ([c, p]) =>
          (globalThis as unknown as { __why500Push: (c: string, p: unknown) => void }).__why500Push(c, p),
        [channel, payload] as const,
      )
      .catch(() => undefined);
  };
  const unsubs = [
    impl.onSnapshot((s) => send('snapshot:changed', s)),
    impl.onDiagnoseProgress((p) => send('diagnose:progress', p)),
    impl.onShowView((v) => send('view:show', v)),
  ];
  return {
    health: () =>
      page.evaluate(() => (globalThis as unknown as { __why500Health: PageHealth }).__why500Health),
    detach: () => unsubs.forEach((u) => u()),
  };
}

/** axe-core's source, evaluated in the page through the DevTools protocol (not a <script>, so the CSP stays strict). */
const AXE_SOURCE = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** One axe violation, short. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page and returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (globalThis as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as PageScope).document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Text of the focused element. */
export function focusedText(page: Page): Promise<string | null> {
  return page.evaluate(
    () => (globalThis as unknown as PageScope).document.activeElement?.textContent ?? null,
  );
}

/** The computed outline style of the focused element (the focus ring). */
export function focusedOutline(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as PageScope;
    const el = scope.document.activeElement;
    return el ? scope.getComputedStyle(el).outlineStyle : null;
  });
}

/** True when the page is wider than the viewport (needs horizontal scrolling). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as PageScope).document.documentElement;
    return root.scrollWidth > root.clientWidth;
  });
}
