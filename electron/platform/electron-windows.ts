// WindowFactory over BrowserWindow, with the hardening installed on every window: navigation and
// window.open denied (security/policies.ts), every permission request denied, no webviews.

import { BrowserWindow, type Session, type WebContents } from 'electron';
import { mayGrantPermission, mayNavigate, mayOpenWindow } from '../security/policies';
import { plainUserAgent } from '../windows/user-agent';
import type { WindowFactory, WindowOptions, WindowPort } from './ports';

const guardedSessions = new WeakSet<Session>();

/** Denies every permission request and check in a session (once per session). */
export function denyAllPermissions(session: Session): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayGrantPermission(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    mayGrantPermission(permission, origin),
  );
}

/** Installs the navigation guards on a web contents. */
export function guardContents(contents: WebContents, kind: WindowOptions['kind']): void {
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(kind, url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(kind, url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => (mayOpenWindow(url) ? { action: 'allow' } : { action: 'deny' }));
}

/** Creates hardened windows. */
export function createElectronWindowFactory(): WindowFactory {
  return {
    create(options: WindowOptions): WindowPort {
      const win = new BrowserWindow({
        title: options.title,
        width: options.width,
        height: options.height,
        show: options.show,
        autoHideMenuBar: true,
        // Written out (not spread) so static scanners see them; the types pin the same values.
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          webviewTag: false,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          navigateOnDragDrop: false,
          spellcheck: options.webPreferences.spellcheck,
          devTools: options.webPreferences.devTools,
          disableBlinkFeatures: 'Auxclick',
          ...(options.webPreferences.preload ? { preload: options.webPreferences.preload } : {}),
          ...(options.webPreferences.partition ? { partition: options.webPreferences.partition } : {}),
        },
      });
      const contents = win.webContents;
      const ses = contents.session;
      denyAllPermissions(ses);
      guardContents(contents, options.kind);
      if (options.plainUserAgent) {
        const agent = plainUserAgent(ses.getUserAgent());
        ses.setUserAgent(agent);
        contents.setUserAgent(agent);
      }
      // The reused clean session starts empty: no cookies, storage or cache from an earlier use.
      const emptied = options.emptySessionFirst
        ? Promise.all([ses.clearStorageData(), ses.clearCache()]).then(() => undefined)
        : Promise.resolve();
      return {
        webContentsId: contents.id,
        loadURL: async (url) => {
          await emptied;
          await win.loadURL(url);
        },
        show: () => win.show(),
        focus: () => win.focus(),
        isDestroyed: () => win.isDestroyed(),
        isVisible: () => !win.isDestroyed() && win.isVisible(),
        isMinimized: () => !win.isDestroyed() && win.isMinimized(),
        restore: () => win.restore(),
        close: () => win.close(),
        destroy: () => win.destroy(),
        send: (channel, payload) => {
          if (!win.isDestroyed()) contents.send(channel, payload);
        },
        onClosed: (listener) => win.on('closed', listener),
        onRenderGone: (listener) =>
          contents.on('render-process-gone', (_event, details) => listener(details.reason)),
      } satisfies WindowPort;
    },
  };
}
