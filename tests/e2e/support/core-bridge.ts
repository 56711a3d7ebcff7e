// The Node side of the window for end-to-end tests, built from the real pieces: the fault simulator's
// fake world, the real app core (createAppCore) probing it over loopback, and the main
// process's own IPC handlers and dispatcher (payload validation included), with Electron's OS ports faked.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import type { AppCore } from '../../../core/app/app-core';
import { createAppCore, type AppCoreOptions } from '../../../core/app/create';
import { renderReport } from '../../../core/report/report';
import { buildSnapshot } from '../../../electron/app/snapshot';
import { dispatchIpc, type DispatchContext } from '../../../electron/ipc/dispatch';
import { createIpcHandlers } from '../../../electron/ipc/handlers';
import { APP_INDEX_URL } from '../../../electron/security/csp';
import { resolveConfig } from '../../../shared/config/defaults';
import { defaultSettings, settingsToConfig } from '../../../shared/config/settings';
import { AppSettingsSchema } from '../../../shared/config/settings-schema';
import {
  apiChannels,
  type AppSnapshot,
  type DiagnoseProgress,
  type InvokeChannel,
  type PushChannel,
  type PushChannels,
  type Why500Api,
} from '../../../shared/ipc/contract';
import type { AppSettings, TokenState } from '../../../shared/types/settings';
import { toProblems } from '../../../shared/validate/issues';
import { SIM_TOKEN_ENV, startSimulator, type RunningSimulator } from '../../../simulator/simulator';

/** A running window backend. */
export interface CoreWindow {
  api: Why500Api;
  core: AppCore;
  sim: WorldSource;
  /** The target's name in the simulator's config. */
  target: string;
  /** Text put on the fake clipboard, in order. */
  clipboard: string[];
  /** Lines the dispatcher logged (refused requests). */
  log: string[];
  stop(): Promise<void>;
}

type Listener<C extends PushChannel> = (payload: PushChannels[C]) => void;

/** A fake world other than a simulator scenario (e.g. simulator/local-worlds.ts). */
export type WorldSource = Pick<RunningSimulator, 'config' | 'env' | 'stop'>;

/**
 * Starts a scenario (or takes a running world), the core against it, and the IPC handlers over both.
 * `extra` adds app core options (e.g. a test resolver).
 */
