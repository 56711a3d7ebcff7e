// Two things settled in the window, never by a dialog that steals the focus: the one-time offer to
// start at login (made on the first run, kept until answered), and, on macOS, an app run from outside
// the Applications folder (the disk image, Downloads: App Translocation), where a login item cannot
// work, with an offer to move it there.

import type { ActionResult } from '../../shared/ipc/contract';
import type { AppSettings } from '../../shared/types/settings';
import type { AppPort } from '../platform/ports';
import type { Settings } from '../settings/settings';

/** The store key of the login-item offer: `pending` until answered, then `answered`. */
export const LOGIN_OFFER_KEY = 'loginItemOffer';

/** What the first-run prompts need. */
export interface FirstRunDeps {
  app: AppPort;
  settings: Settings;
  /** Applies saved settings as a save from the window does (reconfigure, login item). */
  applySaved: (next: AppSettings, previous: AppSettings) => void;
  log: (line: string) => void;
}

/** The first-run prompts' state and answers. */
export class FirstRunPrompts {
  constructor(private readonly deps: FirstRunDeps) {}

  /** Marks the offer pending on the first run. */
  begin(): void {
    if (this.deps.settings.firstRun) this.deps.settings.store.set(LOGIN_OFFER_KEY, 'pending');
  }

  /** True on macOS when the installed app runs from outside Applications (its login item cannot work). */
  outsideApplications(): boolean {
    const { app } = this.deps;
    return app.isPackaged && app.isInApplicationsFolder() === false;
  }

  /** True while the one-time offer to start at login is to be shown. */
  offerLoginItem(): boolean {
    const { app, settings } = this.deps;
    return (
      app.isPackaged &&
      settings.store.get(LOGIN_OFFER_KEY) === 'pending' &&
      !settings.get().launchAtLogin &&
      !this.outsideApplications()
    );
  }

  /** The user answered the offer: turn start-at-login on (as Settings would) or leave it off. */
  answerLoginOffer(enable: boolean): void {
    const { settings } = this.deps;
    settings.store.set(LOGIN_OFFER_KEY, 'answered');
    if (!enable) return;
    const previous = settings.get();
    const saved = settings.save({ ...previous, launchAtLogin: true });
    if (!saved.ok) throw new Error('the settings could not be saved; turn it on in Settings');
    this.deps.applySaved(settings.get(), previous);
  }

  /** Moves the app to Applications (macOS relaunches it from there), or says why not. */
  moveToApplications(): ActionResult {
    if (!this.outsideApplications()) return { ok: true, message: 'why500 already runs from Applications.' };
    let moved = false;
    try {
      moved = this.deps.app.moveToApplicationsFolder();
    } catch (error) {
      this.deps.log(
        `moving to Applications failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return moved
      ? { ok: true, message: 'Moved to Applications; why500 starts again from there.' }
      : {
          ok: false,
          message: 'why500 could not be moved: drag it to Applications in Finder, then open it from there.',
        };
  }
}
