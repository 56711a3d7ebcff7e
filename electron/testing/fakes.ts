// Fake Electron ports and a fake app core for the tests: plain objects that record what the app
// asked of them. Nothing here runs in the real app.

import type { UptimeSummary } from '../../shared/types/uptime';
import type { AppCore } from '../../core/app/app-core';
import type { DiagnoseOptions } from '../../core/monitor/monitor-types';
import type { ReportFormat, ReportInput } from '../../core/report/types';
import { resolveConfig } from '../../shared/config/defaults';
import type { PushChannel, PushChannels, TimelineData, TimelineRange } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { LoginItemStatus } from '../../shared/types/settings';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import type { Timers } from '../app/run-control';
import type { AppMenuSection } from '../app/app-menu';
import type {
  AppMenuPort,
  AppPort,
  ClipboardPort,
  DialogPort,
  ErrorBoxPort,
  MenuItemModel,
  NetPort,
  NotificationRequest,
  NotifierPort,
  PowerPort,
  SafeStoragePort,
  SessionBusPort,
  ShellPort,
  TrayAction,
  TrayPort,
  WindowFactory,
  WindowOptions,
  WindowPort,
} from '../platform/ports';

/** A tray that records its image, tooltip and menu. */
export class FakeTray implements TrayPort {
  image = '';
  tooltip = '';
  menu: MenuItemModel[] = [];
  menuBuilds = 0;
  popUps = 0;
  destroyed = false;
  private click: () => void = () => {};
  private action: (a: TrayAction) => void = () => {};
  setImage(path: string): void {
    this.image = path;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setMenu(items: MenuItemModel[], onAction: (action: TrayAction) => void): void {
    this.menu = items;
    this.action = onAction;
    this.menuBuilds++;
  }
  onClick(listener: () => void): void {
    this.click = listener;
  }
  popUpMenu(): void {
    this.popUps++;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** Simulates a primary click on the icon. */
  clickIcon(): void {
    this.click();
  }
  /** Clicks the menu item with this label. */
  choose(label: string): void {
    const item = this.menu.find((i) => i.type === 'item' && i.label === label);
    if (!item || item.type !== 'item' || !item.action) throw new Error(`no clickable menu item "${label}"`);
    this.action(item.action);
  }
  /** Labels of the menu, separators as "---". */
  labels(): string[] {
    return this.menu.map((i) => (i.type === 'separator' ? '---' : i.label));
  }
}

/** Records notifications. */
export class FakeNotifier implements NotifierPort {
  shown: NotificationRequest[] = [];
  supported = true;
  isSupported(): boolean {
    return this.supported;
  }
  show(request: NotificationRequest): void {
    this.shown.push(request);
  }
}

/** A window that records what it was told. */
export class FakeWindow implements WindowPort {
  sent: { channel: string; payload: unknown }[] = [];
  loaded: string[] = [];
  shown = 0;
  focused = 0;
  destroyed = false;
  private closed: (() => void)[] = [];
  constructor(
    readonly webContentsId: number,
    readonly options: WindowOptions,
  ) {}
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.shown++;
  }
  focus(): void {
    this.focused++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.shown > 0 && !this.destroyed;
  }
  /** Minimised by the user (the test sets it); restore() brings it back. */
  minimized = false;
  restored = 0;
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.restored++;
  }
  close(): void {
    this.destroyed = true;
    for (const l of this.closed) l();
  }
  destroy(): void {
    this.close();
  }
  private gone: ((reason: string) => void)[] = [];
  onRenderGone(listener: (reason: string) => void): void {
    this.gone.push(listener);
  }
  /** Simulates the page's renderer process going away. */
  emitRenderGone(reason = 'crashed'): void {
    for (const l of this.gone) l(reason);
  }
  send<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
    this.sent.push({ channel, payload });
  }
  onClosed(listener: () => void): void {
    this.closed.push(listener);
  }
}

/** Creates FakeWindows with increasing ids. */
export class FakeWindowFactory implements WindowFactory {
  windows: FakeWindow[] = [];
  private nextId = 100;
  create(options: WindowOptions): FakeWindow {
    const w = new FakeWindow(this.nextId++, options);
    this.windows.push(w);
    return w;
  }
}

/**
 * A reversible "encryption" that never stores the plain text as is. Like Electron (measured on 41),
 * the `basic_text` backend counts as available only after setUsePlainTextEncryption(true).
 */
export class FakeSafeStorage implements SafeStoragePort {
  /** How many times decryptString ran. */
  decryptCalls = 0;
  /** Every call, by method name (each may open the keychain on macOS). */
  calls: string[] = [];
  /** Whether setUsePlainTextEncryption(true) was called. */
  plainText = false;
  constructor(
    public available = true,
    public backend: string | null = 'gnome_libsecret',
    public touchesKeychain = false,
  ) {}
  isEncryptionAvailable(): boolean {
    this.calls.push('isEncryptionAvailable');
    return this.available && (this.backend !== 'basic_text' || this.plainText);
  }
  setUsePlainTextEncryption(use: boolean): void {
    this.plainText = use;
  }
  encryptString(plainText: string): Buffer {
    this.calls.push('encryptString');
    return Buffer.from([...Buffer.from(plainText, 'utf8')].map((b) => b ^ 0x5a));
  }
  decryptString(encrypted: Buffer): string {
    this.calls.push('decryptString');
    this.decryptCalls++;
    return Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8');
  }
  getSelectedStorageBackend(): string | null {
    this.calls.push('getSelectedStorageBackend');
    return this.backend;
  }
}

