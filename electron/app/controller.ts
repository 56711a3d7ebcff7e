// The app's behaviour in one place, over ports only: it creates the monitor, keeps tray, window and
// notifications in step with it, runs the tray's actions, answers IPC and quits cleanly. main.ts
// only builds the Electron adapters and hands them here.

import type { AppCore } from '../../core/app/app-core';
import type { TokenSource } from '../../core/config/token-origins';
import { authOrigins, unboundOrigins } from '../../core/config/token-origins';
import { createRedactor, redactValue } from '../../core/report/redact';
import type { RenderOptions } from '../../core/report/report';
import type { ReportFormat, ReportInput } from '../../core/report/types';
import type { AppSnapshot, TargetTestResult, WindowView } from '../../shared/ipc/contract';
import type { ResolvedConfig, TargetConfig } from '../../shared/types/config';
import type { AppSettings } from '../../shared/types/settings';
import { dispatchIpc, type IpcOutcome } from '../ipc/dispatch';
import { createIpcHandlers, type IpcHandlers } from '../ipc/handlers';
import type { IpcSender } from '../ipc/sender';
import { Notifier } from '../notify/notifier';
import { NotificationPolicy, type LocalMinutes } from '../notify/policy';
import type {
  AppPort,
  ClipboardPort,
  DialogPort,
  NetPort,
  NotifierPort,
  PowerPort,
  SafeStoragePort,
  ShellPort,
  TrayAction,
  TrayPort,
  WindowFactory,
} from '../platform/ports';
import { ALLOW_PLAIN_TEXT_ENV, TokenVault } from '../secrets/token-vault';
import type { Settings } from '../settings/settings';
import type { ClockFormat } from '../tray/clock';
import { TrayController } from '../tray/tray-controller';
import { AppWindows } from '../windows/app-windows';
import { hasAutostartArg } from './autostart';
import { effectiveConfig, tokensWithEnvFallback, type AppTokens, type ConfigFile } from './config-file';
import { PowerWatcher } from './power';
import { systemProxyFor, type ProxySetting } from './proxy';
import { RunControl, inOneHour, tomorrowStart, type Timers } from './run-control';
import { buildSnapshot } from './snapshot';

/** The Windows AppUserModelID (matches electron-builder's appId so notifications carry the app's name). */
export const APP_USER_MODEL_ID = 'app.why500.desktop';

/**
 * How long quitting waits for the monitor to stop. A round in flight may wait up to its probe
 * deadline (15 s); the user asked to quit, so it is abandoned instead (history is written one
 * record at a time, so nothing already recorded is lost).
 */
export const QUIT_STOP_DEADLINE_MS = 1_000;

/** What the app core is created from (electron/app/core-factory.ts passes it to core/app/create.ts). */
export interface AppCoreInput {
  config: ResolvedConfig;
  tokens: TokenSource;
  /** The system proxy the session uses for the first target, for the probes to use too. */
  proxy: ProxySetting;
  /** Folder for history; null keeps it in memory. */
  dataDir: string | null;
  /** Told about errors that did not stop monitoring (one line). */
  onError: (message: string) => void;
}

/** Creates the app core (`createCore` in electron/app/core-factory.ts; a fake in tests). */
export type AppCoreFactory = (input: AppCoreInput) => AppCore;

/** What a one-off target test needs besides the target. */
export interface TargetTestInput {
  tokens: TokenSource;
  proxy: ProxySetting;
  controls: string[];
}

/** Probes an unsaved target once (the settings form's Test button). */
export type TargetTester = (target: TargetConfig, input: TargetTestInput) => Promise<TargetTestResult>;

/** Every Electron capability the app uses, as ports. */
export interface AppPorts {
  app: AppPort;
  tray: TrayPort;
  notifier: NotifierPort;
  windows: WindowFactory;
  safeStorage: SafeStoragePort;
  power: PowerPort;
  net: NetPort;
  clipboard: ClipboardPort;
  dialog: DialogPort;
  shell: ShellPort;
}

