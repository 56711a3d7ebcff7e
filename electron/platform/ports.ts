// The small interfaces the app needs from Electron. Every behaviour is written against these, so
// it runs under plain Node with fakes; electron-*.ts adapters implement them with real Electron.

import type { PushChannel, PushChannels } from '../../shared/ipc/contract';
import type { LoginItemStatus } from '../../shared/types/settings';
import type { AppMenuSection } from '../app/app-menu';

/** One entry of a tray menu, as plain data (the adapter turns it into an Electron menu). */
export type MenuItemModel =
  | { type: 'separator' }
  | {
      type: 'item';
      label: string;
      enabled: boolean;
      /** What a click does; absent for informational lines. */
      action?: TrayAction;
    };

/** Everything a tray menu item can ask for. */
export type TrayAction =
  | { kind: 'diagnose'; target: string; symptom: boolean }
  | { kind: 'open-window'; target: string | null }
  | { kind: 'clean-session'; target: string }
  | { kind: 'pause'; until: 'hour' | 'tomorrow' }
  | { kind: 'resume' }
  | { kind: 'snooze'; hours: number }
  | { kind: 'unsnooze' }
  | { kind: 'settings' }
  | { kind: 'quit' };

/** The tray icon. */
export interface TrayPort {
  setImage(path: string): void;
  setToolTip(text: string): void;
  setMenu(items: MenuItemModel[], onAction: (action: TrayAction) => void): void;
  /** Registers the primary (left) click handler. */
  onClick(listener: () => void): void;
  /** Shows the context menu now (used where a click should show the menu). */
  popUpMenu(): void;
  destroy(): void;
}

/** A native notification to show. */
export interface NotificationRequest {
  title: string;
  body: string;
  onClick: () => void;
}

/** Shows native notifications. */
export interface NotifierPort {
  isSupported(): boolean;
  show(request: NotificationRequest): void;
}

/** The web preferences the app sets on every window (a subset of Electron's). */
export interface SafeWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  webviewTag: false;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  /** Absolute path of the bundled preload, or absent (clean-session window). */
  preload?: string;
  /** A session partition (clean-session window). */
  partition?: string;
  devTools: boolean;
}

/** Options for creating a window. */
export interface WindowOptions {
  /** Decides the navigation policy the adapter installs (security/policies.ts). */
  kind: 'app' | 'clean-session';
  title: string;
  width: number;
  height: number;
  show: boolean;
  webPreferences: SafeWebPreferences;
  /** Empty the partition's storage and cache before the first load (the reused clean session). */
  emptySessionFirst?: boolean;
  /** Send a browser's user agent, without the `Electron/…` and app tokens (see windows/user-agent.ts). */
  plainUserAgent?: boolean;
}

/** One browser window. */
export interface WindowPort {
  /** The id of its web contents (used to recognise IPC senders). */
  readonly webContentsId: number;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isVisible(): boolean;
  isMinimized(): boolean;
  /** Brings a minimised window back. */
  restore(): void;
  close(): void;
  /** Destroys the window at once (no unload handlers: a gone renderer cannot run them). */
  destroy(): void;
  send<C extends PushChannel>(channel: C, payload: PushChannels[C]): void;
  onClosed(listener: () => void): void;
  /** The page's renderer process is gone (crashed, killed, out of memory); `reason` is Electron's word. */
  onRenderGone(listener: (reason: string) => void): void;
}

/** Creates windows (the adapter also installs the navigation, window.open and permission guards). */
export interface WindowFactory {
  create(options: WindowOptions): WindowPort;
}

/** The OS-backed secret encryption (Electron's safeStorage). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which backend encrypts; `basic_text` means no keyring (weak). */
  getSelectedStorageBackend(): string | null;
  /**
   * True where any of these calls opens the OS keychain (macOS, which may prompt, e.g. after every
   * unsigned update): nothing calls them then while no token is stored.
   */
  readonly touchesKeychain: boolean;
  /**
   * Linux only: lets `basic_text` (Chromium's public built-in key) count as available; Electron
   * reports no encryption without it. A no-op elsewhere.
   */
  setUsePlainTextEncryption(use: boolean): void;
}

/** Sleep and wake notifications. */
export interface PowerPort {
  onSuspend(listener: () => void): void;
  onResume(listener: () => void): void;
}

/** Network reachability and the system proxy. */
export interface NetPort {
  isOnline(): boolean;
  /** Listens for the network coming back / going away; returns an unsubscribe. */
  onOnlineChange(listener: (online: boolean) => void): () => void;
  /** The PAC-style proxy rule that applies to a URL, e.g. "PROXY host:8080; DIRECT". */
  resolveProxy(url: string): Promise<string>;
}

/** The desktop session's message bus (Linux), asked through `dbus-send` or `gdbus`. */
export interface SessionBusPort {
  /** Whether `name` has an owner on the session bus; null when the bus could not be asked. */
  nameHasOwner(name: string): Promise<boolean | null>;
}

/** The application menu. */
export interface AppMenuPort {
  /** Replaces Electron's default menu; null removes the menu. */
  setApplicationMenu(sections: AppMenuSection[] | null): void;
}

/** The clipboard. */
export interface ClipboardPort {
  writeText(text: string): void;
}

/** File dialogs. */
export interface DialogPort {
  /** Asks where to save; null when cancelled. */
  chooseSavePath(options: { title: string; defaultName: string }): Promise<string | null>;
}

/** The native error box: works before any window exists, so it is how a failed start is told. */
export interface ErrorBoxPort {
  showErrorBox(title: string, content: string): void;
}

/** Opening things outside the app. */
export interface ShellPort {
  openExternal(url: string): Promise<void>;
}

/** The application object. */
export interface AppPort {
  readonly platform: NodeJS.Platform;
  readonly version: string;
  /** False in development runs (`npm start`): no installed shortcut or executable stands behind it. */
  readonly isPackaged: boolean;
  /** Takes the single-instance lock; false means another instance runs (quit at once). */
  requestSingleInstanceLock(): boolean;
  /** Another launch of the app, with its command line. */
  onSecondInstance(listener: (argv: readonly string[]) => void): void;
  /** macOS: the app was launched again from Finder, Spotlight or the Dock while it runs. */
  onActivate(listener: () => void): void;
  /** True when this process was started by the login item / autostart entry, not by the user. */
  startedAtLogin(): boolean;
  /** Registers (with the autostart mark on the command line) or removes the login item. */
  setLaunchAtLogin(enabled: boolean): void;
  /** What the OS says of the login item now (macOS 13+ reports `requires-approval` and `not-found`). */
  loginItemStatus(): LoginItemStatus;
  /** macOS: whether the app runs from an Applications folder; null on other systems. */
  isInApplicationsFolder(): boolean | null;
  /** macOS: moves the app to Applications and relaunches it from there; false when it was not moved. */
  moveToApplicationsFolder(): boolean;
  hideDock(): void;
  /** Makes the app the active one so its window comes to the front (needed on macOS only). */
  bringToFront(): void;
  setAppUserModelId(id: string): void;
  quit(): void;
  /** Exits at once with the code, without the quit events. */
  exit(code: number): void;
}
