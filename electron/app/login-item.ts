// The login item (macOS/Windows) or autostart entry (Linux): registered or removed, and what the OS
// says of it. At start only macOS and Windows re-register an enabled one (the app may have moved); on
// Linux the autostart file is touched only when the setting changes, so an entry the user made or
// removed with the desktop's own tools is left as it is. A development run leaves it alone: it
// would register the bare Electron binary.

import type { LoginItemStatus } from '../../shared/types/settings';
import type { AppPort } from '../platform/ports';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The app's login item. */
export class LoginItem {
  constructor(
    private readonly app: AppPort,
    private readonly log: (line: string) => void,
  ) {}

  /** Registers (`enabled`) or removes the login item, at start or because the setting changed. */
  apply(enabled: boolean, when: 'start' | 'change'): void {
    if (!this.app.isPackaged) {
      if (enabled) this.log('launch at login is left alone in a development run');
      return;
    }
    if (when === 'start' && this.app.platform === 'linux') return;
    try {
      this.app.setLaunchAtLogin(enabled);
    } catch (error) {
      this.log(`could not change launch at login: ${message(error)}`);
    }
  }

  /** What the OS says of the login item, or null in a development run (it is left alone there). */
  status(): LoginItemStatus | null {
    if (!this.app.isPackaged) return null;
    try {
      return this.app.loginItemStatus();
    } catch (error) {
      this.log(`could not read the login item: ${message(error)}`);
      return null;
    }
  }
}
