// electron-updater for the update check (electron/updates/update-check.ts), and the facts about this
// install that decide whether the check runs. The updater only asks: no download, no install on quit,
// and no logging of its own (the check logs one line per outcome to why500.log).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';

/** What this install is (see updateCheckOff in electron/updates/update-check.ts). */
export function electronInstallFacts() {
  const resources = process.resourcesPath;
  let packageType: string | null = null;
  try {
    // electron-builder writes it beside app-update.yml for the deb and the rpm ("deb", "rpm").
    packageType = readFileSync(join(resources, 'package-type'), 'utf8').trim().slice(0, 16);
  } catch {
    packageType = null;
  }
  return {
    platform: process.platform,
    isPackaged: app.isPackaged,
    hasFeed: existsSync(join(resources, 'app-update.yml')),
    appImage: process.env.APPIMAGE,
    packageType,
  };
}

/** electron-updater's updater for this install (it reads resources/app-update.yml), set to only ask. */
export function askOnlyUpdater() {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = null;
  return autoUpdater;
}
