// The Electron main process: builds the Electron adapters and hands them to the AppController,
// which holds all behaviour. Keep this file to wiring only.

import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, crashReporter } from 'electron';
import { redactedLine } from '../core/report/redact';
import Store from 'electron-store';
import { loadConfig } from '../core/config/load';
import { renderReport } from '../core/report/report';
import { loadConfigFile } from './app/config-file';
import { AppController } from './app/controller';
import { appDataDir } from './app/data-dir';
import { LogFile } from './app/log-file';
import { logProcessErrors } from './app/process-errors';
import { realTimers } from './app/run-control';
import { explainFailedStart } from './app/start-failure';
import { createCore, testTarget } from './app/core-factory';
import { createElectronNotifier } from './platform/electron-notifier';
import { registerAppScheme, serveAppProtocol } from './platform/electron-protocol';
import { registerIpc } from './platform/electron-ipc';
import {
  electronApp,
  electronClipboard,
  electronDialog,
  electronNet,
  electronPower,
  electronSafeStorage,
  electronShell,
} from './platform/electron-system';
import { electronAppMenu } from './platform/electron-menu';
import { createElectronTray } from './platform/electron-tray';
import { askOnlyUpdater, electronInstallFacts } from './platform/electron-updater';
import { sessionBus } from './platform/session-bus';
import { createElectronWindowFactory } from './platform/electron-windows';
import { Settings, SETTINGS_FILE_MODE } from './settings/settings';
import type { KeyValueStore } from './settings/store';
import { localClock } from './tray/clock';
import { trayDirFor, trayIconPath } from './tray/icons';
import { updateCheckOff } from './updates/update-check';

registerAppScheme();

// WHY500_DATA_DIR (as the CLI and the demo use it) gives the app a private folder for settings and
// history, and its own single-instance lock, so a demo never mixes with the user's own app.
const dataDirOverride = process.env.WHY500_DATA_DIR?.trim();
if (dataDirOverride) {
  mkdirSync(dataDirOverride, { recursive: true, mode: 0o700 });
  app.setPath('userData', dataDirOverride);
}

// A packaged app has no console: every line also goes to why500.log in the user-data folder.
const logFile = new LogFile(app.getPath('userData'));

/** One log line on stdout and in the log file (callers pass redacted text); false if not written. */
function log(line: string): boolean {
  console.log(`[why500] ${line}`);
  return logFile.append(line);
}

// Crash dumps stay on this computer (app.getPath('crashDumps')); nothing is uploaded.
crashReporter.start({ uploadToServer: false });

if (!electronApp.requestSingleInstanceLock()) {
  // Another instance runs; it opens its window on our 'second-instance' event.
  app.quit();
} else {
  let controller: AppController | null = null;
  let quitDone = false;

  // Errors nothing caught go to the log (the controller removes the tokens it knows), not nowhere.
  logProcessErrors(process, (line) => {
    if (controller) controller.logLine(line);
    else log(redactedLine(line, [], 2_000));
  });

  // A tray app stays alive with no window open.
  app.on('window-all-closed', () => {});

  // Defence in depth: whatever creates a web contents gets the strictest guards.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('before-quit', (event) => {
    if (quitDone || !controller) return;
    event.preventDefault();
    void controller.quit().then(() => {
      quitDone = true;
      app.quit();
    });
  });

  void app
    .whenReady()
    .then(async () => {
      const root = app.getAppPath();
      const trayDir = trayDirFor(root, process.platform);
      serveAppProtocol(join(root, 'dist', 'renderer'));

      const settings = Settings.open({
        open: () =>
          new Store({
            name: 'settings',
            clearInvalidConfig: false,
            configFileMode: SETTINGS_FILE_MODE,
          }) satisfies KeyValueStore,
        filePath: join(app.getPath('userData'), 'settings.json'),
        fs: { exists: existsSync, rename: renameSync },
        now: () => new Date(),
      });
      if (settings.notice) log(settings.notice);
      const configFile = await loadConfigFile(process.env, loadConfig);
      if (configFile) log(configFile.notice);

      const updatesOff = updateCheckOff(electronInstallFacts());
      if (updatesOff) log(`update check off: ${updatesOff}`);

      const running = new AppController({
        ports: {
          app: electronApp,
          tray: createElectronTray(trayIconPath(trayDir, 'unknown', process.platform), process.platform),
          notifier: createElectronNotifier(),
          windows: createElectronWindowFactory(),
          safeStorage: electronSafeStorage,
          power: electronPower,
          net: electronNet,
          clipboard: electronClipboard,
          dialog: electronDialog,
          shell: electronShell,
          sessionBus,
          menu: electronAppMenu,
        },
        settings,
        createCore,
        renderReport,
        testTarget,
        paths: {
          preload: join(root, 'dist', 'electron', 'preload.cjs'),
          trayDir,
          // History and fingerprints in the folder the CLI uses too (settings and the log stay in userData).
          dataDir: appDataDir(),
        },
        devTools: !app.isPackaged,
        timers: realTimers,
        now: () => new Date(),
        clock: localClock,
        writeFile: (path, text) => writeFile(path, text, 'utf8'),
        log,
        configFile,
        env: process.env,
        updater: updatesOff ? null : askOnlyUpdater(),
      });
      controller = running;
      registerIpc((channel, sender, payload) => running.dispatch(channel, sender, payload));
      await running.start();
    })
    .catch((error: unknown) =>
      explainFailedStart(error, { errorBox: electronDialog, app: electronApp, log, logPath: logFile.path }),
    );
}
