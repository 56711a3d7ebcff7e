// The app's behaviour in one place, over ports only: it creates the monitor, keeps tray, window and
// notifications in step with it, runs the tray's actions, answers IPC and quits cleanly. main.ts
// only builds the Electron adapters and hands them here.

import type { AppCore } from '../../core/app/app-core';
import { authOrigins } from '../../core/config/token-origins';
import { createRedactor, redactValue } from '../../core/report/redact';
import type { AppSnapshot, WindowView } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { AppSettings } from '../../shared/types/settings';
import type { IpcOutcome } from '../ipc/dispatch';
import { createIpcHandlers, type IpcHandlers } from '../ipc/handlers';
import type { IpcSender } from '../ipc/sender';
import { Notifier } from '../notify/notifier';
import { NotificationPolicy } from '../notify/policy';
import type { TrayAction } from '../platform/ports';
import { ALLOW_PLAIN_TEXT_ENV, TokenVault } from '../secrets/token-vault';
import { trayMissing } from '../tray/availability';
import { TrayController } from '../tray/tray-controller';
import { UpdateCheck } from '../updates/update-check';
import { AppWindows } from '../windows/app-windows';
import type { AppControllerDeps } from './app-deps';
import { appMenu } from './app-menu';
import { hasAutostartArg } from './autostart';
import { effectiveConfig, tokensWithEnvFallback, type AppTokens } from './config-file';
import { FirstRunPrompts } from './first-run';
import { dispatchAppIpc, targetTestThroughProxy } from './ipc-wiring';
import { LoginItem } from './login-item';
import { PowerWatcher } from './power';
import { QUIT_STOP_DEADLINE_MS, stopWithin } from './quit';
import { RunControl } from './run-control';
import { buildSnapshot } from './snapshot';
import { probedUrls, SystemProxies } from './system-proxies';
import { pruneTokens } from './token-pruning';
import { runTrayAction } from './tray-actions';

/** The Windows AppUserModelID (matches electron-builder's appId so notifications carry the app's name). */
export const APP_USER_MODEL_ID = 'app.why500.desktop';

/** The running app. */
export class AppController {
  readonly tokens: TokenVault;
  /** What the monitor reads tokens from: the vault, plus the environment in config-file mode. */
  readonly tokenSource: AppTokens;
  readonly windows: AppWindows;
  private core: AppCore | null = null;
  private readonly proxies: SystemProxies;
  private readonly firstRun: FirstRunPrompts;
  private readonly loginItem: LoginItem;
  private run: RunControl | null = null;
  private power: PowerWatcher | null = null;
  private tray: TrayController | null = null;
  private updates: UpdateCheck | null = null;
  private policy: NotificationPolicy;
  private notifier: Notifier;
  private handlers: IpcHandlers | null = null;
  private quitting: Promise<void> | null = null;
  /** Why no tray icon can be shown, once the session bus said so. */
  private trayNote: string | null = null;