/** Dependencies of the app controller. */
export interface AppControllerDeps {
  ports: AppPorts;
  settings: Settings;
  createCore: AppCoreFactory;
  /** core/report/report.ts `renderReport`; given every known secret to remove. */
  renderReport: (input: ReportInput, format: ReportFormat, options: RenderOptions) => string;
  testTarget: TargetTester | null;
  paths: { preload: string; trayDir: string; dataDir: string | null };
  devTools: boolean;
  timers: Timers;
  now: () => Date;
  clock: ClockFormat;
  localMinutes?: LocalMinutes;
  writeFile: (path: string, text: string) => Promise<void>;
  /** One line per call; text is redacted before it gets here. */
  log: (line: string) => void;
  /** The WHY500_CONFIG file the app was started with (config-file.ts `loadConfigFile`); null or absent: none. */
  configFile?: ConfigFile | null;
  /** Environment for the tokens' `auth.tokenEnv` fallback in config-file mode and for
   * WHY500_ALLOW_PLAIN_TEXT_TOKENS (default: none). */
  env?: Record<string, string | undefined>;
}

/** The running app. */
export class AppController {
  readonly tokens: TokenVault;
  /** What the monitor reads tokens from: the vault, plus the environment in config-file mode. */
  readonly tokenSource: AppTokens;
  readonly windows: AppWindows;
  private core: AppCore | null = null;
  private proxy: ProxySetting = { url: null, note: null };
  private run: RunControl | null = null;
  private power: PowerWatcher | null = null;
  private tray: TrayController | null = null;
  private policy: NotificationPolicy;
  private notifier: Notifier;
  private handlers: IpcHandlers | null = null;
  private quitting: Promise<void> | null = null;

  constructor(private readonly deps: AppControllerDeps) {
    this.tokens = new TokenVault(
      deps.settings.store,
      deps.ports.safeStorage,
      deps.env?.[ALLOW_PLAIN_TEXT_ENV] === '1',
    );
    this.tokenSource = deps.configFile?.config
      ? tokensWithEnvFallback(this.tokens, () => this.config(deps.settings.get()).targets, deps.env ?? {})
      : this.tokens;
    this.windows = new AppWindows({
      factory: deps.ports.windows,
      preloadPath: deps.paths.preload,
      devTools: deps.devTools,
      log: (line) => this.log(line),
    });
    this.policy = new NotificationPolicy(
      () => deps.settings.get().notifications,
      deps.clock,
      deps.localMinutes,
    );
    this.notifier = new Notifier({
      port: deps.ports.notifier,
      policy: this.policy,
      secrets: () => this.tokenSource.secrets(),
      openDiagnosis: (target) => void this.showWindow({ view: 'causes', target }),
      now: deps.now,
    });
  }

