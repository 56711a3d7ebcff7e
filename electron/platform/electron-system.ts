// The remaining ports over Electron: safeStorage, powerMonitor, net/session, clipboard, dialog,
// shell and app.

import { app, clipboard, dialog, net, powerMonitor, safeStorage, session, shell } from 'electron';
import { AUTOSTART_ARG, hasAutostartArg, linuxAutostartStatus, setLinuxAutostart } from '../app/autostart';
import type {
  AppPort,
  ClipboardPort,
  DialogPort,
  ErrorBoxPort,
  NetPort,
  PowerPort,
  SafeStoragePort,
  ShellPort,
} from './ports';

/** Encrypted storage through the OS keychain / DPAPI / libsecret. */
export const electronSafeStorage = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  encryptString: (plainText: string) => safeStorage.encryptString(plainText),
  decryptString: (encrypted: Buffer) => safeStorage.decryptString(encrypted),
  getSelectedStorageBackend: () =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
  touchesKeychain: process.platform === 'darwin',
  setUsePlainTextEncryption: (use: boolean) => {
    if (process.platform === 'linux') safeStorage.setUsePlainTextEncryption(use);
  },
} satisfies SafeStoragePort;

/** Sleep and wake. */
export const electronPower = {
  onSuspend: (listener: () => void) => void powerMonitor.on('suspend', listener),
  onResume: (listener: () => void) => void powerMonitor.on('resume', listener),
} satisfies PowerPort;

/** How often the main process rechecks `net.isOnline()` (it has no online/offline event). */
const ONLINE_POLL_MS = 2_000;

/** Reachability and the session's proxy. */
export const electronNet = {
  isOnline: () => net.isOnline(),
  onOnlineChange: (listener: (online: boolean) => void) => {
    let last = net.isOnline();
    const timer = setInterval(() => {
      const now = net.isOnline();
      if (now !== last) {
        last = now;
        listener(now);
      }
    }, ONLINE_POLL_MS);
    timer.unref();
    return () => clearInterval(timer);
  },
  resolveProxy: (url: string) => session.defaultSession.resolveProxy(url),
} satisfies NetPort;

/** The clipboard. */
export const electronClipboard = {
  writeText: (text: string) => clipboard.writeText(text),
} satisfies ClipboardPort;

/** The save dialog. */
export const electronDialog = {
  chooseSavePath: async ({ title, defaultName }: { title: string; defaultName: string }) => {
    const result = await dialog.showSaveDialog({ title, defaultPath: defaultName });
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  showErrorBox: (title: string, content: string) => dialog.showErrorBox(title, content),
} satisfies DialogPort & ErrorBoxPort;

/** The user's browser (the caller checks the URL with security/policies.ts first). */
export const electronShell = {
  openExternal: (url: string) => shell.openExternal(url),
} satisfies ShellPort;

/** The application. */
export const electronApp = {
  platform: process.platform,
  version: app.getVersion(),
  isPackaged: app.isPackaged,
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  onSecondInstance: (listener: (argv: readonly string[]) => void) =>
    void app.on('second-instance', (_event, argv) => listener(argv)),
  onActivate: (listener: () => void) => void app.on('activate', () => listener()),
  // macOS login items take no arguments; Electron says whether this launch came from one.
  startedAtLogin: () =>
    hasAutostartArg(process.argv) ||
    (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin),
  setLaunchAtLogin: (enabled: boolean) => {
    if (process.platform === 'darwin') {
      // No `openAsHidden`: Electron 45 removed it (macOS 13's SMAppService ignores it); the app has
      // no Dock icon (LSUIElement) and opens no window at a login start anyway.
      app.setLoginItemSettings({ openAtLogin: enabled });
    } else if (process.platform === 'win32') {
      // Windows matches the entry by its arguments: enabling and disabling pass the same ones.
      app.setLoginItemSettings({ openAtLogin: enabled, args: [AUTOSTART_ARG] });
    } else if (process.platform === 'linux') {
      // Electron has no login-item API on Linux: write an XDG autostart entry instead.
      setLinuxAutostart(enabled, { home: app.getPath('home'), env: process.env, execPath: process.execPath });
    }
  },
  loginItemStatus: () => {
    if (process.platform === 'darwin') {
      const settings = app.getLoginItemSettings();
      // `status` comes with macOS 13's SMAppService; older systems only say whether it is on.
      return settings.status ?? (settings.openAtLogin ? 'enabled' : 'not-registered');
    }
    if (process.platform === 'win32') {
      const settings = app.getLoginItemSettings({ args: [AUTOSTART_ARG] });
      if (!settings.openAtLogin) return 'not-registered';
      return settings.executableWillLaunchAtLogin ? 'enabled' : 'disabled';
    }
    return linuxAutostartStatus({ home: app.getPath('home'), env: process.env });
  },
  isInApplicationsFolder: () => (process.platform === 'darwin' ? app.isInApplicationsFolder() : null),
  moveToApplicationsFolder: () => process.platform === 'darwin' && app.moveToApplicationsFolder(),
  hideDock: () => app.dock?.hide(),
  // A Dock-less (LSUIElement) app does not become active by showing a window; the user asked for
  // it, so take the focus (Electron's docs: use `steal` sparingly).
  bringToFront: () => {
    if (process.platform === 'darwin') app.focus({ steal: true });
  },
  setAppUserModelId: (id: string) => app.setAppUserModelId(id),
  quit: () => app.quit(),
  exit: (code: number) => app.exit(code),
} satisfies AppPort;