export async function startCoreWindow(
  scenario: string | WorldSource,
  extra: Partial<AppCoreOptions> = {},
): Promise<CoreWindow> {
  const sim = typeof scenario === 'string' ? await startSimulator({ scenario }) : scenario;
  const dir = mkdtempSync(join(tmpdir(), 'why500-e2e-'));
  const target = sim.config.targets?.[0]?.name ?? '';
  let settings: AppSettings = {
    ...defaultSettings(),
    targets: sim.config.targets ?? [],
    intervalSeconds: sim.config.intervalSeconds ?? 10,
    controls: sim.config.controls ?? [],
    alternateProxy: sim.config.alternatePath?.proxy ?? null,
    browserProfiles: sim.config.browserProfiles ?? [],
  };
  const tokens = new Map<string, string>();
  const simToken = sim.env[SIM_TOKEN_ENV];
  if (simToken) tokens.set(target, simToken);

  const core = createAppCore({
    config: resolveConfig(settingsToConfig(settings)),
    // A real data folder, as the app has: history gives the timeline its bands and deploy markers.
    dataDir: dir,
    tokens: { get: (name) => tokens.get(name) ?? null },
    // No proxy from the machine's environment: everything stays on loopback.
    env: {},
    ...(sim.env.NODE_EXTRA_CA_CERTS ? { caFiles: [sim.env.NODE_EXTRA_CA_CERTS] } : {}),
    timing: {
      intervalMs: 1_000,
      confirmDelaysMs: [250, 250],
      outageIntervalMs: 1_000,
      roundDeadlineMs: 8_000,
    },
    limits: { connectMs: 2_000, headersMs: 4_000, bodyMs: 2_000, deadlineMs: 6_000 },
    app: { name: 'why500', version: '0.1.0-e2e', os: 'linux (e2e)', timeZone: 'UTC' },
    ...extra,
  });

  const listeners: { [C in PushChannel]: Set<Listener<C>> } = {
    'snapshot:changed': new Set(),
    'diagnose:progress': new Set(),
    'view:show': new Set(),
  };
  const push = <C extends PushChannel>(channel: C, payload: PushChannels[C]) => {
    for (const l of listeners[channel] as Set<Listener<C>>) l(payload);
  };
  const tokenState = (): TokenState => ({
    set: Object.fromEntries(settings.targets.map((t) => [t.name, tokens.has(t.name)])),
    weakEncryption: true,
    available: true,
    // As if started with WHY500_ALLOW_PLAIN_TEXT_TOKENS=1: the Settings choice changes nothing then.
    plainTextOptIn: 'environment',
  });
  const snapshot = (): AppSnapshot =>
    buildSnapshot({
      core,
      config: resolveConfig(settingsToConfig(settings)),
      paused: null,
      notice: core.notice,
      appVersion: '0.1.0-e2e',
      platform: 'linux',
    });

  const clipboard: string[] = [];
  const log: string[] = [];
  const handlers = createIpcHandlers({
    core,
    settings: {
      get: () => settings,
      save: (value) => {
        const parsed = v.safeParse(AppSettingsSchema, value);
        if (!parsed.success) return { ok: false, problems: toProblems(parsed.issues) };
        settings = parsed.output as AppSettings;
        return { ok: true };
      },
    },
    tokens: {
      state: tokenState,
      set: (name, token) => (tokens.set(name, token), tokenState()),
      clear: (name) => (tokens.delete(name), tokenState()),
      allowPlainText: () => tokenState(),
      secrets: () => [...tokens.values()],
    },
    snapshot,
    renderReport: (input, format) => renderReport(input, format, { secrets: [...tokens.values()] }),
    clipboard: { writeText: (text) => void clipboard.push(text) },
    dialog: { chooseSavePath: async ({ defaultName }) => join(dir, defaultName) },
    shell: { openExternal: async () => undefined },
    openCleanSession: async () => undefined,
    push,
    writeFile: async (path, text) => writeFileSync(path, text),
    testTarget: null,
    onSettingsSaved: (s) => (core.reconfigure(resolveConfig(settingsToConfig(s))), null),
    onTokensChanged: () => undefined,
    now: () => new Date(),
  });
  const ctx: DispatchContext = {
    handlers,
    trustedIds: () => new Set([1]),
    secrets: () => [...tokens.values()],
    log: (line) => void log.push(line),
  };
  const sender = { webContentsId: 1, frameUrl: APP_INDEX_URL, isMainFrame: true };

  const call = async (channel: InvokeChannel, payload: unknown): Promise<unknown> => {
    const outcome = await dispatchIpc(ctx, channel, sender, payload);
    if (!outcome.ok) throw new Error(outcome.error);
    return outcome.value;
  };
  const api = {} as Record<keyof Why500Api, unknown>;
  for (const [method, channel] of Object.entries(apiChannels) as [keyof Why500Api, string][]) {
    if (channel in listeners) {
      api[method] = (listener: Listener<PushChannel>) => {
        const set = listeners[channel as PushChannel] as Set<Listener<PushChannel>>;
        set.add(listener);
        return () => set.delete(listener);
      };
    } else {
      api[method] = (payload?: unknown) => call(channel as InvokeChannel, payload);
    }
  }

  const offChange = core.onChange(() => push('snapshot:changed', snapshot()));
  core.start();

  return {
    api: api as unknown as Why500Api,
    core,
    sim,
    target,
    clipboard,
    log,
    stop: async () => {
      offChange();
      try {
        await core.stop();
      } finally {
        await sim.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Waits until the monitor's state for the target satisfies `ok`, or fails after `ms`. */
export async function waitForState(
  win: CoreWindow,
  ok: (state: string, rounds: boolean) => boolean,
  ms: number,
): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const status = win.core.statuses().find((s) => s.target === win.target);
    const state = status?.state ?? 'unknown';
    if (ok(state, status?.lastRoundAt !== null)) return state;
    if (Date.now() > until) throw new Error(`the monitor stayed "${state}" for ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Collects every progress push (to assert the checks the window showed). */
export function recordProgress(win: CoreWindow): DiagnoseProgress[] {
  const seen: DiagnoseProgress[] = [];
  win.api.onDiagnoseProgress((p) => seen.push(p));
  return seen;
}
