// Default app settings, and the mapping between app settings and the core's Config.

import type { Config } from '../types/config';
import type { AppSettings } from '../types/settings';
import { CHARACTER_AI, DEFAULT_CONTROLS, DEFAULT_INTERVAL_SECONDS } from './defaults';

/** Settings of a fresh install. */
export function defaultSettings(): AppSettings {
  return {
    targets: [structuredClone(CHARACTER_AI)],
    intervalSeconds: DEFAULT_INTERVAL_SECONDS,
    controls: [...DEFAULT_CONTROLS],
    alternateProxy: null,
    browserProfiles: ['auto'],
    notifications: {
      outage: true,
      recovery: true,
      causeChanged: true,
      degraded: false,
      quietHours: null,
      muted: [],
    },
    launchAtLogin: false,
    allowPlainTextTokens: false,
  };
}

/** The core configuration the app's settings describe. */
export function settingsToConfig(settings: AppSettings): Config {
  return {
    intervalSeconds: settings.intervalSeconds,
    controls: settings.controls,
    ...(settings.alternateProxy ? { alternatePath: { proxy: settings.alternateProxy } } : {}),
    browserProfiles: settings.browserProfiles,
    targets: settings.targets,
  };
}
