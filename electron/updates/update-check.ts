// The daily "a newer version is available" check. It asks electron-updater (wrapped in
// electron/platform/electron-updater.ts; any object of the same shape in tests) whether the feed the
// build names offers a newer version, and never downloads or installs anything. It runs only where an
// unsigned app can use it (NSIS on Windows, the AppImage, the deb) and only when the build named a feed;
// otherwise it is off. A failed check (feed unreachable, malformed) is one log line, never a crash;
// the notice changes only when a different newer version appears, so nothing repeats.

import { cleanText } from '../../shared/text/sanitize';
import type { Timers } from '../app/run-control';

/** The part of electron-updater's AppUpdater the check uses. */
export interface UpdaterLike {
  checkForUpdates(): Promise<{
    isUpdateAvailable?: boolean;
    updateInfo: { version: string };
  } | null>;
}

/** Where this copy of the app was installed from, as the update check needs it. */
export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** Whether resources/app-update.yml exists (electron-builder writes it when the build names a feed). */
  hasFeed: boolean;
  /** `APPIMAGE`: set by the AppImage runtime to the AppImage's path. */
  appImage: string | undefined;
  /** resources/package-type (electron-builder writes "deb", "rpm"…), or null. */
  packageType: string | null;
}

/**
 * Whether the update check runs for this install: null when it does, else why not. electron-updater
 * can tell about a newer version for every package, but only NSIS, the AppImage and the deb are
 * installs whose users can take the update without a signed build (README, "Updates").
 */
export function updateCheckOff(facts: InstallFacts): string | null {
  if (!facts.isPackaged) return 'not a packaged app';
  if (!facts.hasFeed) return 'this build names no update feed';
  if (facts.platform === 'win32') return null;
  if (facts.platform === 'linux' && facts.appImage) return null;
  if (facts.platform === 'linux' && facts.packageType === 'deb') return null;
  return `no update check for this kind of install (${facts.platform}${facts.packageType ? `, ${facts.packageType}` : ''})`;
}

/** The line the tray menu and the window show while a newer version is available. */
export function updateAvailableLine(latest: string, current: string): string {
  return `why500 ${latest} is available (this is ${current}).`;
}

/** A version as electron-updater passes it on (already checked as semver; capped and re-checked here). */
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,40})?$/;

/** One day. */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The first check waits this long after start, so it never competes with the first monitoring round. */
export const FIRST_CHECK_DELAY_MS = 60 * 1000;

/** Dependencies of the update check. */
export interface UpdateCheckDeps {
  /** electron-updater, or null when the check is off (see {@link updateCheckOff}). */
  updater: UpdaterLike | null;
  currentVersion: string;
  timers: Timers;
  /** One line per call. */
  log: (line: string) => void;
  /** Called when the available version changes (to redraw the tray and the window). */
  onChange: () => void;
  intervalMs?: number;
  firstDelayMs?: number;
}

/** Runs the check on a timer and remembers the newest version the feed offered. */
export class UpdateCheck {
  private latest: string | null = null;
  private timer: unknown = null;
  private checking = false;
  private stopped = false;
  private lastError = '';

  constructor(private readonly deps: UpdateCheckDeps) {}

  /** Schedules the first check (nothing when the check is off). */
  start(): void {
    if (!this.deps.updater || this.stopped) return;
    this.schedule(this.deps.firstDelayMs ?? FIRST_CHECK_DELAY_MS);
  }

  /** Stops checking (on quit). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The newer version the feed offers, or null. */
  available(): string | null {
    return this.latest;
  }

  /** The line to show, or null when there is no newer version. */
  notice(): string | null {
    return this.latest ? updateAvailableLine(this.latest, this.deps.currentVersion) : null;
  }

  /** Asks the feed once. Never rejects; a check already under way is not doubled. */
  async checkNow(): Promise<void> {
    const { updater } = this.deps;
    if (!updater || this.checking) return;
    this.checking = true;
    try {
      const result = await updater.checkForUpdates();
      this.lastError = '';
      const version = result?.isUpdateAvailable ? String(result.updateInfo.version) : null;
      if (version !== null && !VERSION.test(version)) {
        this.fail(`the update feed named a version that is not one: "${cleanText(version, 40)}"`);
        return;
      }
      if (version === this.latest) return;
      this.latest = version;
      if (version) this.deps.log(`update check: ${updateAvailableLine(version, this.deps.currentVersion)}`);
      this.deps.onChange();
    } catch (error) {
      this.fail(`the update check failed: ${firstLine(error)}`);
    } finally {
      this.checking = false;
    }
  }

  private schedule(ms: number): void {
    this.timer = this.deps.timers.setTimeout(() => {
      this.timer = null;
      void this.checkNow().then(() => {
        if (!this.stopped) this.schedule(this.deps.intervalMs ?? CHECK_INTERVAL_MS);
      });
    }, ms);
  }

  /** Logs a failure once until the next different one (a feed that stays down is not a log per day). */
  private fail(line: string): void {
    if (line === this.lastError) return;
    this.lastError = line;
    this.deps.log(line);
  }
}

/** The first line of an error's message, plain and short (it may quote the feed's text). */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // electron-updater adds a random `?noCache=` to the feed's address: without it, the same failure
  // reads the same and is logged once.
  return cleanText((text.split('\n')[0] ?? '').replace(/\?noCache=[0-9a-z]*/g, ''), 200);
}
