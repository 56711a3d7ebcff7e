// A started AppController over fake ports, a fake core and fake timers, as the controller's tests use it.

import { defaultSettings } from '../../shared/config/settings';
import type { TargetStatus } from '../../shared/types/monitor';
import type { ConfigFile } from '../app/config-file';
import type { AppControllerDeps, AppCoreInput } from '../app/app-deps';
import { AppController } from '../app/controller';
import type { IpcSender } from '../ipc/sender';
import { Settings } from '../settings/settings';
import { MemoryStore } from '../settings/store';
import { utcClock } from '../tray/clock';
import { FakeApp, FakeAppCore, fakePorts, FakeTimers, status } from './fakes';

/** The built-in target's name. */
export const T = 'Character.AI';

/** Settings as on any start after the first (the file already holds them). */
export function savedSettings(): Settings {
  const store = new MemoryStore('/x/settings.json');
  store.set('settings', defaultSettings());
  return Settings.open({
    open: () => store,
    filePath: '/x/settings.json',
    fs: { exists: () => true, rename: () => {} },
    now: () => new Date(),
  });
}

/** Builds (and by default starts) a controller; returns it with every fake it runs on. */
export async function setup(
  options: {
    platform?: NodeJS.Platform;
    settings?: Settings;
    configFile?: ConfigFile | null;
    env?: Record<string, string | undefined>;
    statuses?: TargetStatus[];
    /** The process was started by the login item / autostart entry. */
    atLogin?: boolean;
    /** False: a development run (`npm start`). */
    packaged?: boolean;
    monitor?: FakeAppCore;
    /** Replaces the monitor factory (e.g. one that throws). */
    createCore?: AppControllerDeps['createCore'];
    /** False: the caller starts the controller. */
    start?: boolean;
    dataDir?: string;
    /** electron-updater stand-in for the update check (default: none, the check is off). */
    updater?: AppControllerDeps['updater'];
  } = {},
) {
  const monitor = options.monitor ?? new FakeAppCore(options.statuses ?? [status(T, 'healthy')]);
  const timers = new FakeTimers();
  const app = new FakeApp(options.platform ?? 'linux');
  app.atLogin = options.atLogin ?? false;
  app.isPackaged = options.packaged ?? true;
  const ports = fakePorts(app);
  const logs: string[] = [];
  const inputs: AppCoreInput[] = [];
  const tested: unknown[] = [];
  const settings =
    options.settings ??
    Settings.open({
      open: () => new MemoryStore('/x/settings.json'),
      filePath: '/x/settings.json',
      fs: { exists: () => false, rename: () => {} },
      now: () => new Date(),
    });
  let clock = new Date('2026-11-25T14:00:00Z');
  const controller = new AppController({
    ports,
    settings,
    createCore:
      options.createCore ??
      ((input) => {
        inputs.push(input);
        return monitor;
      }),
    renderReport: () => 'report',
    testTarget: async (target, input) => {
      tested.push({
        name: target.name,
        controls: input.controls,
        proxy: input.proxy.url,
        hasTokens: input.tokens === controller.tokens,
      });
      return { ok: true, probes: [], statusPage: null };
    },
    paths: { preload: '/app/preload.cjs', trayDir: '/app/tray', dataDir: options.dataDir ?? '/data' },
    devTools: false,
    timers,
    now: () => new Date(clock.getTime() + timers.now),
    clock: utcClock,
    localMinutes: (d) => d.getUTCHours() * 60 + d.getUTCMinutes(),
    writeFile: async () => {},
    log: (line) => logs.push(line),
    configFile: options.configFile ?? null,
    env: options.env ?? {},
    updater: options.updater ?? null,
  });
  if (options.start ?? true) await controller.start();
  return {
    controller,
    monitor,
    timers,
    ports,
    logs,
    inputs,
    tested,
    setClock: (d: Date) => {
      clock = d;
    },
  };
}

/** Opens the diagnostic window and returns it as an IPC sender (the app's own window, main frame). */
export async function windowSender(
  controller: AppController,
  windows: { windows: { webContentsId: number }[] },
): Promise<IpcSender> {
  await controller.windows.openDiagnostic();
  return {
    webContentsId: windows.windows[0]!.webContentsId,
    frameUrl: 'app://why500/',
    isMainFrame: true,
  };
}
