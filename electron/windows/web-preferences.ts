// The web preferences of every window the app opens, in one place so a test can assert them.

import type { SafeWebPreferences, WindowOptions } from '../platform/ports';

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** The diagnostic window: the bundled preload, devtools only in development. */
export function diagnosticWindowPreferences(preloadPath: string, devTools: boolean): SafeWebPreferences {
  return { ...HARDENED, preload: preloadPath, devTools };
}

/**
 * The clean session's partition: in memory (no `persist:` prefix, so nothing is written to disk) and
 * one for the app's whole run, emptied before every use, so uses do not pile up sessions.
 */
export const CLEAN_PARTITION = 'clean-session';

/** The clean-session window: its own in-memory partition, no preload, no devtools. */
export function cleanSessionPreferences(partition: string): SafeWebPreferences {
  if (partition.startsWith('persist:')) throw new Error('the clean session must not persist');
  return { ...HARDENED, partition, devTools: false };
}

/** Options of the diagnostic window. */
export function diagnosticWindowOptions(preloadPath: string, devTools: boolean): WindowOptions {
  return {
    kind: 'app',
    title: 'why500',
    width: 980,
    height: 720,
    show: false,
    webPreferences: diagnosticWindowPreferences(preloadPath, devTools),
  };
}

/** Options of a clean-session window for a target. */
export function cleanSessionWindowOptions(target: string, partition = CLEAN_PARTITION): WindowOptions {
  return {
    kind: 'clean-session',
    title: `${target} — clean session (no extensions, no cookies)`,
    width: 1100,
    height: 800,
    show: true,
    webPreferences: cleanSessionPreferences(partition),
    emptySessionFirst: true,
    plainUserAgent: true,
  };
}
