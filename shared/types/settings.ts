// The app's settings as the window edits them (the token is never part of them).

import type { TargetConfig } from './config';

/** Which notifications to show and when to stay quiet. */
export interface NotificationSettings {
  outage: boolean;
  recovery: boolean;
  causeChanged: boolean;
  degraded: boolean;
  /** Local "HH:MM" times; notifications are held back between them. Null: no quiet hours. */
  quietHours: { start: string; end: string } | null;
  /** Target names whose notifications are muted. */
  muted: string[];
}

/** Everything the user can change. */
export interface AppSettings {
  targets: TargetConfig[];
  intervalSeconds: number;
  controls: string[];
  /** Alternate-path proxy URL, or null. */
  alternateProxy: string | null;
  browserProfiles: string[];
  notifications: NotificationSettings;
  launchAtLogin: boolean;
  /**
   * Linux without a keyring: store tokens anyway with Chromium's built-in key, which is public. Only
   * the token section's own message changes it (saving the form keeps the stored choice).
   */
  allowPlainTextTokens: boolean;
}

/**
 * Who accepted tokens stored with Chromium's public built-in key: the WHY500_ALLOW_PLAIN_TEXT_TOKENS
 * environment variable, the choice in Settings, or nobody.
 */
export type PlainTextOptIn = 'environment' | 'settings' | null;

/** What the renderer may know about a stored token: whether it is set, never its value. */
export interface TokenState {
  /** Per target name: a token is stored. */
  set: Record<string, boolean>;
  /** The OS store is not encrypted with a keyring (Linux `basic_text`): warn before storing. */
  weakEncryption: boolean;
  /** Encryption is not available at all, or only with the public key nobody accepted: tokens cannot be stored. */
  available: boolean;
  /** Who accepted the public built-in key (it matters only where `weakEncryption` holds). */
  plainTextOptIn: PlainTextOptIn;
}

/**
 * What the OS says of the app's login item: registered and on; waiting for the user's approval
 * (macOS: System Settings → General → Login Items); not registered; not found (macOS cannot find
 * the app, e.g. run from the disk image or Downloads); or turned off outside the app (Windows:
 * Task Manager's Startup apps).
 */
export type LoginItemStatus = 'enabled' | 'requires-approval' | 'not-registered' | 'not-found' | 'disabled';
