// The main-process side of every IPC channel, as plain functions over injected dependencies
// (the monitor, settings, tokens, the report renderer and small OS ports). Payloads arrive
// already validated by dispatch.ts; nothing here returns a token.

import type { AppCore } from '../../core/app/app-core';
import { authOrigins } from '../../core/config/token-origins';
import type { RenderOptions } from '../../core/report/report';
import { createRedactor } from '../../core/report/redact';
import type { ReportFormat, ReportInput } from '../../core/report/types';
import { resolveConfig } from '../../shared/config/defaults';
import { settingsToConfig } from '../../shared/config/settings';
import type {
  ActionResult,
  AppSnapshot,
  DiagnoseProgress,
  InvokeChannel,
  PushChannel,
  PushChannels,
  RequestOf,
  ResponseOf,
  TargetTestResult,
} from '../../shared/ipc/contract';
import type { ResolvedConfig, ResolvedTarget, TargetConfig } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { AppSettings, TokenState } from '../../shared/types/settings';
import type { ClipboardPort, DialogPort, ShellPort, TrayAction } from '../platform/ports';
import { mayOpenExternal } from '../security/policies';
import { causePhrase } from '../../shared/vocabulary/words';

/** One async function per invoke channel. */
export type IpcHandlers = { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** The settings as the handlers use them. */
export interface SettingsAccess {
  get(): AppSettings;
  save(value: unknown): ResponseOf<'settings:set'>;
}

/** The token store as the handlers use it (state only, never a value back). */
export interface TokenAccess {
  state(): TokenState;
  /** Stores a token bound to `origins`, those of the target's `auth` endpoints. */
  set(target: string, token: string, origins: readonly string[]): TokenState;
  clear(target: string): TokenState;
  /**
   * The user's choice to store tokens with the public built-in key (Linux without a keyring);
   * turning it off removes the tokens stored with it.
   */
  allowPlainText(allow: boolean): TokenState;
  secrets(): string[];
}

/** Everything the handlers need. */
export interface IpcHandlerDeps {
  core: AppCore;
  settings: SettingsAccess;
  /**
   * The configuration the monitor runs with (the settings', or a WHY500_CONFIG file's targets);
   * default: the settings'.
   */
  config?: () => ResolvedConfig;
  tokens: TokenAccess;
  snapshot: () => AppSnapshot;
  /** core/report/report.ts `renderReport`; given every known secret to remove. */
  renderReport: (input: ReportInput, format: ReportFormat, options: RenderOptions) => string;
  clipboard: ClipboardPort;
  dialog: DialogPort;
  shell: ShellPort;
  openCleanSession: (target: string, siteUrl: string) => Promise<unknown>;
  push: <C extends PushChannel>(channel: C, payload: PushChannels[C]) => void;
  writeFile: (path: string, text: string) => Promise<void>;
  /** Probes an unsaved target once (the settings form's Test button); null when not available. */
  testTarget: ((target: TargetConfig) => Promise<TargetTestResult>) | null;
  /** Applies saved settings; returns a notice for the window (e.g. a token was removed), or null. */
  onSettingsSaved: (settings: AppSettings, previous: AppSettings) => string | null;
  onTokensChanged: () => void;
  /**
   * Runs one of the tray menu's run controls (quit, pause, resume, snooze) exactly as the tray does;
   * absent where the window has no app to control (e.g. the end-to-end bridge).
   */
  runControl?: (action: TrayAction) => Promise<void>;
  /** The first-run prompts' answers (electron/app/first-run.ts); absent where there is no app. */
  firstRun?: {
    answerLoginOffer(enable: boolean): void;
    moveToApplications(): ActionResult;
  };
  now: () => Date;
}

/** The resolved target of that name, or a one-line error. */
function findTarget(config: ResolvedConfig, name: string): ResolvedTarget {
  const target = config.targets.find((t) => t.name === name);
  if (!target) throw new Error(`there is no target named "${name}"; pick one from the list`);
  return target;
}

/** Builds the handlers. */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const running = new Map<string, AbortController>();
  const config = deps.config ?? (() => resolveConfig(settingsToConfig(deps.settings.get())));

  const reportText = (target: string, format: ReportFormat): string => {
    // An unknown target is refused before the core is asked.
    findTarget(config(), target);
    const input = deps.core.reportInput(target);
    const secrets = deps.tokens.secrets();
    // The report renderer redacts with the secrets; the same redactor over its text is the second line.
    return createRedactor(secrets)(deps.renderReport(input, format, { secrets }));
  };

  const diagnose = async (target: string, symptom: boolean) => {
    findTarget(config(), target);
    running.get(target)?.abort();
    const controller = new AbortController();
    running.set(target, controller);
    // The partial diagnosis rides on the progress pushes from when it arrives until the end.
    let partial: Diagnosis | null = null;
    let last: DiagnoseProgress = { target, running: true, checks: [] };
    const push = (progress: DiagnoseProgress): void => {
      last = progress;
      deps.push('diagnose:progress', partial ? { ...progress, partial } : progress);
    };
    try {
      return await deps.core.diagnoseNow(target, {
        symptom,
        signal: controller.signal,
        onProgress: push,
        onPartial: (d) => {
          partial = d;
          push(last);
        },
      });
    } finally {
      if (running.get(target) === controller) running.delete(target);
    }
  };

  const openLink = async (target: string, which: 'site' | 'status-page'): Promise<ActionResult> => {
    const resolved = findTarget(config(), target);
    const url = which === 'site' ? resolved.site : resolved.statusPage;
    if (!url) return { ok: false, message: `${target} has no status page set; add one in Settings.` };
    const appMade = [resolved.site, resolved.statusPage].filter((u): u is string => u !== null);
    if (!mayOpenExternal(url, appMade)) return { ok: false, message: 'Only http(s) links can be opened.' };
    await deps.shell.openExternal(url);
    return { ok: true, message: `Opened ${url} in your browser.` };
  };

  const runAction = async ({ target, action }: RequestOf<'action:run'>): Promise<ActionResult> => {
    const current = config();
    const resolved = findTarget(current, target);
    switch (action) {
      case 'diagnose-again':
      case 'check-connection': {
        const d = await diagnose(target, false);
        if (!d) return { ok: false, message: 'The diagnosis was cancelled.' };
        return {
          ok: true,
          message: `Diagnosis done: ${causePhrase(d.verdict, d.confidence) ?? 'no problem found'}.`,
        };
      }
      case 'test-alternate-path': {
        if (!current.alternatePath) {
          deps.push('view:show', { view: 'settings', target });
          return {
            ok: false,
            message: 'No alternate path is set yet; add a proxy or VPN address in Settings.',
          };
        }
        const d = await diagnose(target, false);
        return d
          ? {
              ok: true,
              message: `Compared both paths: ${causePhrase(d.verdict, d.confidence) ?? 'no problem found'}.`,
            }
          : { ok: false, message: 'The diagnosis was cancelled.' };
      }
      case 'set-alternate-path':
        deps.push('view:show', { view: 'settings', target });
        return {
          ok: true,
          message: 'Add an alternate path (a proxy or VPN address) in Settings to compare routes.',
        };
      case 'add-token':
        deps.push('view:show', { view: 'settings', target });
        return { ok: true, message: 'Add your account token in Settings; it is stored encrypted.' };
      case 'clean-session':
        await deps.openCleanSession(target, resolved.site);
        return { ok: true, message: 'Opened the site in a clean session: no extensions, no cookies.' };
      case 'open-status-page':
        return openLink(target, 'status-page');
      case 'review-extensions':
        return {
          ok: true,
          message:
            'Turn off ad, script and privacy blockers for the site in your browser, reload, and diagnose again.',
        };
      case 'wait':
        return { ok: true, message: 'Nothing to fix on your side; you will be notified when it is back.' };
      case 'none':
        return { ok: true, message: 'Nothing to do.' };
    }
  };

  const control = (action: TrayAction): Promise<void> => {
    if (!deps.runControl) throw new Error('the run controls are not available in this build');
    return deps.runControl(action);
  };

  return {
    'snapshot:get': async () => deps.snapshot(),
    'timeline:get': async ({ target, range }) => {
      findTarget(config(), target);
      return deps.core.timeline(target, range);
    },
    'diagnose:start': async ({ target, symptom }) => diagnose(target, symptom),
    'diagnose:cancel': async ({ target }) => {
      running.get(target)?.abort();
    },
    'action:run': runAction,
    'settings:get': async () => deps.settings.get(),
    'settings:set': async (value) => {
      const previous = deps.settings.get();
      // The form's copy of the plain-text choice may be stale: only 'token:allow-plain-text' changes it.
      const result = deps.settings.save({ ...value, allowPlainTextTokens: previous.allowPlainTextTokens });
      if (!result.ok) return result;
      const notice = deps.onSettingsSaved(deps.settings.get(), previous);
      return notice ? { ok: true, notice } : result;
    },
    'target:test': async (target) => {
      if (!deps.testTarget) throw new Error('testing a target is not available in this build');
      return deps.testTarget(target as TargetConfig);
    },
    'token:get-state': async () => deps.tokens.state(),
    'token:set': async ({ target, token }) => {
      // The token is given for the addresses the target's `auth` endpoints have now, and only those.
      const state = deps.tokens.set(target, token, authOrigins(findTarget(config(), target)));
      deps.onTokensChanged();
      return state;
    },
    'token:clear': async ({ target }) => {
      const state = deps.tokens.clear(target);
      deps.onTokensChanged();
      return state;
    },
    'token:allow-plain-text': async ({ allow }) => {
      // Saved first: a choice that cannot be kept is not applied (and no token is removed for it).
      const saved = deps.settings.save({ ...deps.settings.get(), allowPlainTextTokens: allow });
      if (!saved.ok) throw new Error(`the choice was not saved: ${saved.problems[0]?.message ?? 'rejected'}`);
      const state = deps.tokens.allowPlainText(allow);
      deps.onTokensChanged();
      return state;
    },
    'report:get': async ({ target, format }) => reportText(target, format),
    'report:copy': async ({ target, format }) => {
      deps.clipboard.writeText(reportText(target, format));
      return { ok: true, message: 'The report is on the clipboard.' };
    },
    'report:save': async ({ target, format }) => {
      const text = reportText(target, format);
      const slug =
        target
          .replace(/[^A-Za-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'target';
      const day = deps.now().toISOString().slice(0, 10);
      const path = await deps.dialog.chooseSavePath({
        title: 'Save the support report',
        defaultName: `why500-${slug}-${day}.${format === 'json' ? 'json' : 'md'}`,
      });
      if (!path) return { ok: false, message: 'Not saved.' };
      await deps.writeFile(path, text);
      return { ok: true, message: `Saved to ${path}.` };
    },
    'link:open': async ({ target, which }) => openLink(target, which),
    // Answered before the app goes, so the window's promise settles.
    'app:quit': async () => {
      if (!deps.runControl) throw new Error('the run controls are not available in this build');
      void deps.runControl({ kind: 'quit' });
    },
    'monitor:pause': async ({ until }) => control({ kind: 'pause', until }),
    'monitor:resume': async () => control({ kind: 'resume' }),
    'notifications:snooze': async ({ hours }) => control({ kind: 'snooze', hours }),
    'notifications:unsnooze': async () => control({ kind: 'unsnooze' }),
    'login-offer:answer': async ({ enable }) => {
      if (!deps.firstRun) throw new Error('the login offer is not available in this build');
      deps.firstRun.answerLoginOffer(enable);
      deps.push('snapshot:changed', deps.snapshot());
    },
    'app:move-to-applications': async () => {
      if (!deps.firstRun) throw new Error('moving the app is not available in this build');
      return deps.firstRun.moveToApplications();
    },
  };
}
