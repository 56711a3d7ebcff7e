// Opens and tracks the app's windows: one diagnostic window (reused, re-shown on demand) and any
// number of clean-session windows. Knows which web contents are the app's own (for IPC checks).

import type { PushChannel, PushChannels, WindowView } from '../../shared/ipc/contract';
import type { WindowFactory, WindowPort } from '../platform/ports';
import { APP_INDEX_URL } from '../security/csp';
import { isHttpUrl } from '../security/policies';
import { cleanPartitionName, cleanSessionWindowOptions, diagnosticWindowOptions } from './web-preferences';

/** Dependencies of the window manager. */
export interface AppWindowsDeps {
  factory: WindowFactory;
  preloadPath: string;
  devTools: boolean;
  /** Reports a failure to load (one line, no secrets). */
  log: (line: string) => void;
}

/** The app's windows. */
export class AppWindows {
  private main: WindowPort | null = null;
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: AppWindowsDeps) {}

  /** Opens (or re-shows) the diagnostic window, optionally on a view for a target. */
  async openDiagnostic(request?: { view: WindowView; target: string | null }): Promise<void> {
    if (!this.main || this.main.isDestroyed()) {
      const win = this.deps.factory.create(
        diagnosticWindowOptions(this.deps.preloadPath, this.deps.devTools),
      );
      this.main = win;
      win.onClosed(() => {
        if (this.main === win) this.main = null;
      });
      this.loading = win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
        this.deps.log(
          `the diagnostic window failed to load: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    const win = this.main;
    await this.loading;
    if (win.isDestroyed()) return;
    win.show();
    win.focus();
    if (request) win.send('view:show', request);
  }

  /** Opens the site in a window with a fresh in-memory session (no extensions, no cookies, no preload). */
  async openCleanSession(target: string, siteUrl: string): Promise<WindowPort> {
    if (!isHttpUrl(siteUrl)) throw new Error(`the site address of ${target} is not an http(s) URL`);
    const win = this.deps.factory.create(cleanSessionWindowOptions(target, cleanPartitionName()));
    await win.loadURL(siteUrl);
    return win;
  }

  /** Pushes a message to the diagnostic window if it is open. */
  send<C extends PushChannel>(channel: C, payload: PushChannels[C]): void {
    if (this.main && !this.main.isDestroyed()) this.main.send(channel, payload);
  }

  /** The web contents ids IPC is accepted from (the diagnostic window only). */
  trustedContentsIds(): Set<number> {
    return new Set(this.main && !this.main.isDestroyed() ? [this.main.webContentsId] : []);
  }
}