  /** Starts everything; resolves once the monitor runs. */
  async start(): Promise<void> {
    const { ports, settings } = this.deps;
    const { app } = ports;
    // A development run has no Start-menu shortcut carrying this id: Windows would drop its toasts.
    if (app.platform === 'win32' && app.isPackaged) app.setAppUserModelId(APP_USER_MODEL_ID);
    if (app.platform === 'darwin') app.hideDock();
    // A second launch by the user shows the window (one from the autostart entry stays quiet).
    app.onSecondInstance((argv) => {
      if (!hasAutostartArg(argv)) void this.showWindow();
    });
    app.onActivate(() => void this.showWindow());
    this.applyLoginItem(settings.get());

    const config = this.config(settings.get());
    // A token saved by an older version has no origins yet: bind it to where it was being sent.
    this.tokens.bindUnbound((name) => {
      const target = config.targets.find((t) => t.name === name);
      return target ? authOrigins(target) : null;
    });
    const proxy = await systemProxyFor(ports.net, config.targets[0]?.site ?? 'https://example.invalid/');
    if (proxy.note) this.log(proxy.note);
    this.proxy = proxy;
    const core = this.deps.createCore({
      config,
      tokens: this.tokenSource,
      proxy,
      dataDir: this.deps.paths.dataDir,
      onError: (message) => this.log(message),
    });
    this.core = core;

    this.run = new RunControl(core, this.deps.timers, this.deps.now, () => this.refresh());
    this.power = new PowerWatcher(this.run, ports.power, ports.net, this.deps.timers);
    this.power.start();

    const tester = this.deps.testTarget;
    this.handlers = createIpcHandlers({
      core,
      settings,
      config: () => this.config(settings.get()),
      tokens: {
        state: () => this.tokens.state(),
        set: (target, token, origins) => this.tokens.set(target, token, origins),
        clear: (target) => this.tokens.clear(target),
        secrets: () => this.tokenSource.secrets(),
      },
      snapshot: () => this.snapshot(),
      renderReport: this.deps.renderReport,
      clipboard: ports.clipboard,
      dialog: ports.dialog,
      shell: ports.shell,
      openCleanSession: (target, site) => this.windows.openCleanSession(target, site),
      push: (channel, payload) => this.windows.send(channel, payload),
      writeFile: this.deps.writeFile,
      testTarget: tester
        ? (target) =>
            tester(target, {
              tokens: this.tokenSource,
              proxy: this.proxy,
              controls: this.config(settings.get()).controls,
            })
        : null,
      onSettingsSaved: (next) => this.settingsSaved(next),
      onTokensChanged: () => this.refresh(),
      now: this.deps.now,
    });

    core.onEvent((event) => {
      const decision = this.notifier.handle(event);
      if (!decision.show)
        this.log(`no notification for ${event.event} of ${event.target}: ${decision.reason}`);
    });
    core.onChange(() => this.refresh());

    this.tray = new TrayController({
      port: ports.tray,
      platform: app.platform,
      trayDir: this.deps.paths.trayDir,
      clock: this.deps.clock,
      view: () => ({
        statuses: core.statuses(),
        paused: this.run?.userPause() ?? null,
        snoozedUntil: this.policy.snoozedUntil(this.deps.now()),
      }),
      onAction: (action) => void this.trayAction(action),
      onError: (message) => this.log(message),
    });

    if (settings.notice && ports.notifier.isSupported()) {
      ports.notifier.show({
        title: 'why500 settings were reset',
        body: settings.notice,
        onClick: () => void this.showWindow({ view: 'settings', target: null }),
      });
    }
    core.start();
    // The tray icon alone is easy to miss (Windows' overflow area, GNOME without AppIndicator, a
    // full menu bar): a first start or a start by hand shows the window; a start at login does not.
    if (settings.firstRun || !app.startedAtLogin()) void this.showWindow();
  }

  /** Handles one IPC request (the adapter passes sender facts and the raw payload). */
  dispatch(channel: string, sender: IpcSender, payload: unknown): Promise<IpcOutcome> {
    if (!this.handlers) return Promise.resolve({ ok: false, error: 'the app is still starting; try again' });
    return dispatchIpc(
      {
        handlers: this.handlers,
        trustedIds: () => this.windows.trustedContentsIds(),
        secrets: () => this.tokenSource.secrets(),
        log: (line) => this.log(line),
      },
      channel,
      sender,
      payload,
    );
  }

  /** The snapshot the window draws, every secret removed (a server may echo the token anywhere). */
  snapshot(): AppSnapshot {
    const core = this.requireCore();
    const notices = [this.deps.settings.notice, this.deps.configFile?.notice, core.notice];
    const notice = notices.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
    const snapshot = buildSnapshot({
      core,
      config: this.config(this.deps.settings.get()),
      paused: this.run?.userPause() ?? null,
      notice: notice === '' ? null : notice,
      appVersion: this.deps.ports.app.version,
      platform: this.deps.ports.app.platform,
    });
    return redactValue(snapshot, createRedactor(this.tokenSource.secrets()));
  }

