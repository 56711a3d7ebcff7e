// The one typed IPC contract between main, preload and renderer: every channel, its request schema
// (checked by main at runtime) and its response type. The preload exposes exactly `Why500Api`.

import * as v from 'valibot';
import { AppSettingsSchema } from '../config/settings-schema';
import { TargetSchema } from '../config/schema';
import type { Diagnosis, NextAction, Verdict } from '../types/diagnosis';
import type { HealthState, MonitorEvent, Round, TargetStatus } from '../types/monitor';
import type { Outcome, ProbePath, ProbeResult, ProbeTimings } from '../types/probe';
import type { AppSettings, LoginItemStatus, TokenState } from '../types/settings';
import type { StatusReading } from '../types/status';
import type { TargetConfig } from '../types/config';
import type { UptimeSummary } from '../types/uptime';

/** One target as the window shows it. */
export interface TargetView {
  status: TargetStatus;
  statusPage: StatusReading | null;
  lastRound: Round | null;
  /** The target's status page and site, so the window can offer to open them. */
  siteUrl: string;
  statusPageUrl: string | null;
}

/** Everything the window needs to draw its current view; pushed by main on every change. */
export interface AppSnapshot {
  /** Overall tray state (the worst target). */
  overall: HealthState;
  paused: { until: string } | null;
  /** Notifications are snoozed until this instant, or null. */
  snoozedUntil: string | null;
  /** Why no tray icon can be shown and how to get one (Linux without a tray host), or null. */
  trayMissing: string | null;
  /** What the OS says of the login item; null where the app leaves it alone (a development run). */
  loginItem: LoginItemStatus | null;
  /** The one-time offer to start at login is to be shown (first run, not answered yet). */
  offerLoginItem: boolean;
  /** macOS: the app runs from outside Applications (disk image, Downloads), so its login item cannot work. */
  outsideApplications: boolean;
  targets: TargetView[];
  /** A one-time notice (e.g. the settings file was corrupt and was moved aside). */
  notice: string | null;
  appVersion: string;
  platform: string;
}

/** A check within an on-demand diagnosis, for the progress display. */
export interface DiagnoseCheck {
  id: string;
  label: string;
  state: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
}

/** Progress of an on-demand diagnosis. */
export interface DiagnoseProgress {
  target: string;
  running: boolean;
  checks: DiagnoseCheck[];
  /** A first, partial diagnosis while a probe still hangs (its `pending` says which); null until then. */
  partial?: Diagnosis | null;
}

/** One point of the latency timeline. */
export interface TimelineSample {
  at: string;
  name: string;
  path: ProbePath;
  outcome: Outcome;
  status: number | null;
  timings: ProbeTimings;
}

/** Time ranges the timeline offers. */
export type TimelineRange = 'hour' | 'day' | 'week';

/** Timeline data for one target and range. */
export interface TimelineData {
  target: string;
  range: TimelineRange;
  from: string;
  to: string;
  samples: TimelineSample[];
  events: MonitorEvent[];
  /** Build fingerprint changes (deploy markers). */
  deploys: { at: string; fingerprint: string }[];
  /** State bands (outage / degraded) over the range. */
  bands: { state: HealthState; from: string; to: string | null; cause?: Verdict | null }[];
  /** Uptime over 24 h, 7 d and 30 d and the last rounds (whatever the range). */
  uptime: UptimeSummary;
}

/** Result of running a next-step action. */
export interface ActionResult {
  ok: boolean;
  message: string;
}

/** Result of the settings form's "test" button for a target. */
export interface TargetTestResult {
  ok: boolean;
  probes: Pick<ProbeResult, 'name' | 'url' | 'status' | 'outcome' | 'error' | 'note' | 'timings'>[];
  statusPage: StatusReading | null;
}

/**
 * Result of saving settings: saved (with a notice when saving changed something else, e.g. a token
 * was removed), or the field problems to show inline.
 */
export type SaveSettingsResult =
  { ok: true; notice?: string } | { ok: false; problems: { path: string; message: string }[] };

/** Report formats. */
export type ReportFormat = 'markdown' | 'json';

/** Views the window can be asked to show (e.g. by a notification click). */
export type WindowView = 'overview' | 'causes' | 'timeline' | 'probes' | 'status' | 'settings' | 'report';

