// How the login item's status is named next to "Start why500 when I log in" (Settings): what the OS
// reported, and for the states that need the user, where to act.

import type { LoginItemStatus } from '../types/settings';

/** The words for each login-item status. */
export const LOGIN_ITEM_WORDS: Record<LoginItemStatus, string> = {
  enabled: 'registered with the system',
  'requires-approval': 'waiting for your approval in System Settings → General → Login Items',
  'not-registered': 'not registered with the system',
  'not-found': 'macOS cannot find the app: move why500 to Applications and turn this on again',
  disabled: 'turned off in Task Manager → Startup apps',
};
