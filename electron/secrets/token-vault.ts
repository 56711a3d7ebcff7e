// Account tokens per target, encrypted with the OS store (Electron's safeStorage) and kept as base64
// in the settings store, each with the origins of the target's `auth` endpoints when it was saved
// (the only addresses the core sends it to). The renderer only ever learns TokenState; the core
// reads tokens through the TokenSource interface. No method returns or logs a token except `get`.
// Target names are user data: they are only ever Map keys here (a target named `constructor` or
// `__proto__` is a name like any other). On Linux without a keyring Chromium encrypts with a built-in
// key that is public (`basic_text`): that is plain text in all but name, so tokens are stored then
// only when the user opted in (in Settings, or with WHY500_ALLOW_PLAIN_TEXT_TOKENS=1).

import type { TokenSource } from '../../core/config/token-origins';
import type { PlainTextOptIn, TokenState } from '../../shared/types/settings';
import type { SafeStoragePort } from '../platform/ports';
import { TOKEN_ORIGINS_KEY, TOKENS_KEY } from '../settings/settings';
import type { KeyValueStore } from '../settings/store';

/** The environment variable by which a user accepts tokens stored without a keyring on Linux. */
export const ALLOW_PLAIN_TEXT_ENV = 'WHY500_ALLOW_PLAIN_TEXT_TOKENS';

/** The refusal when Linux has no keyring and the user did not opt in (honest about why). */
export const NO_KEYRING_REFUSAL =
  "No keyring (GNOME Keyring or KWallet) is running, so the token could only be encrypted with Chromium's built-in key, which is public: anyone who can read the settings file could decrypt it. It was not saved. Start a keyring and restart why500, or accept that in Settings (or start why500 with WHY500_ALLOW_PLAIN_TEXT_TOKENS=1).";

/** Why a token could not be stored (never contains the token). */
export class TokenStoreError extends Error {
  override name = 'TokenStoreError';
}

/**
 * Encrypted token storage. The stored tokens are decrypted once and then kept in memory until a
 * token is set or cleared: the redactor asks for every secret on every log line, and safeStorage
 * may block the main thread (the macOS keychain can prompt).
 */
export class TokenVault implements TokenSource {
  /** Decrypted tokens by target (null: stored but undecryptable); null until first needed. */
  private plain: Map<string, string | null> | null = null;

  /** The user accepted tokens stored without a keyring in Settings (the environment aside). */
  private settingAllows: boolean;

  /**
   * `environmentAllows`: {@link ALLOW_PLAIN_TEXT_ENV} is set; `settingAllows`: the user accepted
   * tokens stored without a keyring in Settings. Both off by default.
   */
  constructor(
    private readonly store: KeyValueStore,
    private readonly safe: SafeStoragePort,
    private readonly environmentAllows = false,
    settingAllows = false,
  ) {
    this.settingAllows = settingAllows;
    // Electron reports no encryption for `basic_text` unless told to use it; only when the user opted in.
    if (this.plainTextOptIn()) safe.setUsePlainTextEncryption(true);
  }

  /** Who accepted the public built-in key: the environment first (Settings cannot undo it), or none. */
  private plainTextOptIn(): PlainTextOptIn {
    if (this.environmentAllows) return 'environment';
    return this.settingAllows ? 'settings' : null;
  }

  /**
   * The Settings choice to store tokens with Chromium's public built-in key when Linux has no
   * keyring. Turning it off (without the environment's opt-in) removes the tokens stored with that
   * key: they were as good as plain text, and the user no longer accepts that.
   */
  allowPlainText(allow: boolean): TokenState {
    const before = this.plainTextOptIn();
    this.settingAllows = allow;
    if (this.plainTextOptIn() === before) return this.state();
    this.safe.setUsePlainTextEncryption(allow);
    if (!allow && this.safe.getSelectedStorageBackend() === 'basic_text') {
      this.plain = null;
      this.store.set(TOKENS_KEY, {});
      this.store.set(TOKEN_ORIGINS_KEY, {});
    }
    return this.state();
  }

