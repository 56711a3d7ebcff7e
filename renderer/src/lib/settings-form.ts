// The settings form's model: AppSettings as editable strings and back, and validation with the shared
// schema so the window refuses exactly what main would refuse, naming each field's problem.

import * as v from 'valibot';
import { AppSettingsSchema } from '../../../shared/config/settings-schema';
import { TargetSchema } from '../../../shared/config/schema';
import { toProblems, type FieldProblem } from '../../../shared/validate/issues';
import type { TargetConfig } from '../../../shared/types/config';
import type { AppSettings } from '../../../shared/types/settings';

/** One endpoint row of the form. */
export interface EndpointForm {
  name: string;
  url: string;
  auth: boolean;
}

/** One target as the form edits it (blank strings mean "not set"). */
export interface TargetForm {
  name: string;
  site: string;
  statusPage: string;
  endpoints: EndpointForm[];
  /** Authorization scheme for endpoints sent with the token; blank: none. */
  authScheme: string;
  /** Kept from the loaded settings (the CLI's variable name), not edited here. */
  tokenEnv: string | undefined;
}

/** The whole form. */
export interface SettingsForm {
  targets: TargetForm[];
  intervalSeconds: number | null;
  controls: string[];
  alternateProxy: string;
  /** One folder per line, or "auto". */
  browserProfiles: string;
  outage: boolean;
  recovery: boolean;
  causeChanged: boolean;
  degraded: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  muted: string[];
  launchAtLogin: boolean;
  /** Carried through, not edited here: the token section sets it, and main keeps its stored value. */
  allowPlainTextTokens: boolean;
}

/** A blank target row for "Add a service". */
export function blankTarget(): TargetForm {
  return { name: '', site: 'https://', statusPage: '', endpoints: [], authScheme: '', tokenEnv: undefined };
}

/** Settings → form. */
export function toForm(s: AppSettings): SettingsForm {
  return {
    targets: s.targets.map((t) => ({
      name: t.name,
      site: t.site,
      statusPage: t.statusPage ?? '',
      endpoints: (t.endpoints ?? []).map((e) => ({ name: e.name, url: e.url, auth: e.auth === true })),
      authScheme: t.auth?.scheme ?? '',
      tokenEnv: t.auth?.tokenEnv,
    })),
    intervalSeconds: s.intervalSeconds,
    controls: [...s.controls],
    alternateProxy: s.alternateProxy ?? '',
    browserProfiles: s.browserProfiles.join('\n'),
    outage: s.notifications.outage,
    recovery: s.notifications.recovery,
    causeChanged: s.notifications.causeChanged,
    degraded: s.notifications.degraded,
    quietEnabled: s.notifications.quietHours !== null,
    quietStart: s.notifications.quietHours?.start ?? '22:00',
    quietEnd: s.notifications.quietHours?.end ?? '07:00',
    muted: [...s.notifications.muted],
    launchAtLogin: s.launchAtLogin,
    allowPlainTextTokens: s.allowPlainTextTokens,
  };
}

/** One target row → TargetConfig. */
export function toTarget(t: TargetForm): TargetConfig {
  const target: TargetConfig = { name: t.name.trim(), site: t.site.trim() };
  if (t.endpoints.length) {
    target.endpoints = t.endpoints.map((e) => ({
      name: e.name.trim(),
      url: e.url.trim(),
      ...(e.auth ? { auth: true } : {}),
    }));
  }
  if (t.statusPage.trim()) target.statusPage = t.statusPage.trim();
  if (t.authScheme.trim()) {
    target.auth = { scheme: t.authScheme.trim(), ...(t.tokenEnv ? { tokenEnv: t.tokenEnv } : {}) };
  }
  return target;
}

/** Form → settings (not yet validated). */
export function toSettings(f: SettingsForm): AppSettings {
  const names = new Set(f.targets.map((t) => t.name.trim()));
  return {
    targets: f.targets.map(toTarget),
    // An emptied number field reads as null; the schema then says what is expected.
    intervalSeconds: f.intervalSeconds as number,
    controls: [...f.controls],
    alternateProxy: f.alternateProxy.trim() ? f.alternateProxy.trim() : null,
    browserProfiles: f.browserProfiles
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    notifications: {
      outage: f.outage,
      recovery: f.recovery,
      causeChanged: f.causeChanged,
      degraded: f.degraded,
      quietHours: f.quietEnabled ? { start: f.quietStart, end: f.quietEnd } : null,
      muted: f.muted.filter((m) => names.has(m)),
    },
    launchAtLogin: f.launchAtLogin,
    allowPlainTextTokens: f.allowPlainTextTokens,
  };
}

function uniqueNames(targets: TargetConfig[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  targets.forEach((t, i) => {
    const key = t.name.toLowerCase();
    if (key && seen.has(key))
      problems.push({
        path: `targets[${i}].name`,
        message: `expected a unique name, "${t.name}" is used twice`,
      });
    seen.add(key);
  });
  return problems;
}

/** Every problem with the settings, each with its field path (`targets[0].site`). Empty when valid. */
export function validateSettings(settings: AppSettings): FieldProblem[] {
  const result = v.safeParse(AppSettingsSchema, settings);
  const problems = result.success ? [] : toProblems(result.issues);
  return [...problems, ...uniqueNames(settings.targets)];
}

/** Problems of one target, with paths relative to `targets[index]`. */
export function validateTarget(target: TargetConfig, index: number): FieldProblem[] {
  const result = v.safeParse(TargetSchema, target);
  if (result.success) return [];
  return toProblems(result.issues).map((p) => ({
    path: p.path === '(root)' ? `targets[${index}]` : `targets[${index}].${p.path}`.replace('.[', '['),
    message: p.message,
  }));
}

/** The token rule of the IPC contract, checked before sending so the reason shows inline. */
export function tokenProblem(token: string): string | null {
  if (token.length < 8) return 'expected at least 8 characters';
  if (token.length > 4096) return 'expected at most 4096 characters';
  if (!/^[\x21-\x7e]+$/.test(token)) return 'expected printable characters without spaces';
  return null;
}
