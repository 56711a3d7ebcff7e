// Opens and tracks the app's windows: one diagnostic window (reused, re-shown on demand) and any
// number of clean-session windows. Knows which web contents are the app's own (for IPC checks).

import type { PushChannel, PushChannels, WindowView } from '../../shared/ipc/contract';
import type { WindowFactory, WindowPort } from '../platform/ports';
import { APP_INDEX_URL } from '../security/csp';
import { isHttpUrl } from '../security/policies';
import { cleanSessionWindowOptions, diagnosticWindowOptions } from './web-preferences';

/** Dependencies of the window manager. */
export interface AppWindowsDeps {
  factory: WindowFactory;
  preloadPath: string;
  devTools: boolean;
  /** Reports a failure to load (one line, no secrets). */
  log: (line: string) => void;
  /** Monotonic milliseconds, for the renderer-restart cap (default performance.now). */
  now?: () => number;
}

/** A crashed window is recreated at most this many times within RENDERER_RESTART_SPAN_MS. */
export const RENDERER_RESTART_MAX = 3;
/** The span the restart cap counts over. */
export const RENDERER_RESTART_SPAN_MS = 10 * 60_000;

/** The app's windows. */
export class AppWindows {
  private main: WindowPort | null = null;
  /** The open clean-session window: one at a time, as its session is emptied for each use. */
  private clean: WindowPort | null = null;
  private loading: Promise<void> | null = null;
  /** When the diagnostic window was recreated after its renderer went away, recent ones only. */
  private restarts: number[] = [];

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
      win.onRenderGone((reason) => this.renderGone(win, reason));
      this.loading = win.loadURL(APP_INDEX_URL).catch((error: unknown) => {
        this.deps.log(
          `the diagnostic window failed to load: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    const win = this.main;
    await this.loading;
    if (win.isDestroyed()) return;
    // A minimised window stays minimised on show() on some desktops: bring it back first.
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    if (request) win.send('view:show', request);
  }

  /**
   * A gone renderer leaves a blank window forever: destroy it and, if it was on screen, open a new
   * one, at most RENDERER_RESTART_MAX times in RENDERER_RESTART_SPAN_MS (a crash loop must not spin).
   */
  private renderGone(win: WindowPort, reason: string): void {
    if (reason === 'clean-exit' || this.main !== win) return;
    const visible = win.isVisible();
    this.main = null;
    win.destroy();
    const now = (this.deps.now ?? (() => performance.now()))();
    this.restarts = this.restarts.filter((at) => now - at < RENDERER_RESTART_SPAN_MS);
    if (!visible) {
      this.deps.log(`the diagnostic window's page stopped (${reason}); it opens afresh next time`);
      return;
    }
    if (this.restarts.length >= RENDERER_RESTART_MAX) {
      this.deps.log(
        `the diagnostic window's page stopped (${reason}) again, ${RENDERER_RESTART_MAX + 1} times in ${RENDERER_RESTART_SPAN_MS / 60_000} minutes; it stays closed until opened again`,
      );
      return;
    }
    this.restarts.push(now);
    this.deps.log(`the diagnostic window's page stopped (${reason}); opening it again`);
    void this.openDiagnostic();
  }

  /** Opens the site in a window with a fresh in-memory session (no extensions, no cookies, no preload). */
  async openCleanSession(target: string, siteUrl: string): Promise<WindowPort> {
    if (!isHttpUrl(siteUrl)) throw new Error(`the site address of ${target} is not an http(s) URL`);
    if (this.clean && !this.clean.isDestroyed()) this.clean.close();
    const win = this.deps.factory.create(cleanSessionWindowOptions(target));
    this.clean = win;
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
