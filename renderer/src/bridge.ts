// Finds the API the preload exposes as `window.why500`; the only way the window talks to the app.

import type { Why500Api } from '../../shared/ipc/contract';

/** Result of looking for the bridge: the API, or a message saying why it is missing. */
export type BridgeLookup = { ok: true; api: Why500Api } | { ok: false; message: string };

const METHODS: (keyof Why500Api)[] = ['getSnapshot', 'getTimeline', 'startDiagnosis', 'onSnapshot'];

/** Looks up `window.why500` and checks it looks like the contract's API. */
export function findBridge(scope: { why500?: unknown } = globalThis as { why500?: unknown }): BridgeLookup {
  const candidate = scope.why500;
  if (candidate === undefined || candidate === null) {
    return {
      ok: false,
      message:
        'This window needs the why500 app: window.why500 is missing. Open it from the tray icon (or, for development, inject a bridge before the page loads).',
    };
  }
  const missing = METHODS.filter((m) => typeof (candidate as Record<string, unknown>)[m] !== 'function');
  if (missing.length > 0) {
    return {
      ok: false,
      message: `window.why500 is incomplete (missing ${missing.join(', ')}); the app and the window are from different versions.`,
    };
  }
  return { ok: true, api: candidate as Why500Api };
}
