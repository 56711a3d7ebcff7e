import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../shared/config/defaults';
import { defaultSettings } from '../../shared/config/settings';
import type { IpcSender } from '../ipc/sender';
import { Settings } from '../settings/settings';
import { MemoryStore } from '../settings/store';
import type { FakeWindowFactory } from '../testing/fakes';
import { FakeApp, FakeDesktop, FakeAppCore, FakeNet, fakePorts, FakeTimers, status } from '../testing/fakes';
import { utcClock } from '../tray/clock';
import type { ConfigFile } from './config-file';
import type { AppCoreInput } from './app-deps';
import { APP_USER_MODEL_ID, AppController } from './controller';
import { QUIT_STOP_DEADLINE_MS } from './quit';
import { LOG_FILE_NAME, LogFile } from './log-file';
import { SETTLE_MS } from './power';
import { START_FAILED_TITLE, explainFailedStart } from './start-failure';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, updateAvailableLine } from '../updates/update-check';
import { savedSettings, setup, T, windowSender } from '../testing/controller-rig';

const TOKEN = 'f00df00df00df00df00df00df00df00df00df00d';
/** Where the built-in Character.AI profile sends the token. */
const CAI_API = 'https://plus.character.ai';
const SIM_ORIGIN = 'https://127.0.0.1:8443';