  /** Runs a tray menu action. */
  async trayAction(action: TrayAction): Promise<void> {
    const now = this.deps.now();
    try {
      switch (action.kind) {
        case 'diagnose':
          await this.showWindow({ view: 'causes', target: action.target });
          // Through the IPC handler, so the window's Cancel (diagnose:cancel) can stop it too.
          await this.requireHandlers()['diagnose:start']({ target: action.target, symptom: action.symptom });
          break;
        case 'open-window':
          await this.showWindow(action.target ? { view: 'overview', target: action.target } : undefined);
          break;
        case 'clean-session': {
          const target = this.config(this.deps.settings.get()).targets.find((t) => t.name === action.target);
          if (target) await this.windows.openCleanSession(target.name, target.site);
          break;
        }
        case 'pause':
          this.run?.pauseUntil(action.until === 'hour' ? inOneHour(now) : tomorrowStart(now));
          break;
        case 'resume':
          this.run?.resumeUser();
          break;
        case 'snooze':
          this.policy.snooze(new Date(now.getTime() + action.hours * 3_600_000));
          break;
        case 'unsnooze':
          this.policy.unsnooze();
          break;
        case 'settings':
          await this.showWindow({ view: 'settings', target: null });
          break;
        case 'quit':
          await this.quit();
          return;
      }
    } catch (error) {
      this.log(`${action.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.refresh();
  }

  /**
   * Removes the tray icon at once, stops the monitor (aborting the round in flight, and waiting at most
   * QUIT_STOP_DEADLINE_MS for it to settle), and quits the app. Safe to call twice.
   */
  quit(): Promise<void> {
    this.quitting ??= (async () => {
      // The icon goes first: the user sees the quit happen even while a round finishes.
      this.tray = null;
      this.deps.ports.tray.destroy();
      this.power?.stop();
      this.run?.dispose();
      const stopped = await this.stopMonitorWithin(QUIT_STOP_DEADLINE_MS);
      if (!stopped) this.log('quitting without waiting for the round in flight');
      this.deps.ports.app.quit();
    })();
    return this.quitting;
  }

  /** Stops the monitor; false when it had not finished within `ms`. */
  private async stopMonitorWithin(ms: number): Promise<boolean> {
    const { timers } = this.deps;
    let timer: unknown = null;
    const deadline = new Promise<false>((resolve) => {
      timer = timers.setTimeout(() => resolve(false), ms);
    });
    const stopping = (async () => {
      try {
        await this.core?.stop({ abort: true });
      } catch (error) {
        this.log(`stopping the monitor failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return true;
    })();
    const stopped = await Promise.race([stopping, deadline]);
    timers.clearTimeout(timer);
    return stopped;
  }

  /** Shows the diagnostic window because the user asked for it, in front of other apps. Never rejects. */
  private async showWindow(request?: { view: WindowView; target: string | null }): Promise<void> {
    try {
      await this.windows.openDiagnostic(request);
      this.deps.ports.app.bringToFront();
    } catch (error) {
      this.log(`the window could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Redraws the tray and pushes a fresh snapshot to the window. */
  refresh(): void {
    if (!this.core) return;
    this.tray?.update();
    this.windows.send('snapshot:changed', this.snapshot());
  }

  private settingsSaved(next: AppSettings): string | null {
    const config = this.config(next);
    // A token belongs to a watched service: drop those of removed or renamed targets, so a stored
    // secret never lingers out of the user's reach or rides along to a later target of that name.
    // (In config-file mode the settings' own targets keep theirs too.)
    const names = new Set([...config.targets, ...next.targets].map((t) => t.name));
    for (const [name, isSet] of Object.entries(this.tokens.state().set)) {
      if (isSet && !names.has(name)) this.tokens.clear(name);
    }
    // A token is given for addresses: one whose `auth` endpoint moved elsewhere is dropped (the core
    // would withhold it anyway), and the user is asked for it again.
    const moved: string[] = [];
    for (const target of config.targets) {
      const saved = this.tokens.origins(target.name);
      if (saved && unboundOrigins(target, saved).length > 0) {
        this.tokens.clear(target.name);
        moved.push(target.name);
      }
    }
    this.requireCore().reconfigure(config);
    this.applyLoginItem(next);
    this.refresh();
    if (moved.length === 0) return null;
    const notice = `The token for ${moved.join(', ')} was removed because the address changed; enter it again.`;
    this.log(notice);
    return notice;
  }

  private applyLoginItem(settings: AppSettings): void {
    // A development run would register the bare Electron binary (it would open Electron's own window).
    if (!this.deps.ports.app.isPackaged) {
      if (settings.launchAtLogin) this.log('launch at login is left alone in a development run');
      return;
    }
    try {
      this.deps.ports.app.setLaunchAtLogin(settings.launchAtLogin);
    } catch (error) {
      this.log(`could not change launch at login: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The configuration the monitor runs with: the settings', or the WHY500_CONFIG file's targets. */
  private config(settings: AppSettings): ResolvedConfig {
    return effectiveConfig(settings, this.deps.configFile ?? null);
  }

  private requireHandlers(): IpcHandlers {
    if (!this.handlers) throw new Error('the app has not started yet');
    return this.handlers;
  }

  private requireCore(): AppCore {
    if (!this.core) throw new Error('the monitor has not started yet');
    return this.core;
  }

  private log(line: string): void {
    this.deps.log(createRedactor(this.tokenSource.secrets())(line).replace(/\s+/g, ' '));
  }
}
