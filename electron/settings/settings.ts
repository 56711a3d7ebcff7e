// The app settings: read from the store, checked against the shared schema, defaults on a fresh
// install. A corrupt or unreadable settings file is moved aside (kept), defaults are loaded and
// the user is told once through the snapshot's notice.

import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import type { SaveSettingsResult } from '../../shared/ipc/contract';
import { AppSettingsSchema } from '../../shared/config/settings-schema';
import { defaultSettings } from '../../shared/config/settings';
import { toProblems, type FieldProblem } from '../../shared/validate/issues';
import type { AppSettings } from '../../shared/types/settings';
import { checkPrivateFile } from '../../core/storage/private-files';
import { MemoryStore, type KeyValueStore } from './store';

/** Largest settings file read (settings and a few encrypted tokens take a few KB). */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Mode of the settings file (it holds the encrypted tokens, which a keyring-less Linux encrypts with a
 * public key): readable by the user only.
 */
export const SETTINGS_FILE_MODE = 0o600;

/** The store key holding the settings object. */
export const SETTINGS_KEY = 'settings';
/** The store key holding encrypted tokens (see secrets/token-vault.ts); carried over on recovery. */
export const TOKENS_KEY = 'tokens';
/** The store key holding the origins each token was saved for; carried over with the tokens. */
export const TOKEN_ORIGINS_KEY = 'tokenOrigins';

/** File operations the recovery needs. */
export interface SettingsFs {
  exists(path: string): boolean;
  rename(from: string, to: string): void;
}

/** What opening the settings needs. */
export interface OpenSettingsDeps {
  /** Opens the store (electron-store or conf); may throw when the file cannot be parsed or read. */
  open: () => KeyValueStore;
  /** The store's file, used when `open` throws before the store exists. */
  filePath: string;
  fs: SettingsFs;
  now: () => Date;
}

/** The name a corrupt file is moved to: `settings.corrupt-20261126T002216Z.json` beside it. */
export function corruptFileName(filePath: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = basename(filePath).replace(/\.json$/i, '');
  return join(dirname(filePath), `${base}.corrupt-${stamp}.json`);
}

/** Field problems in the shape the settings form shows (paths such as `targets[0].site`). */
export function settingsProblems(value: unknown): FieldProblem[] {
  const result = v.safeParse(AppSettingsSchema, value);
  return result.success ? [] : toProblems(result.issues);
}

function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/** The loaded settings and the store they persist in. */
export class Settings {
  private current: AppSettings;

  private constructor(
    /** The store, shared with the token vault. */
    readonly store: KeyValueStore,
    initial: AppSettings,
    /** Set once when the file had to be moved aside or could not be used. */
    readonly notice: string | null,
    /** True when there were no settings yet and the defaults were just written (the first start). */
    readonly firstRun = false,
  ) {
    this.current = initial;
  }

  /** Opens the settings, recovering from a corrupt or unreadable file. Never throws. */
  static open(deps: OpenSettingsDeps): Settings {
    let store: KeyValueStore | null = null;
    let problem: string | null = null;
    let carriedTokens: unknown;
    let carriedOrigins: unknown;
    try {
      // The store library would follow a symlink and read a FIFO or /dev/zero forever: refuse first.
      checkPrivateFile(deps.filePath, MAX_SETTINGS_BYTES);
      store = deps.open();
      const raw = store.get(SETTINGS_KEY);
      if (raw === undefined) {
        const fresh = defaultSettings();
        store.set(SETTINGS_KEY, fresh);
        return new Settings(store, fresh, null, true);
      }
      const parsed = v.safeParse(AppSettingsSchema, withoutForeignTokenEnv(raw));
      if (parsed.success) return new Settings(store, parsed.output as AppSettings, null);
      const where = settingsProblems(raw)[0]?.path;
      problem = `it did not match the settings format (${where && where !== '(root)' ? where : 'top level'})`;
      carriedTokens = store.get(TOKENS_KEY);
      carriedOrigins = store.get(TOKEN_ORIGINS_KEY);
    } catch (error) {
      problem = `it could not be read (${errorLine(error)})`;
    }

    const defaults = defaultSettings();
    const filePath = store?.path ?? deps.filePath;
    try {
      const aside = corruptFileName(filePath, deps.now());
      if (deps.fs.exists(filePath)) deps.fs.rename(filePath, aside);
      const fresh = deps.open();
      fresh.set(SETTINGS_KEY, defaults);
      if (isTokenRecord(carriedTokens)) {
        fresh.set(TOKENS_KEY, carriedTokens);
        if (typeof carriedOrigins === 'object' && carriedOrigins !== null)
          fresh.set(TOKEN_ORIGINS_KEY, carriedOrigins);
      }
      return new Settings(
        fresh,
        defaults,
        `Your settings file was damaged: ${problem}. It was kept as ${aside} and the default settings were loaded.`,
      );
    } catch (error) {
      return new Settings(
        new MemoryStore(),
        defaults,
        `Your settings file could not be used: ${problem}, and it could not be moved aside (${errorLine(error)}). ` +
          'Default settings are in use for this session and changes will not be saved.',
      );
    }
  }

  /** The current settings (a copy). */
  get(): AppSettings {
    return structuredClone(this.current);
  }

  /** Checks and saves new settings; returns the field problems instead when they are invalid. */
  save(value: unknown): SaveSettingsResult {
    const parsed = v.safeParse(AppSettingsSchema, value);
    if (!parsed.success) return { ok: false, problems: settingsProblems(value) };
    // Targets are told apart by name everywhere (statuses, tokens, IPC), as the form also checks.
    const duplicates = duplicateNames(parsed.output.targets);
    if (duplicates.length > 0) return { ok: false, problems: duplicates };
    try {
      this.store.set(SETTINGS_KEY, parsed.output);
    } catch (error) {
      return {
        ok: false,
        problems: [{ path: '', message: `could not write the settings file: ${errorLine(error)}` }],
      };
    }
    this.current = parsed.output as AppSettings;
    return { ok: true };
  }
}

/** A problem for each target whose name (ignoring case) an earlier target already uses. */
function duplicateNames(targets: readonly { name: string }[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  targets.forEach((t, i) => {
    const key = t.name.toLowerCase();
    if (seen.has(key)) {
      problems.push({
        path: `targets[${i}].name`,
        message: `expected a unique name, "${t.name}" is used twice`,
      });
    }
    seen.add(key);
  });
  return problems;
}

function isTokenRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((x) => typeof x === 'string')
  );
}

/**
 * Settings saved before `tokenEnv` had to start with WHY500_ keep loading: a foreign variable name is
 * dropped (the app's tokens are in the vault; the variable is only a fallback), not the whole file.
 */
function withoutForeignTokenEnv(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { targets?: unknown }).targets))
    return raw;
  const targets = (raw as { targets: unknown[] }).targets.map((t) => {
    const auth = (t as { auth?: { tokenEnv?: unknown } } | null)?.auth;
    if (typeof auth?.tokenEnv !== 'string' || auth.tokenEnv.startsWith('WHY500_')) return t;
    const { tokenEnv: _dropped, ...rest } = auth;
    return { ...(t as object), auth: rest };
  });
  return { ...raw, targets };
}
