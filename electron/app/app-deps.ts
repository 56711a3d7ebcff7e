// What the app controller is built from: the Electron capabilities as ports, the core factory,
// the one-off target tester and the rest of its dependencies (types only).

import type { AppCore } from '../../core/app/app-core';
import type { TokenSource } from '../../core/config/token-origins';
import type { RenderOptions } from '../../core/report/report';
import type { ReportFormat, ReportInput } from '../../core/report/types';
import type { TargetTestResult } from '../../shared/ipc/contract';
import type { ResolvedConfig, TargetConfig } from '../../shared/types/config';
import type { LocalMinutes } from '../notify/policy';
import type {
  AppMenuPort,
  AppPort,
  ClipboardPort,
  DialogPort,
  NetPort,
  NotifierPort,
  PowerPort,
  SafeStoragePort,
  SessionBusPort,
  ShellPort,
  TrayPort,
  WindowFactory,
} from '../platform/ports';
import type { Settings } from '../settings/settings';
import type { ClockFormat } from '../tray/clock';
import type { UpdaterLike } from '../updates/update-check';
import type { ConfigFile } from './config-file';
import type { ProxySetting } from './proxy';
import type { Timers } from './run-control';

/** What the app core is created from (electron/app/core-factory.ts passes it to core/app/create.ts). */
export interface AppCoreInput {
  config: ResolvedConfig;
  tokens: TokenSource;
  /**
   * The probe environment of one URL: the process's, with the system proxy the session uses for
   * that address on top (a live object, kept current on wake and network changes).
   */
  envFor: (url: string) => Record<string, string | undefined>;
  /** Folder for history; null keeps it in memory. */
  dataDir: string | null;
  /** Told about errors that did not stop monitoring (one line). */
  onError: (message: string) => void;
}

/** Creates the app core (`createCore` in electron/app/core-factory.ts; a fake in tests). */
export type AppCoreFactory = (input: AppCoreInput) => AppCore;

/** What a one-off target test needs besides the target. */
export interface TargetTestInput {
  tokens: TokenSource;
  proxy: ProxySetting;
  controls: string[];
}

/** Probes an unsaved target once (the settings form's Test button). */
export type TargetTester = (target: TargetConfig, input: TargetTestInput) => Promise<TargetTestResult>;

/** Every Electron capability the app uses, as ports. */
export interface AppPorts {
  app: AppPort;
  tray: TrayPort;
  notifier: NotifierPort;
  windows: WindowFactory;
  safeStorage: SafeStoragePort;
  power: PowerPort;
  net: NetPort;
  clipboard: ClipboardPort;
  dialog: DialogPort;
  shell: ShellPort;
  /** Linux: the session bus, asked whether a tray host runs. */
  sessionBus: SessionBusPort;
  menu: AppMenuPort;
}

/** Dependencies of the app controller. */
export interface AppControllerDeps {
  ports: AppPorts;
  settings: Settings;
  createCore: AppCoreFactory;
  /** core/report/report.ts `renderReport`; given every known secret to remove. */
  renderReport: (input: ReportInput, format: ReportFormat, options: RenderOptions) => string;
  testTarget: TargetTester | null;
  paths: { preload: string; trayDir: string; dataDir: string | null };
  devTools: boolean;
  timers: Timers;
  now: () => Date;
  clock: ClockFormat;
  localMinutes?: LocalMinutes;
  writeFile: (path: string, text: string) => Promise<void>;
  /** One line per call; text is redacted before it gets here. */
  log: (line: string) => void;
  /** The WHY500_CONFIG file the app was started with (config-file.ts `loadConfigFile`); null or absent: none. */
  configFile?: ConfigFile | null;
  /**
   * The process environment: the probes' (the system proxy goes on top of it), the tokens'
   * `auth.tokenEnv` fallback in config-file mode and WHY500_ALLOW_PLAIN_TEXT_TOKENS (the Settings
   * choice's alternative) (default: none).
   */
  env?: Record<string, string | undefined>;
  /** electron-updater for the daily update check; null or absent: the check is off. */
  updater?: UpdaterLike | null;
}