/** Power events on demand. */
export class FakePower implements PowerPort {
  private suspend: (() => void)[] = [];
  private resume: (() => void)[] = [];
  onSuspend(listener: () => void): void {
    this.suspend.push(listener);
  }
  onResume(listener: () => void): void {
    this.resume.push(listener);
  }
  emitSuspend(): void {
    for (const l of this.suspend) l();
  }
  emitResume(): void {
    for (const l of this.resume) l();
  }
}

/** Network state on demand. */
export class FakeNet implements NetPort {
  online = true;
  /** The rule for every URL without its own in `proxyRules`. */
  proxyRule = 'DIRECT';
  /** Rules per host name (a PAC script sends hosts to different proxies). */
  proxyRules = new Map<string, string>();
  /** Every URL asked about. */
  proxyAsked: string[] = [];
  private listeners: ((online: boolean) => void)[] = [];
  isOnline(): boolean {
    return this.online;
  }
  onOnlineChange(listener: (online: boolean) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
  async resolveProxy(url: string): Promise<string> {
    this.proxyAsked.push(url);
    return this.proxyRules.get(new URL(url).hostname) ?? this.proxyRule;
  }
  setOnline(online: boolean): void {
    this.online = online;
    for (const l of this.listeners) l(online);
  }
}

/** A session bus whose names the test sets; records what was asked. */
export class FakeSessionBus implements SessionBusPort {
  /** Owned names; a name mapped to null makes the bus unreachable for it. */
  owners = new Map<string, boolean | null>();
  asked: string[] = [];
  async nameHasOwner(name: string): Promise<boolean | null> {
    this.asked.push(name);
    return this.owners.has(name) ? (this.owners.get(name) ?? null) : false;
  }
}

/** Records the application menu set (undefined: never set, Electron's default would show). */
export class FakeAppMenu implements AppMenuPort {
  menu: AppMenuSection[] | null | undefined = undefined;
  setApplicationMenu(sections: AppMenuSection[] | null): void {
    this.menu = sections;
  }
}

/** Clipboard, dialog and shell recorders. */
export class FakeDesktop implements ClipboardPort, DialogPort, ErrorBoxPort, ShellPort {
  clipboard: string[] = [];
  opened: string[] = [];
  savePath: string | null = '/tmp/report.md';
  errorBoxes: { title: string; content: string }[] = [];
  writeText(text: string): void {
    this.clipboard.push(text);
  }
  async chooseSavePath(): Promise<string | null> {
    return this.savePath;
  }
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

/** The app object. */
export class FakeApp implements AppPort {
  version = '0.1.0-test';
  isPackaged = true;
  /** What `startedAtLogin` answers. */
  atLogin = false;
  loginItem: boolean | null = null;
  dockHidden = false;
  appUserModelId: string | null = null;
  quitCalls = 0;
  frontCalls = 0;
  exitCodes: number[] = [];
  private second: ((argv: readonly string[]) => void)[] = [];
  private activate: (() => void)[] = [];
  constructor(readonly platform: NodeJS.Platform = 'linux') {}
  requestSingleInstanceLock(): boolean {
    return true;
  }
  onSecondInstance(listener: (argv: readonly string[]) => void): void {
    this.second.push(listener);
  }
  emitSecondInstance(argv: readonly string[] = ['why500']): void {
    for (const l of this.second) l(argv);
  }
  onActivate(listener: () => void): void {
    this.activate.push(listener);
  }
  emitActivate(): void {
    for (const l of this.activate) l();
  }
  startedAtLogin(): boolean {
    return this.atLogin;
  }
  bringToFront(): void {
    this.frontCalls++;
  }
  exit(code: number): void {
    this.exitCodes.push(code);
  }
  setLaunchAtLogin(enabled: boolean): void {
    this.loginItem = enabled;
    this.loginStatus = enabled ? 'enabled' : 'not-registered';
  }
  /** What `loginItemStatus` answers (set by setLaunchAtLogin; tests set others). */
  loginStatus: LoginItemStatus = 'not-registered';
  loginItemStatus(): LoginItemStatus {
    return this.loginStatus;
  }
  hideDock(): void {
    this.dockHidden = true;
  }
  /** macOS: where the app runs from (the test sets it); null elsewhere. */
  inApplications: boolean | null = null;
  /** What a move to Applications answers; the moves asked for. */
  moveSucceeds = true;
  moves = 0;
  isInApplicationsFolder(): boolean | null {
    return this.platform === 'darwin' ? (this.inApplications ?? true) : null;
  }
  moveToApplicationsFolder(): boolean {
    this.moves++;
    return this.moveSucceeds;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  quit(): void {
    this.quitCalls++;
  }
}

/** Timers driven by `advance`. */
export class FakeTimers implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  /** Runs every timer due within `ms`. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = end;
  }
  pending(): number {
    return this.queue.length;
  }
}

/** A status for a target. */
export function status(
  target: string,
  state: TargetStatus['state'],
  extra: Partial<TargetStatus> = {},
): TargetStatus {
  return {
    target,
    state,
    since: '2026-11-25T14:02:00.000Z',
    cause: null,
    confidence: null,
    lastRoundAt: '2026-11-25T14:05:00.000Z',
    diagnosis: null,
    ...extra,
  };
}

/** An app core whose state the test sets and whose calls it records; it never probes anything. */
export class FakeAppCore implements AppCore {
  calls: string[] = [];
  notice: string | null = null;
  current: TargetStatus[];
  config: ResolvedConfig | null = null;
  diagnosis: Diagnosis | null = null;
  private events: ((e: MonitorEvent) => void)[] = [];
  private changes: (() => void)[] = [];
  constructor(statuses: TargetStatus[] = [status('Character.AI', 'healthy')]) {
    this.current = statuses;
  }
  start(): void {
    this.calls.push('start');
  }
  async stop(options?: { abort?: boolean }): Promise<void> {
    this.calls.push(options?.abort ? 'stop+abort' : 'stop');
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(options?: { probeNow?: boolean }): void {
    this.calls.push(options?.probeNow ? 'resume+probe' : 'resume');
  }
  statuses(): TargetStatus[] {
    return this.current;
  }
  lastRound(_target: string): Round | null {
    return null;
  }
  statusReading(_target: string): StatusReading | null {
    return null;
  }
  async diagnoseNow(target: string, options?: DiagnoseOptions): Promise<Diagnosis | null> {
    this.calls.push(`diagnose ${target}${options?.symptom ? ' symptom' : ''}`);
    options?.onProgress?.({ target, running: false, checks: [] });
    return this.diagnosis;
  }
  timeline(target: string, range: TimelineRange): TimelineData {
    return {
      target,
      range,
      from: '',
      to: '',
      samples: [],
      events: [],
      deploys: [],
      bands: [],
      uptime: this.uptime(target),
    };
  }
  /** Uptime with nothing watched, unless a test sets `uptimes[target]`. */
  uptimes: Record<string, UptimeSummary> = {};
  uptime(target: string): UptimeSummary {
    return (
      this.uptimes[target] ?? { target, at: new Date(0).toISOString(), windows: [], heartbeat: [], keptMs: 0 }
    );
  }
  reconfigure(config: ResolvedConfig): void {
    this.config = config;
    this.calls.push('reconfigure');
  }
  onEvent(listener: (event: MonitorEvent) => void): () => void {
    this.events.push(listener);
    return () => {};
  }
  onChange(listener: () => void): () => void {
    this.changes.push(listener);
    return () => {};
  }
  async check(target: string): Promise<Round> {
    throw new Error(`FakeAppCore does not probe (check ${target})`);
  }
  async observe(target: string): Promise<Diagnosis | null> {
    throw new Error(`FakeAppCore does not probe (observe ${target})`);
  }
  /** The report input from what the fake holds (the target from the last config, else a default one). */
  reportInput(target: string): ReportInput {
    const config = this.config ?? resolveConfig({});
    const known = config.targets.find((t) => t.name === target) ?? { ...config.targets[0]!, name: target };
    const status = this.current.find((s) => s.target === target) ?? null;
    return {
      target: known,
      status,
      diagnosis: status?.diagnosis ?? this.diagnosis,
      lastRound: this.lastRound(target),
      statusReading: this.statusReading(target),
      recentEvents: this.recentEvents(target),
      tried: [],
      app: { name: 'why500', version: '0', os: 'linux', timeZone: 'UTC' },
      generatedAt: '2026-11-25T14:06:00.000Z',
    };
  }
  report(target: string, format: ReportFormat): string {
    return `${format} report for ${target}`;
  }
  recentEvents(_target: string): MonitorEvent[] {
    return [];
  }
  /** Emits a monitor event. */
  emit(event: MonitorEvent): void {
    for (const l of this.events) l(event);
  }
  /** Sets the statuses and signals a change. */
  set(statuses: TargetStatus[]): void {
    this.current = statuses;
    for (const l of this.changes) l();
  }
}

/** A full set of fake ports (each a fresh fake), with `app` and `net` given or new. */
export function fakePorts(app: FakeApp = new FakeApp('linux'), net: FakeNet = new FakeNet()) {
  return {
    app,
    tray: new FakeTray(),
    notifier: new FakeNotifier(),
    windows: new FakeWindowFactory(),
    safeStorage: new FakeSafeStorage(),
    power: new FakePower(),
    net,
    clipboard: new FakeDesktop(),
    dialog: new FakeDesktop(),
    shell: new FakeDesktop(),
    sessionBus: trayHost(),
    menu: new FakeAppMenu(),
  };
}

/** A session bus with a tray host running (the usual desktop). */
function trayHost(): FakeSessionBus {
  const bus = new FakeSessionBus();
  bus.owners.set('org.kde.StatusNotifierWatcher', true);
  return bus;
}