const targetName = v.pipe(v.string(), v.minLength(1), v.maxLength(80));
const NEXT_ACTIONS = [
  'diagnose-again',
  'set-alternate-path',
  'test-alternate-path',
  'add-token',
  'clean-session',
  'open-status-page',
  'check-connection',
  'review-extensions',
  'wait',
  'none',
] as const satisfies readonly NextAction[];

/**
 * Request/response channels (renderer → main, `ipcRenderer.invoke`). `request` is the runtime schema
 * main checks every payload against; `response` only carries the type.
 */
export const invokeChannels = {
  'snapshot:get': { request: v.undefined(), response: {} as AppSnapshot },
  'timeline:get': {
    request: v.strictObject({ target: targetName, range: v.picklist(['hour', 'day', 'week']) }),
    response: {} as TimelineData,
  },
  'diagnose:start': {
    request: v.strictObject({ target: targetName, symptom: v.boolean() }),
    response: {} as Diagnosis | null,
  },
  'diagnose:cancel': { request: v.strictObject({ target: targetName }), response: undefined as void },
  'action:run': {
    request: v.strictObject({ target: targetName, action: v.picklist(NEXT_ACTIONS) }),
    response: {} as ActionResult,
  },
  'settings:get': { request: v.undefined(), response: {} as AppSettings },
  'settings:set': { request: AppSettingsSchema, response: {} as SaveSettingsResult },
  'target:test': { request: TargetSchema, response: {} as TargetTestResult },
  'token:get-state': { request: v.undefined(), response: {} as TokenState },
  'token:set': {
    request: v.strictObject({
      target: targetName,
      token: v.pipe(v.string(), v.minLength(8), v.maxLength(4096), v.regex(/^[\x21-\x7e]+$/)),
    }),
    response: {} as TokenState,
  },
  'token:clear': { request: v.strictObject({ target: targetName }), response: {} as TokenState },
  // Linux without a keyring: the user's choice to store tokens with the public built-in key anyway.
  'token:allow-plain-text': { request: v.strictObject({ allow: v.boolean() }), response: {} as TokenState },
  'report:get': {
    request: v.strictObject({ target: targetName, format: v.picklist(['markdown', 'json']) }),
    response: {} as string,
  },
  'report:copy': {
    request: v.strictObject({ target: targetName, format: v.picklist(['markdown', 'json']) }),
    response: {} as ActionResult,
  },
  'report:save': {
    request: v.strictObject({ target: targetName, format: v.picklist(['markdown', 'json']) }),
    response: {} as ActionResult,
  },
  'link:open': {
    request: v.strictObject({ target: targetName, which: v.picklist(['site', 'status-page']) }),
    response: {} as ActionResult,
  },
  // The tray menu's run controls, also in the window (a desktop without a tray must still reach them).
  'app:quit': { request: v.undefined(), response: undefined as void },
  'monitor:pause': {
    request: v.strictObject({ until: v.picklist(['hour', 'tomorrow']) }),
    response: undefined as void,
  },
  'monitor:resume': { request: v.undefined(), response: undefined as void },
  'notifications:snooze': {
    request: v.strictObject({ hours: v.picklist([1]) }),
    response: undefined as void,
  },
  'notifications:unsnooze': { request: v.undefined(), response: undefined as void },
  'login-offer:answer': { request: v.strictObject({ enable: v.boolean() }), response: undefined as void },
  'app:move-to-applications': { request: v.undefined(), response: {} as ActionResult },
} as const;

/** Push channels (main → renderer) and their payload types. */
export interface PushChannels {
  'snapshot:changed': AppSnapshot;
  'diagnose:progress': DiagnoseProgress;
  'view:show': { view: WindowView; target: string | null };
}

/** Names of the request/response channels. */
export type InvokeChannel = keyof typeof invokeChannels;
/** The validated request type of a channel. */
export type RequestOf<C extends InvokeChannel> = v.InferOutput<(typeof invokeChannels)[C]['request']>;
/** The response type of a channel. */
export type ResponseOf<C extends InvokeChannel> = (typeof invokeChannels)[C]['response'];
/** Names of the push channels. */
export type PushChannel = keyof PushChannels;

/** Unsubscribes a listener. */
export type Unsubscribe = () => void;