  /** The stored tokens by target, as a Map (the file's keys are never object keys here). */
  private records(): Map<string, string> {
    return new Map(
      ownEntries(this.store.get(TOKENS_KEY)).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  }

  private originRecords(): Map<string, string[]> {
    return new Map(
      ownEntries(this.store.get(TOKEN_ORIGINS_KEY)).filter(
        (e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((o) => typeof o === 'string'),
      ),
    );
  }

  /**
   * Whether tokens are set, and how safe storing one is (all the renderer may know). With no token
   * stored, a keychain-backed store is not asked (saving a token asks, and says if it cannot).
   */
  state(): TokenState {
    const plainTextOptIn = this.plainTextOptIn();
    if (this.safe.touchesKeychain && this.records().size === 0)
      return { set: {}, weakEncryption: false, available: true, plainTextOptIn };
    // Linux without a keyring: Chromium's `basic_text` key is public, whatever isEncryptionAvailable says.
    const weak = this.safe.getSelectedStorageBackend() === 'basic_text';
    const available = this.safe.isEncryptionAvailable() && (!weak || plainTextOptIn !== null);
    return {
      set: Object.fromEntries([...this.records().keys()].map((t) => [t, true])),
      weakEncryption: weak,
      available,
      plainTextOptIn,
    };
  }

  /**
   * Encrypts and stores a target's token, bound to `origins` (those of the target's `auth`
   * endpoints now): the token is never sent anywhere else.
   */
  set(target: string, token: string, origins: readonly string[]): TokenState {
    if (this.safe.getSelectedStorageBackend() === 'basic_text' && this.plainTextOptIn() === null)
      throw new TokenStoreError(NO_KEYRING_REFUSAL);
    if (!this.safe.isEncryptionAvailable()) {
      throw new TokenStoreError('This system offers no encrypted storage, so the token was not saved.');
    }
    this.plain = null;
    const encrypted = this.safe.encryptString(token).toString('base64');
    this.store.set(TOKENS_KEY, Object.fromEntries(this.records().set(target, encrypted)));
    this.store.set(TOKEN_ORIGINS_KEY, Object.fromEntries(this.originRecords().set(target, [...origins])));
    return this.state();
  }

  /** Removes a target's token. */
  clear(target: string): TokenState {
    this.plain = null;
    const records = this.records();
    records.delete(target);
    this.store.set(TOKENS_KEY, Object.fromEntries(records));
    const origins = this.originRecords();
    origins.delete(target);
    this.store.set(TOKEN_ORIGINS_KEY, Object.fromEntries(origins));
    return this.state();
  }

  /**
   * The origins a target's token was saved for (TokenSource); null when none is stored, empty for a
   * token stored before origins were kept and not bound yet (it is then sent nowhere).
   */
  origins(target: string): string[] | null {
    if (!this.records().has(target)) return null;
    return this.originRecords().get(target) ?? [];
  }

  /**
   * Binds every token stored without origins (saved by an older version) to `originsOf(target)`:
   * where it was being sent until now. Run once at start, before anything is probed.
   */
  bindUnbound(originsOf: (target: string) => readonly string[] | null): void {
    const origins = this.originRecords();
    let changed = false;
    for (const target of this.records().keys()) {
      const bound = origins.has(target) ? null : originsOf(target);
      if (bound) {
        origins.set(target, [...bound]);
        changed = true;
      }
    }
    if (changed) this.store.set(TOKEN_ORIGINS_KEY, Object.fromEntries(origins));
  }

  /** The decrypted token for the core (TokenSource); null when unset or undecryptable. */
  get(target: string): string | null {
    return this.decrypted().get(target) ?? null;
  }

  /** Every stored token in clear, only for redacting them from outgoing text. */
  secrets(): string[] {
    return [...this.decrypted().values()].filter((t): t is string => t !== null);
  }

  /** The tokens in clear, decrypting the stored ones on the first call only. */
  private decrypted(): Map<string, string | null> {
    if (this.plain) return this.plain;
    // Nothing stored, nothing to decrypt: the OS store is not touched (the macOS keychain may prompt).
    if (this.records().size === 0) return new Map();
    // Without encryption (yet) nothing can be read; ask again next time rather than remember that.
    if (!this.safe.isEncryptionAvailable()) return new Map();
    this.plain = new Map([...this.records()].map(([target, encrypted]) => [target, this.decrypt(encrypted)]));
    return this.plain;
  }

  private decrypt(encrypted: string): string | null {
    try {
      return this.safe.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null;
    }
  }
}

/** The own entries of a stored object (none for anything else); never its prototype's. */
function ownEntries(raw: unknown): [string, unknown][] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw);
}
