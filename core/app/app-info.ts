// Who is reporting: the app's name and version, the OS and the time zone, for reports and headers.

import { createRequire } from 'node:module';
import { arch, release, type } from 'node:os';

/** The app, OS and time zone as a report states them. */
export interface AppInfo {
  name: string;
  version: string;
  os: string;
  timeZone: string;
}

let version: string | null = null;

/** The version in package.json ("0.0.0" if it cannot be read). */
export function appVersion(): string {
  if (version === null) {
    try {
      const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
      version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      version = '0.0.0';
    }
  }
  return version;
}

/** This machine's app info: `Linux 6.1.0 (x64)`, the local IANA time zone. */
export function appInfo(): AppInfo {
  return {
    name: 'why500',
    version: appVersion(),
    os: `${type()} ${release()} (${arch()})`,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}