/**
 * The API the preload exposes as `window.why500`: one named method per channel, nothing generic.
 * The preload's object `satisfies` this interface, and the renderer only ever talks through it.
 */
export interface Why500Api {
  getSnapshot(): Promise<AppSnapshot>;
  getTimeline(request: RequestOf<'timeline:get'>): Promise<TimelineData>;
  startDiagnosis(request: RequestOf<'diagnose:start'>): Promise<Diagnosis | null>;
  cancelDiagnosis(request: RequestOf<'diagnose:cancel'>): Promise<void>;
  runAction(request: RequestOf<'action:run'>): Promise<ActionResult>;
  getSettings(): Promise<AppSettings>;
  saveSettings(settings: AppSettings): Promise<SaveSettingsResult>;
  testTarget(target: TargetConfig): Promise<TargetTestResult>;
  getTokenState(): Promise<TokenState>;
  setToken(request: RequestOf<'token:set'>): Promise<TokenState>;
  clearToken(request: RequestOf<'token:clear'>): Promise<TokenState>;
  allowPlainTextTokens(request: RequestOf<'token:allow-plain-text'>): Promise<TokenState>;
  getReport(request: RequestOf<'report:get'>): Promise<string>;
  copyReport(request: RequestOf<'report:copy'>): Promise<ActionResult>;
  saveReport(request: RequestOf<'report:save'>): Promise<ActionResult>;
  openLink(request: RequestOf<'link:open'>): Promise<ActionResult>;
  quitApp(): Promise<void>;
  pauseMonitoring(request: RequestOf<'monitor:pause'>): Promise<void>;
  resumeMonitoring(): Promise<void>;
  snoozeNotifications(request: RequestOf<'notifications:snooze'>): Promise<void>;
  unsnoozeNotifications(): Promise<void>;
  answerLoginOffer(request: RequestOf<'login-offer:answer'>): Promise<void>;
  moveToApplications(): Promise<ActionResult>;
  onSnapshot(listener: (snapshot: AppSnapshot) => void): Unsubscribe;
  onDiagnoseProgress(listener: (progress: DiagnoseProgress) => void): Unsubscribe;
  onShowView(listener: (request: PushChannels['view:show']) => void): Unsubscribe;
}

/** Which channel each API method uses; main registers handlers from it, the preload calls through it. */
export const apiChannels = {
  getSnapshot: 'snapshot:get',
  getTimeline: 'timeline:get',
  startDiagnosis: 'diagnose:start',
  cancelDiagnosis: 'diagnose:cancel',
  runAction: 'action:run',
  getSettings: 'settings:get',
  saveSettings: 'settings:set',
  testTarget: 'target:test',
  getTokenState: 'token:get-state',
  setToken: 'token:set',
  clearToken: 'token:clear',
  allowPlainTextTokens: 'token:allow-plain-text',
  getReport: 'report:get',
  copyReport: 'report:copy',
  saveReport: 'report:save',
  openLink: 'link:open',
  quitApp: 'app:quit',
  pauseMonitoring: 'monitor:pause',
  resumeMonitoring: 'monitor:resume',
  snoozeNotifications: 'notifications:snooze',
  unsnoozeNotifications: 'notifications:unsnooze',
  answerLoginOffer: 'login-offer:answer',
  moveToApplications: 'app:move-to-applications',
  onSnapshot: 'snapshot:changed',
  onDiagnoseProgress: 'diagnose:progress',
  onShowView: 'view:show',
} as const satisfies Record<keyof Why500Api, InvokeChannel | PushChannel>;

/** Validates a request payload for a channel; returns the parsed value or a one-line reason. */
export function validateRequest<C extends InvokeChannel>(
  channel: C,
  payload: unknown,
): { ok: true; value: RequestOf<C> } | { ok: false; reason: string } {
  const spec = invokeChannels[channel];
  if (!spec) return { ok: false, reason: `unknown channel ${String(channel)}` };
  const result = v.safeParse(spec.request as v.GenericSchema, payload);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '(payload)';
    return {
      ok: false,
      reason: `invalid payload for ${channel} at ${where}: ${issue?.message ?? 'rejected'}`,
    };
  }
  return { ok: true, value: result.output as RequestOf<C> };
}