describe('app controller', () => {
  it('starts the monitor with the tokens and the system proxy, and draws the tray', async () => {
    const { monitor, inputs, ports, controller } = await setup();
    expect(monitor.calls).toEqual(['start']);
    expect(inputs[0]!.config.targets[0]!.name).toBe(T);
    expect(inputs[0]!.envFor('https://character.ai/').HTTPS_PROXY).toBeUndefined();
    expect(inputs[0]!.tokens).toBe(controller.tokens);
    expect(inputs[0]!.dataDir).toBe('/data');
    expect(ports.tray.image).toBe(join('/app/tray', 'linux', 'healthy.png'));
    // Linux: the autostart entry is left as it is at start.
    expect(ports.app.loginItem).toBeNull();
  });

  it('follows platform conventions: AppUserModelID on Windows, no Dock icon on macOS', async () => {
    const win = await setup({ platform: 'win32' });
    expect(win.ports.app.appUserModelId).toBe(APP_USER_MODEL_ID);
    expect(win.ports.app.dockHidden).toBe(false);
    const mac = await setup({ platform: 'darwin' });
    expect(mac.ports.app.dockHidden).toBe(true);
    expect(mac.ports.tray.image).toBe(join('/app/tray', 'mac', 'healthyTemplate.png'));
  });

  it('notifies a scripted outage and recovery, updates the tray, and a click opens the diagnosis', async () => {
    const { monitor, ports } = await setup({ settings: savedSettings(), atLogin: true });
    monitor.set([status(T, 'outage', { cause: 'overload', confidence: 0.82 })]);
    monitor.emit({
      event: 'outage',
      target: T,
      at: '2026-11-25T14:02:00Z',
      cause: 'overload',
      confidence: 0.82,
      summary: 's',
    });
    expect(ports.tray.image).toBe(join('/app/tray', 'linux', 'outage.png'));
    expect(ports.tray.tooltip).toBe(
      "Character.AI — down since 14:02, likely overload (82% of the model's weight)",
    );
    monitor.set([status(T, 'healthy', { since: '2026-11-25T14:30:00Z' })]);
    monitor.emit({
      event: 'recovery',
      target: T,
      at: '2026-11-25T14:30:00Z',
      cause: 'healthy',
      durationMs: 28 * 60_000,
      summary: 's',
    });
    expect(ports.notifier.shown.map((n) => `${n.title}: ${n.body}`)).toEqual([
      "Character.AI is down: Since 14:02 — likely overload (82% of the model's weight).",
      'Character.AI is back: Working again after 28 min of failures.',
    ]);
    // Nothing opened a window on its own.
    expect(ports.windows.windows).toHaveLength(0);
    ports.notifier.shown[0]!.onClick();
    await new Promise((r) => setTimeout(r, 0));
    const win = ports.windows.windows[0]!;
    expect(win.sent.filter((m) => m.channel === 'view:show')).toEqual([
      { channel: 'view:show', payload: { view: 'causes', target: T } },
    ]);
  });

  it('a suspend/resume cycle with the service healthy produces no notification and no probe before the network settles', async () => {
    const { monitor, ports, timers } = await setup();
    monitor.calls = [];
    ports.power.emitSuspend();
    expect(monitor.calls).toEqual(['pause']);
    ports.net.online = false;
    ports.power.emitResume();
    timers.advance(60_000);
    expect(monitor.calls).toEqual(['pause']); // still no network: no probing
    ports.net.setOnline(true);
    timers.advance(SETTLE_MS - 1);
    expect(monitor.calls).toEqual(['pause']);
    timers.advance(1);
    expect(monitor.calls).toEqual(['pause', 'resume+probe']);
    expect(ports.notifier.shown).toEqual([]);

    // Waking with the network already up: settle, then probe at once.
    monitor.calls = [];
    ports.power.emitSuspend();
    ports.power.emitResume();
    timers.advance(SETTLE_MS);
    expect(monitor.calls).toEqual(['pause', 'resume+probe']);

    // The network coming back while running triggers a round at once.
    monitor.calls = [];
    ports.net.setOnline(false);
    ports.net.setOnline(true);
    expect(monitor.calls).toEqual(['resume+probe']);
    expect(ports.notifier.shown).toEqual([]);
  });

  it('a user pause survives a wake, and runs out by itself', async () => {
    const { monitor, ports, timers, controller } = await setup();
    monitor.calls = [];
    await controller.trayAction({ kind: 'pause', until: 'hour' });
    expect(ports.tray.image).toBe(join('/app/tray', 'linux', 'paused.png'));
    expect(ports.tray.labels()).toContain('Resume');
    ports.power.emitSuspend();
    ports.power.emitResume();
    timers.advance(SETTLE_MS);
    expect(monitor.calls).toEqual(['pause']);
    timers.advance(3_600_000);
    expect(monitor.calls).toEqual(['pause', 'resume+probe']);
    expect(ports.tray.image).toBe(join('/app/tray', 'linux', 'healthy.png'));
  });

  it("a diagnosis started from the tray can be cancelled from the window's Cancel", async () => {
    const { controller, monitor, ports } = await setup();
    let signal: AbortSignal | undefined;
    monitor.diagnoseNow = (_target, options) =>
      new Promise((resolve) => {
        signal = options?.signal;
        signal?.addEventListener('abort', () => resolve(null));
      });
    const running = controller.trayAction({ kind: 'diagnose', target: T, symptom: true });
    await vi.waitFor(() => expect(signal).toBeDefined());
    const sender: IpcSender = {
      webContentsId: ports.windows.windows[0]!.webContentsId,
      frameUrl: 'app://why500/index.html',
      isMainFrame: true,
    };
    expect(await controller.dispatch('diagnose:cancel', sender, { target: T })).toEqual({
      ok: true,
      value: undefined,
    });
    await running;
    expect(signal!.aborted).toBe(true);
  });

  it('snooze from the tray silences notifications for an hour', async () => {
    const { monitor, ports } = await setup();
    ports.tray.choose('Snooze notifications 1 hour');
    monitor.emit({ event: 'outage', target: T, at: '2026-11-25T14:02:00Z', cause: 'overload', summary: 's' });
    expect(ports.notifier.shown).toEqual([]);
    expect(ports.tray.labels().some((l) => l.startsWith('Notifications snoozed until 15:00'))).toBe(true);
  });

  it('the token never reaches the renderer, a log line or a notification', async () => {
    const { controller, monitor, ports, logs } = await setup();
    await controller.windows.openDiagnostic();
    const win = ports.windows.windows[0]!;
    const sender: IpcSender = {
      webContentsId: win.webContentsId,
      frameUrl: 'app://why500/index.html',
      isMainFrame: true,
    };
    const replies = [
      await controller.dispatch('token:set', sender, { target: T, token: TOKEN }),
      await controller.dispatch('token:get-state', sender, undefined),
      await controller.dispatch('snapshot:get', sender, undefined),
      await controller.dispatch('settings:get', sender, undefined),
      await controller.dispatch('report:get', sender, { target: T, format: 'json' }),
      await controller.dispatch('token:set', { ...sender, webContentsId: 999 }, { target: T, token: TOKEN }),
    ];
    expect(controller.tokens.get(T)).toBe(TOKEN);
    expect(replies[0]).toMatchObject({ ok: true });
    expect(replies[5]).toMatchObject({ ok: false });
    // A monitor event whose summary carries the token (a buggy core) still shows none.
    monitor.emit({
      event: 'outage',
      target: T,
      at: '2026-11-25T14:02:00Z',
      cause: 'account',
      summary: `bad ${TOKEN}`,
    });
    monitor.emit({
      event: 'local-network',
      target: `${TOKEN}`,
      at: '2026-11-25T14:02:00Z',
      cause: null,
      summary: '',
    });
    const seen = JSON.stringify([
      replies,
      win.sent,
      logs,
      ports.notifier.shown,
      ports.tray.menu,
      ports.tray.tooltip,
    ]);
    expect(seen).not.toContain(TOKEN);
    expect(logs.length).toBeGreaterThan(0);
  });

  it('a second launch opens the window; quitting stops the monitor and flushes once', async () => {
    const { controller, monitor, ports } = await setup();
    ports.app.emitSecondInstance();
    await new Promise((r) => setTimeout(r, 0));
    expect(ports.windows.windows).toHaveLength(1);
    await Promise.all([controller.quit(), controller.quit()]);
    // Quitting aborts the round in flight rather than waiting for its probes.
    expect(monitor.calls.filter((c) => c.startsWith('stop'))).toEqual(['stop+abort']);
    expect(ports.app.quitCalls).toBe(1);
    expect(ports.tray.destroyed).toBe(true);
    // Sleep and wake after quitting touch neither the stopped monitor nor the destroyed tray.
    monitor.calls = [];
    ports.power.emitSuspend();
    ports.power.emitResume();
    expect(monitor.calls).toEqual([]);
    expect(ports.tray.image).toBe(join('/app/tray', 'linux', 'healthy.png'));
  });

  it('saving settings reconfigures the monitor and the login item', async () => {
    const { controller, monitor, ports } = await setup();
    const sender = await windowSender(controller, ports.windows);
    const next = { ...defaultSettings(), intervalSeconds: 120, launchAtLogin: true };
    expect(await controller.dispatch('settings:set', sender, next)).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(monitor.config?.intervalSeconds).toBe(120);
    expect(ports.app.loginItem).toBe(true);
  });

  it("saving settings drops the stored token of a removed target and keeps the others'", async () => {
    const { controller, ports } = await setup();
    const sender = await windowSender(controller, ports.windows);
    const other = { name: 'Other', site: 'https://other.example/' };
    const both = { ...defaultSettings(), targets: [...defaultSettings().targets, other] };
    expect(await controller.dispatch('settings:set', sender, both)).toMatchObject({ ok: true });
    controller.tokens.set(T, TOKEN, [CAI_API]);
    controller.tokens.set('Other', 'b'.repeat(40), []);
    // The user removes Character.AI, then adds a different service under the same name.
    expect(
      await controller.dispatch('settings:set', sender, { ...defaultSettings(), targets: [other] }),
    ).toMatchObject({ ok: true, value: { ok: true } });
    expect(controller.tokens.state().set).toEqual({ Other: true });
    const readded = {
      ...defaultSettings(),
      targets: [other, { name: T, site: 'https://elsewhere.example/' }],
    };
    expect(await controller.dispatch('settings:set', sender, readded)).toMatchObject({ ok: true });
    expect(controller.tokens.get(T)).toBeNull();
    expect(controller.tokens.get('Other')).toBe('b'.repeat(40));
  });

  it('saves settings with targets named constructor and __proto__ holding tokens, and reconfigures', async () => {
    const { controller, monitor, ports } = await setup();
    const sender = await windowSender(controller, ports.windows);
    const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((name, i) => ({
      name,
      site: `https://odd${i}.example/`,
      endpoints: [{ name: 'me', url: `https://api${i}.example/me`, auth: true }],
      auth: { scheme: 'Token' },
    }));
    const settings = { ...defaultSettings(), targets: odd };
    expect(await controller.dispatch('settings:set', sender, settings)).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    controller.tokens.set('constructor', 'c'.repeat(40), ['https://api0.example']);
    controller.tokens.set('__proto__', 'p'.repeat(40), ['https://api1.example']);
    expect(controller.tokens.origins('toString')).toBeNull();
    const next = { ...settings, intervalSeconds: 90 };
    expect(await controller.dispatch('settings:set', sender, next)).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(monitor.config?.intervalSeconds).toBe(90);
    expect(monitor.config?.targets.map((t) => t.name)).toEqual(odd.map((t) => t.name));
    expect(controller.tokens.state().set).toEqual(
      Object.fromEntries([
        ['constructor', true],
        ['__proto__', true],
      ]),
    );
    expect(controller.tokens.get('__proto__')).toBe('p'.repeat(40));
    expect(controller.tokens.origins('constructor')).toEqual(['https://api0.example']);
  });

  it('gives the probes the proxy the session uses', async () => {
    // A separate run whose net port answers with a proxy rule before start.
    const net = new FakeNet();
    net.proxyRule = 'PROXY proxy.corp:3128; DIRECT';
    const inputs: AppCoreInput[] = [];
    const controller = new AppController({
      ports: fakePorts(new FakeApp(), net),
      settings: Settings.open({
        open: () => new MemoryStore(),
        filePath: '/x',
        fs: { exists: () => false, rename: () => {} },
        now: () => new Date(),
      }),
      createCore: (input) => {
        inputs.push(input);
        return new FakeAppCore();
      },
      renderReport: () => '',
      testTarget: null,
      paths: { preload: '/p', trayDir: '/t', dataDir: null },
      devTools: false,
      timers: new FakeTimers(),
      now: () => new Date(),
      clock: utcClock,
      writeFile: async () => {},
      log: () => {},
    });
    await controller.start();
    expect(inputs[0]!.envFor('https://character.ai/')).toMatchObject({
      HTTPS_PROXY: 'http://proxy.corp:3128',
      HTTP_PROXY: 'http://proxy.corp:3128',
    });
  });

  it('the settings form test probes through the core with the tokens, proxy and controls', async () => {
    const { controller, ports, tested } = await setup();
    const sender = await windowSender(controller, ports.windows);
    const out = await controller.dispatch('target:test', sender, {
      name: 'Mine',
      site: 'https://mine.example/',
    });
    expect(out).toEqual({ ok: true, value: { ok: true, probes: [], statusPage: null } });
    expect(tested).toEqual([
      { name: 'Mine', controls: defaultSettings().controls, proxy: null, hasTokens: true },
    ]);
  });

  it('tells the user once when the settings were reset', async () => {
    const store = new MemoryStore('/x/settings.json');
    store.set('settings', { targets: 5 });
    let opened = 0;
    const settings = Settings.open({
      open: () => (opened++ === 0 ? store : new MemoryStore('/x/settings.json')),
      filePath: '/x/settings.json',
      fs: { exists: () => true, rename: () => {} },
      now: () => new Date('2026-11-26T00:00:00Z'),
    });
    const { ports, controller } = await setup({ settings });
    expect(ports.notifier.shown.map((n) => n.title)).toEqual(['why500 settings were reset']);
    expect(controller.snapshot().notice).toContain('settings.corrupt-20261126T000000Z.json');
  });

  describe('with a WHY500_CONFIG file', () => {
    const SIM = 'Simulated';
    const fileConfig = resolveConfig({
      controls: ['https://127.0.0.1:9/control'],
      alternatePath: { proxy: 'http://127.0.0.1:3128' },
      targets: [
        {
          name: SIM,
          site: 'https://127.0.0.1:8443/',
          endpoints: [{ name: 'account', url: 'https://127.0.0.1:8443/api/me', auth: true }],
          auth: { scheme: 'Token', tokenEnv: 'WHY500_TOKEN' },
        },
      ],
    });
    const file: ConfigFile = {
      path: '/tmp/demo/why500.json',
      config: fileConfig,
      notice:
        'Using the configuration file /tmp/demo/why500.json (WHY500_CONFIG): its targets replace the ones in Settings.',
    };
    const senderOf = (controller: AppController, ports: { windows: FakeWindowFactory }) => ({
      webContentsId: ports.windows.windows[0]!.webContentsId,
      frameUrl: 'app://why500/index.html',
      isMainFrame: true,
    });

    it("monitors the file's targets and controls, says so in the snapshot, and keeps them when settings are saved", async () => {
      const { controller, monitor, inputs, ports } = await setup({
        configFile: file,
        statuses: [status(SIM, 'healthy')],
      });
      expect(inputs[0]!.config.targets.map((t) => t.name)).toEqual([SIM]);
      expect(inputs[0]!.config.controls).toEqual(['https://127.0.0.1:9/control']);
      expect(inputs[0]!.config.alternatePath).toEqual({ proxy: 'http://127.0.0.1:3128' });
      const snap = controller.snapshot();
      expect(snap.notice).toContain('Using the configuration file /tmp/demo/why500.json (WHY500_CONFIG)');
      expect(snap.targets[0]!.siteUrl).toBe('https://127.0.0.1:8443/');

      await controller.windows.openDiagnostic();
      const sender = senderOf(controller, ports);
      // IPC knows the file's target, not only the settings' ones.
      expect(
        await controller.dispatch('diagnose:start', sender, { target: SIM, symptom: true }),
      ).toMatchObject({
        ok: true,
      });
      expect(monitor.calls).toContain(`diagnose ${SIM} symptom`);
      controller.tokens.set(T, TOKEN, [CAI_API]);
      controller.tokens.set(SIM, 'c'.repeat(40), [SIM_ORIGIN]);
      const next = { ...defaultSettings(), intervalSeconds: 120 };
      expect(await controller.dispatch('settings:set', sender, next)).toMatchObject({ ok: true });
      expect(monitor.config?.intervalSeconds).toBe(120);
      expect(monitor.config?.targets.map((t) => t.name)).toEqual([SIM]);
      // Tokens of the file's targets and of the settings' own targets both stay.
      expect(controller.tokens.state().set).toEqual({ [T]: true, [SIM]: true });
    });

    it("falls back to the target's token variable when the vault has none, and redacts it", async () => {
      const { controller, inputs, monitor, logs, ports } = await setup({
        configFile: file,
        env: { WHY500_TOKEN: TOKEN },
        statuses: [status(SIM, 'healthy')],
      });
      const tokens = inputs[0]!.tokens;
      expect(tokens.get(SIM)).toBe(TOKEN);
      expect(controller.tokens.get(SIM)).toBeNull();
      // A token saved in the app wins over the environment.
      controller.tokens.set(SIM, 'a'.repeat(40), [SIM_ORIGIN]);
      expect(tokens.get(SIM)).toBe('a'.repeat(40));
      monitor.emit({
        event: 'outage',
        target: SIM,
        at: '2026-11-25T14:02:00Z',
        cause: 'account',
        summary: `bad ${TOKEN}`,
      });
      await controller.windows.openDiagnostic();
      const report = await controller.dispatch('report:get', senderOf(controller, ports), {
        target: SIM,
        format: 'markdown',
      });
      expect(report).toMatchObject({ ok: true });
      expect(JSON.stringify([report, logs, ports.notifier.shown])).not.toContain(TOKEN);
    });

    it('a file that could not be loaded: its error is the notice and the settings are used', async () => {
      const { controller, inputs } = await setup({
        configFile: { path: '/nope.json', config: null, notice: 'why500: /nope.json: (file): no file' },
        env: { WHY500_TOKEN: TOKEN },
      });
      expect(inputs[0]!.config.targets[0]!.name).toBe(T);
      expect(inputs[0]!.tokens).toBe(controller.tokens);
      expect(controller.snapshot().notice).toBe('why500: /nope.json: (file): no file');
    });
  });

  describe('first launch', () => {
    /** Lets the window's load and show run. */
    const settle = () => new Promise((r) => setTimeout(r, 0));

    it('the first start opens the diagnostic window, even from the login item', async () => {
      const { ports } = await setup({ atLogin: true });
      await settle();
      expect(ports.windows.windows).toHaveLength(1);
      expect(ports.windows.windows[0]!.isVisible()).toBe(true);
    });

    it('a start by hand opens the window; a start at login stays in the tray', async () => {
      const byHand = await setup({ settings: savedSettings(), atLogin: false });
      await settle();
      expect(byHand.ports.windows.windows).toHaveLength(1);
      expect(byHand.ports.windows.windows[0]!.shown).toBe(1);
      const atLogin = await setup({ settings: savedSettings(), atLogin: true });
      await settle();
      expect(atLogin.ports.windows.windows).toHaveLength(0);
    });

    it('a second launch by hand shows the window; one from the autostart entry does not', async () => {
      const { ports } = await setup({ settings: savedSettings(), atLogin: true });
      ports.app.emitSecondInstance(['/opt/why500/why500', '--autostart']);
      await settle();
      expect(ports.windows.windows).toHaveLength(0);
      ports.app.emitSecondInstance(['/opt/why500/why500']);
      await settle();
      expect(ports.windows.windows).toHaveLength(1);
    });

    it('macOS: opening the running app again from Finder (activate) shows the window in front', async () => {
      const { ports } = await setup({ platform: 'darwin', settings: savedSettings(), atLogin: true });
      await settle();
      expect(ports.windows.windows).toHaveLength(0);
      expect(ports.app.frontCalls).toBe(0);
      // The app takes the focus after its window is shown, so the window is what comes forward.
      const shownWhenFronted: number[] = [];
      ports.app.bringToFront = () => {
        ports.app.frontCalls++;
        shownWhenFronted.push(ports.windows.windows[0]?.shown ?? 0);
      };
      ports.app.emitActivate();
      await settle();
      expect(ports.windows.windows).toHaveLength(1);
      expect(shownWhenFronted).toEqual([1]);
    });

    it('the app comes to the front only when the user opened the window', async () => {
      const { ports, monitor } = await setup({
        platform: 'darwin',
        settings: savedSettings(),
        atLogin: true,
      });
      monitor.emit({
        event: 'outage',
        target: T,
        at: '2026-11-25T14:02:00Z',
        cause: 'overload',
        summary: 's',
      });
      await settle();
      expect(ports.notifier.shown).toHaveLength(1);
      expect(ports.app.frontCalls).toBe(0);
      ports.notifier.shown[0]!.onClick();
      await settle();
      expect(ports.app.frontCalls).toBe(1);
      ports.tray.choose('Settings…');
      await settle();
      expect(ports.app.frontCalls).toBe(2);
    });

    it('a development run sets no AppUserModelID and registers no login item', async () => {
      const settings = savedSettings();
      settings.save({ ...defaultSettings(), launchAtLogin: true });
      const dev = await setup({ platform: 'win32', settings, packaged: false });
      expect(dev.ports.app.appUserModelId).toBeNull();
      expect(dev.ports.app.loginItem).toBeNull();
      expect(dev.logs.join('\n')).toContain('launch at login is left alone in a development run');
      const installed = await setup({ platform: 'win32', settings, packaged: true });
      expect(installed.ports.app.appUserModelId).toBe(APP_USER_MODEL_ID);
      expect(installed.ports.app.loginItem).toBe(true);
    });

    it('a failed start shows a native error box with the reason and writes it to the log file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'why500-start-'));
      try {
        const logFile = new LogFile(dir);
        const { controller, ports } = await setup({
          settings: savedSettings(),
          dataDir: dir,
          start: false,
          createCore: () => {
            throw new Error(`EACCES: permission denied, mkdir '${join(dir, 'history')}'`);
          },
        });
        const app = ports.app;
        const desktop = ports.dialog;
        await controller.start().catch((error: unknown) =>
          explainFailedStart(error, {
            errorBox: desktop,
            app,
            log: (l) => logFile.append(l),
            logPath: logFile.path,
          }),
        );
        expect(app.exitCodes).toEqual([1]);
        expect(desktop.errorBoxes).toHaveLength(1);
        const box = desktop.errorBoxes[0]!;
        expect(box.title).toBe(START_FAILED_TITLE);
        expect(box.content).toContain('EACCES: permission denied');
        expect(box.content).toContain(join(dir, LOG_FILE_NAME));
        expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toMatch(
          /^\d{4}-\d\d-\d\dT[\d:.]+Z could not start: EACCES: permission denied/,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a failed start whose log cannot be written still shows the reason, and credentials stay out', () => {
      const app = new FakeApp();
      const desktop = new FakeDesktop();
      explainFailedStart(new Error('proxy said: Authorization: Bearer abcdefgh12345678'), {
        errorBox: desktop,
        app,
        log: () => false,
        logPath: '/nowhere/why500.log',
      });
      expect(desktop.errorBoxes[0]!.content).toContain('proxy said');
      expect(desktop.errorBoxes[0]!.content).not.toContain('abcdefgh12345678');
      expect(desktop.errorBoxes[0]!.content).toContain(
        'could not be written to the log file /nowhere/why500.log',
      );
      expect(app.exitCodes).toEqual([1]);
    });
  });

  describe('quit', () => {
    it('removes the tray first, then stops the monitor without waiting for a 15 s probe', async () => {
      const monitor = new FakeAppCore();
      const { controller, ports, timers, logs } = await setup({
        monitor,
        settings: savedSettings(),
        atLogin: true,
      });
      let trayGoneAtStop: boolean | null = null;
      let finishRound: () => void = () => {};
      monitor.stop = () => {
        trayGoneAtStop = ports.tray.destroyed;
        // The round in flight ends only at its 15 s probe deadline.
        return new Promise<void>((resolve) => {
          finishRound = resolve;
          timers.setTimeout(resolve, 15_000);
        });
      };
      let done = false;
      const quitting = controller.quit().then(() => (done = true));
      expect(ports.tray.destroyed).toBe(true);
      expect(trayGoneAtStop).toBe(true);
      await Promise.resolve();
      expect(done).toBe(false);
      timers.advance(QUIT_STOP_DEADLINE_MS);
      await vi.waitFor(() => expect(done).toBe(true), { timeout: 1_000 });
      await quitting;
      expect(ports.app.quitCalls).toBe(1);
      expect(timers.now).toBeLessThan(15_000);
      expect(logs).toContain('quitting without waiting for the round in flight');
      // The tray is not drawn again after it went (a late change from the abandoned round).
      const builds = ports.tray.menuBuilds;
      monitor.set([status(T, 'outage')]);
      finishRound();
      expect(ports.tray.menuBuilds).toBe(builds);
    });

    it('a monitor that stops at once quits at once, with no deadline left behind', async () => {
      const { controller, ports, timers, logs } = await setup({ settings: savedSettings(), atLogin: true });
      await controller.quit();
      expect(ports.app.quitCalls).toBe(1);
      expect(timers.pending()).toBe(0);
      expect(logs).not.toContain('quitting without waiting for the round in flight');
    });
  });

  describe('update check', () => {
    it('shows a newer version from the feed in the tray menu and the window, once', async () => {
      let asked = 0;
      const updater = {
        checkForUpdates: async () => {
          asked++;
          return { isUpdateAvailable: true, updateInfo: { version: '0.2.0' } };
        },
      };
      const { controller, ports, timers, logs } = await setup({ updater });
      const line = updateAvailableLine('0.2.0', ports.app.version);
      expect(ports.tray.labels()).not.toContain(line);
      timers.advance(FIRST_CHECK_DELAY_MS);
      await vi.waitFor(() => expect(ports.tray.labels()).toContain(line));
      expect(controller.snapshot().notice).toContain(line);
      timers.advance(CHECK_INTERVAL_MS);
      await vi.waitFor(() => expect(asked).toBe(2));
      expect(logs.filter((l) => l.includes(line))).toHaveLength(1);
      await controller.quit();
      expect(timers.pending()).toBe(0);
    });

    it('is off without an updater: no check scheduled, no line', async () => {
      const { controller, ports, timers } = await setup();
      timers.advance(FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS);
      expect(ports.tray.labels().some((l) => l.includes('is available'))).toBe(false);
      expect(controller.snapshot().notice).toBeNull();
    });
  });
});