  constructor(private readonly deps: AppControllerDeps) {
    this.tokens = new TokenVault(
      deps.settings.store,
      deps.ports.safeStorage,
      deps.env?.[ALLOW_PLAIN_TEXT_ENV] === '1',
      deps.settings.get().allowPlainTextTokens,
    );
    this.tokenSource = deps.configFile?.config
      ? tokensWithEnvFallback(this.tokens, () => this.config(deps.settings.get()).targets, deps.env ?? {})
      : this.tokens;
    this.windows = new AppWindows({
      factory: deps.ports.windows,
      preloadPath: deps.paths.preload,
      devTools: deps.devTools,
      log: (line) => this.log(line),
      now: () => deps.now().getTime(),
    });
    this.loginItem = new LoginItem(deps.ports.app, (line) => this.log(line));
    this.firstRun = new FirstRunPrompts({
      app: deps.ports.app,
      settings: deps.settings,
      applySaved: (next, previous) => void this.settingsSaved(next, previous),
      log: (line) => this.log(line),
    });
    this.proxies = new SystemProxies(deps.ports.net, deps.env ?? {}, (line) => this.log(line));
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
    ports.menu.setApplicationMenu(appMenu(app.platform));
    // A second launch by the user shows the window (one from the autostart entry stays quiet).
    app.onSecondInstance((argv) => {
      if (!hasAutostartArg(argv)) void this.showWindow();
    });
    app.onActivate(() => void this.showWindow());
    this.loginItem.apply(settings.get().launchAtLogin, 'start');
    this.firstRun.begin();
    if (this.firstRun.outsideApplications())
      this.log('running from outside Applications: macOS cannot start it at login from here');

    const config = this.config(settings.get());
    // A token saved by an older version has no origins yet: bind it to where it was being sent.
    this.tokens.bindUnbound((name) => {
      const target = config.targets.find((t) => t.name === name);
      return target ? authOrigins(target) : null;
    });
    await this.proxies.refresh(probedUrls(config));
    const core = this.deps.createCore({
      config,
      tokens: this.tokenSource,
      envFor: (url) => this.proxies.envFor(url),
      dataDir: this.deps.paths.dataDir,
      onError: (message) => this.log(message),
    });
    this.core = core;

    this.run = new RunControl(core, this.deps.timers, this.deps.now, () => this.refresh());
    this.power = new PowerWatcher(this.run, ports.power, ports.net, this.deps.timers);
    // A wake or a network change can mean another proxy (office, home, a VPN): ask again.
    this.power.onChange(() => void this.proxies.refresh(probedUrls(this.config(settings.get()))));
    this.proxies.watch(this.deps.timers, () => probedUrls(this.config(settings.get())));
    this.power.start();

    this.handlers = createIpcHandlers({
      core,
      settings,
      config: () => this.config(settings.get()),
      tokens: {
        state: () => this.tokens.state(),
        set: (target, token, origins) => this.tokens.set(target, token, origins),
        clear: (target) => this.tokens.clear(target),
        allowPlainText: (allow) => this.tokens.allowPlainText(allow),
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
      testTarget: targetTestThroughProxy(
        this.deps.testTarget,
        this.proxies,
        this.tokenSource,
        () => this.config(settings.get()).controls,
      ),
      onSettingsSaved: (next, previous) => this.settingsSaved(next, previous),
      onTokensChanged: () => this.refresh(),
      runControl: (action) => this.trayAction(action),
      firstRun: this.firstRun,
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
        update: this.updates?.notice() ?? null,
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
    this.updates = new UpdateCheck({
      updater: this.deps.updater ?? null,
      currentVersion: app.version,
      timers: this.deps.timers,
      log: (line) => this.log(line),
      onChange: () => this.refresh(),
    });
    this.updates.start();
    // The tray icon alone is easy to miss (Windows' overflow area, GNOME without AppIndicator, a
    // full menu bar): a first start or a start by hand shows the window; a start at login does not.
    const windowShown = settings.firstRun || !app.startedAtLogin();
    if (windowShown) void this.showWindow();
    void this.checkTray(windowShown);
  }

  /**
   * Asks whether a tray icon can show at all (Linux); without a tray host the window is the only way
   * in, so it says so and opens even at a start at login.
   */
  private async checkTray(windowShown: boolean): Promise<void> {
    const { app, sessionBus } = this.deps.ports;
    const note = await trayMissing({
      platform: app.platform,
      bus: sessionBus,
      wait: (ms) => new Promise((resolve) => this.deps.timers.setTimeout(resolve, ms)),
      recheck: app.startedAtLogin(),
    });
    if (!note || this.quitting) return;
    this.trayNote = note;
    this.log('no tray host on the session bus: the window opens at every start');
    this.refresh();
    if (!windowShown) await this.showWindow();
  }

  /** Handles one IPC request (the adapter passes sender facts and the raw payload). */
  dispatch(channel: string, sender: IpcSender, payload: unknown): Promise<IpcOutcome> {
    const context = {
      trustedIds: () => this.windows.trustedContentsIds(),
      secrets: () => this.tokenSource.secrets(),
      log: (line: string) => this.log(line),
    };
    return dispatchAppIpc(this.handlers, context, channel, sender, payload);
  }

  /** The snapshot the window draws, every secret removed (a server may echo the token anywhere). */
  snapshot(): AppSnapshot {
    const core = this.requireCore();
    const notices = [
      this.deps.settings.notice,
      this.deps.configFile?.notice,
      core.notice,
      this.updates?.notice(),
    ];
    const notice = notices.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
    const snapshot = buildSnapshot({
      core,
      config: this.config(this.deps.settings.get()),
      paused: this.run?.userPause() ?? null,
      snoozedUntil: this.policy.snoozedUntil(this.deps.now()),
      trayMissing: this.trayNote,
      loginItem: this.loginItem.status(),
      offerLoginItem: this.firstRun.offerLoginItem(),
      outsideApplications: this.firstRun.outsideApplications(),
      notice: notice === '' ? null : notice,
      appVersion: this.deps.ports.app.version,
      platform: this.deps.ports.app.platform,
    });
    return redactValue(snapshot, createRedactor(this.tokenSource.secrets()));
  }

  /** Runs a tray menu action. */
  trayAction(action: TrayAction): Promise<void> {
    return runTrayAction(action, {
      now: this.deps.now,
      showWindow: (request) => this.showWindow(request),
      // Through the IPC handler, so the window's Cancel (diagnose:cancel) can stop it too.
      diagnose: (target, symptom) => this.requireHandlers()['diagnose:start']({ target, symptom }),
      openCleanSession: async (name) => {
        const target = this.config(this.deps.settings.get()).targets.find((t) => t.name === name);
        if (target) await this.windows.openCleanSession(target.name, target.site);
      },
      run: this.run,
      policy: this.policy,
      quit: () => this.quit(),
      log: (line) => this.log(line),
      refresh: () => this.refresh(),
    });
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
      this.updates?.stop();
      this.proxies.stop();
      this.run?.dispose();
      const stopped = await stopWithin(
        () => this.core?.stop({ abort: true }),
        QUIT_STOP_DEADLINE_MS,
        this.deps.timers,
        (line) => this.log(line),
      );
      if (!stopped) this.log('quitting without waiting for the round in flight');
      this.deps.ports.app.quit();
    })();
    return this.quitting;
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
    // A pause past its end by the wall clock ends here (resuming refreshes again).
    if (this.run?.expireUserPause()) return;
    this.tray?.update();
    this.windows.send('snapshot:changed', this.snapshot());
  }

  private settingsSaved(next: AppSettings, previous: AppSettings): string | null {
    const config = this.config(next);
    // In config-file mode the settings' own targets keep their tokens too.
    const moved = pruneTokens(this.tokens, config, next.targets);
    this.requireCore().reconfigure(config);
    void this.proxies.refresh(probedUrls(config));
    if (next.launchAtLogin !== previous.launchAtLogin) this.loginItem.apply(next.launchAtLogin, 'change');
    this.refresh();
    if (moved.length === 0) return null;
    const notice = `The token for ${moved.join(', ')} was removed because the address changed; enter it again.`;
    this.log(notice);
    return notice;
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

  /** Logs one line with every known secret removed (e.g. an uncaught error from anywhere). */
  logLine(line: string): void {
    this.log(line);
  }

  private log(line: string): void {
    this.deps.log(createRedactor(this.tokenSource.secrets())(line).replace(/\s+/g, ' '));
  }
}
