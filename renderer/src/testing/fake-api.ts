// A typed fake of `window.why500` for component tests: realistic answers from the fixtures, every
// call recorded, pushes (snapshot, progress, show-view) triggered by the test, and a diagnosis that
// can be held open until the test cancels or releases it.

import type {
  AppSnapshot,
  DiagnoseCheck,
  DiagnoseProgress,
  PushChannels,
  Why500Api,
} from '../../../shared/ipc/contract';
import type { Diagnosis } from '../../../shared/types/diagnosis';
import type { TokenState } from '../../../shared/types/settings';
import {
  outageSnapshot,
  overloadDiagnosis,
  overloadTimeline,
  reportFixture,
  settingsFixture,
  tokenStateFixture,
} from './fixtures';

type Method = keyof Why500Api;

/** One recorded call. */
export interface FakeCall<M extends Method = Method> {
  method: M;
  args: Parameters<Why500Api[M]>;
}

/** Options of the fake. */
export interface FakeApiOptions {
  snapshot?: AppSnapshot;
  /** Keep `startDiagnosis` pending until `releaseDiagnosis` or `cancelDiagnosis`. */
  holdDiagnosis?: boolean;
  /** Replace any method. */
  overrides?: Partial<Why500Api>;
  /** The "now" the default data is built around (default: the fixtures' fixed time). */
  now?: number;
}

/** The fake and its controls. */
export interface FakeApi {
  api: Why500Api;
  calls: FakeCall[];
  /** Arguments of every call of one method, in order. */
  callsOf<M extends Method>(method: M): Parameters<Why500Api[M]>[];
  pushSnapshot(snapshot: AppSnapshot): void;
  pushProgress(progress: DiagnoseProgress): void;
  pushShowView(request: PushChannels['view:show']): void;
  /** Finishes a held diagnosis with this result. */
  releaseDiagnosis(result: Diagnosis | null): void;
}

const CHECKS: Omit<DiagnoseCheck, 'state'>[] = [
  { id: 'site', label: 'Loading the site page' },
  { id: 'endpoints', label: 'Checking the service endpoints' },
  { id: 'controls', label: 'Checking unrelated sites (your connection)' },
  { id: 'status', label: 'Reading the status page' },
];

/** Progress with the first `done` checks finished and the next one running. */
export function progressAt(target: string, done: number, running = true): DiagnoseProgress {
  return {
    target,
    running,
    checks: CHECKS.map((c, i) => ({
      ...c,
      state: i < done ? 'done' : i === done && running ? 'running' : 'pending',
    })),
  };
}

/** Builds a fake API with realistic default answers. */
export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  const calls: FakeCall[] = [];
  const listeners = {
    snapshot: new Set<(s: AppSnapshot) => void>(),
    progress: new Set<(p: DiagnoseProgress) => void>(),
    view: new Set<(v: PushChannels['view:show']) => void>(),
  };
  let tokens: TokenState = tokenStateFixture(false);
  let held: ((result: Diagnosis | null) => void) | null = null;

  const defaults: Why500Api = {
    getSnapshot: async () => structuredClone(options.snapshot ?? outageSnapshot(options.now)),
    getTimeline: async ({ range }) => overloadTimeline(range, options.now),
    startDiagnosis: async ({ target }) => {
      for (const l of listeners.progress) l(progressAt(target, 1));
      if (options.holdDiagnosis) {
        return new Promise<Diagnosis | null>((resolve) => {
          held = resolve;
        });
      }
      for (const l of listeners.progress) l(progressAt(target, CHECKS.length, false));
      return overloadDiagnosis(options.now);
    },
    cancelDiagnosis: async ({ target }) => {
      for (const l of listeners.progress) l({ ...progressAt(target, 1, false), running: false });
      held?.(null);
      held = null;
    },
    runAction: async ({ action }) => ({ ok: true, message: `Done: ${action}.` }),
    getSettings: async () => settingsFixture(),
    saveSettings: async () => ({ ok: true }),
    testTarget: async (target) => ({
      ok: true,
      probes: [
        {
          name: 'site',
          url: target.site,
          status: 200,
          outcome: 'ok',
          timings: { dns: 5, connect: 20, tls: 30, firstByte: 120, total: 190 },
        },
      ],
      statusPage: null,
    }),
    getTokenState: async () => tokens,
    setToken: async ({ target }) => {
      tokens = { ...tokens, set: { ...tokens.set, [target]: true } };
      return tokens;
    },
    clearToken: async ({ target }) => {
      tokens = { ...tokens, set: { ...tokens.set, [target]: false } };
      return tokens;
    },
    // As main's vault on a Linux without a keyring: turning the choice off removes the stored tokens.
    allowPlainTextTokens: async ({ allow }) => {
      tokens = allow
        ? { ...tokens, available: true, plainTextOptIn: 'settings' }
        : { set: {}, weakEncryption: tokens.weakEncryption, available: false, plainTextOptIn: null };
      return tokens;
    },
    getReport: async ({ format }) => reportFixture(format),
    copyReport: async () => ({ ok: true, message: 'Report copied to the clipboard.' }),
    saveReport: async ({ format }) => ({
      ok: true,
      message: `Report saved as why500-report.${format === 'json' ? 'json' : 'md'}.`,
    }),
    openLink: async () => ({ ok: true, message: 'Opened in your browser.' }),
    // Main answers the run controls with nothing; the new state arrives as a pushed snapshot.
    quitApp: async () => undefined,
    pauseMonitoring: async () => undefined,
    resumeMonitoring: async () => undefined,
    snoozeNotifications: async () => undefined,
    unsnoozeNotifications: async () => undefined,
    answerLoginOffer: async () => undefined,
    moveToApplications: async () => ({
      ok: true,
      message: 'Moved to Applications; why500 starts again from there.',
    }),
    onSnapshot: (l) => {
      listeners.snapshot.add(l);
      return () => listeners.snapshot.delete(l);
    },
    onDiagnoseProgress: (l) => {
      listeners.progress.add(l);
      return () => listeners.progress.delete(l);
    },
    onShowView: (l) => {
      listeners.view.add(l);
      return () => listeners.view.delete(l);
    },
  };

  const impl: Why500Api = { ...defaults, ...options.overrides };
  const api = {} as Record<Method, unknown>;
  for (const method of Object.keys(impl) as Method[]) {
    const fn = impl[method] as (...args: unknown[]) => unknown;
    api[method] = (...args: unknown[]) => {
      calls.push({ method, args } as FakeCall);
      return fn(...args);
    };
  }

  return {
    api: api as unknown as Why500Api,
    calls,
    callsOf: <M extends Method>(method: M) =>
      calls.filter((c) => c.method === method).map((c) => c.args as Parameters<Why500Api[M]>),
    pushSnapshot: (s) => listeners.snapshot.forEach((l) => l(s)),
    pushProgress: (p) => listeners.progress.forEach((l) => l(p)),
    pushShowView: (v) => listeners.view.forEach((l) => l(v)),
    releaseDiagnosis: (result) => {
      held?.(result);
      held = null;
    },
  };
}
