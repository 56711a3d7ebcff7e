// Whether a tray icon can be shown at all. On Linux the icon is a StatusNotifierItem, which only
// shows when a tray host owns org.kde.StatusNotifierWatcher on the session bus: vanilla GNOME
// (Fedora, Debian) has none without the AppIndicator extension. Without one, the window is the
// only way to reach the app, so it says so and how to get the icon.

import type { SessionBusPort } from '../platform/ports';

/** The D-Bus name a Linux tray host owns. */
export const TRAY_WATCHER_NAME = 'org.kde.StatusNotifierWatcher';

/**
 * How long to wait before asking a second time when the first answer is "no host", at a start at
 * login: the desktop may start its tray host after the autostart entries (KDE at times does).
 */
export const TRAY_RECHECK_MS = 10_000;

/** What the window says when no tray host runs (an observation, then the remedy). */
export const TRAY_MISSING_TEXT =
  'No tray icon can be shown: this desktop runs no tray host (nothing owns org.kde.StatusNotifierWatcher on the session bus). ' +
  'Pause, snooze and quit are here in the window. On GNOME, install and turn on the “AppIndicator and KStatusNotifierItem Support” extension, then start why500 again.';

/** What {@link trayMissing} needs. */
export interface TrayCheckInput {
  platform: NodeJS.Platform;
  bus: SessionBusPort;
  /** Waits `ms` (injected timers). */
  wait: (ms: number) => Promise<void>;
  /** Ask again after {@link TRAY_RECHECK_MS} before concluding (a start at login). */
  recheck: boolean;
}

/**
 * The sentence for the window when no tray icon can be shown, or null when one can or when the
 * bus could not be asked (nothing observed, nothing said). Only Linux is asked.
 */
export async function trayMissing(input: TrayCheckInput): Promise<string | null> {
  if (input.platform !== 'linux') return null;
  let owned = await input.bus.nameHasOwner(TRAY_WATCHER_NAME);
  if (owned === false && input.recheck) {
    await input.wait(TRAY_RECHECK_MS);
    owned = await input.bus.nameHasOwner(TRAY_WATCHER_NAME);
  }
  return owned === false ? TRAY_MISSING_TEXT : null;
}
