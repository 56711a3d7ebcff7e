// Account tokens per target, encrypted with the OS store (Electron's safeStorage) and kept as base64
// in the settings store, each with the origins of the target's `auth` endpoints when it was saved
// (the only addresses the core sends it to). The renderer only ever learns TokenState; the core
// reads tokens through the TokenSource interface. No method returns or logs a token except `get`.

import type { TokenSource } from '../../core/config/token-origins';
import type { TokenState } from '../../shared/types/settings';
import type { SafeStoragePort } from '../platform/ports';
import { TOKEN_ORIGINS_KEY, TOKENS_KEY } from '../settings/settings';
import type { KeyValueStore } from '../settings/store';

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

  constructor(
    private readonly store: KeyValueStore,
    private readonly safe: SafeStoragePort,
  ) {}

  private records(): Record<string, string> {
    const raw = this.store.get(TOKENS_KEY);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(
      Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  }

  private originRecords(): Record<string, string[]> {
    const raw = this.store.get(TOKEN_ORIGINS_KEY);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    return Object.fromEntries(
      Object.entries(raw).filter(
        (e): e is [string, string[]] => Array.isArray(e[1]) && e[1].every((o) => typeof o === 'string'),
      ),
    );
  }

  /**
   * Whether tokens are set, and how safe storing one is (all the renderer may know). With no token
   * stored, a keychain-backed store is not asked (saving a token asks, and says if it cannot).
   */
  state(): TokenState {
    if (this.safe.touchesKeychain && Object.keys(this.records()).length === 0)
      return { set: {}, weakEncryption: false, available: true };
    const available = this.safe.isEncryptionAvailable();
    const backend = this.safe.getSelectedStorageBackend();
    return {
      set: Object.fromEntries(Object.keys(this.records()).map((t) => [t, true])),
      weakEncryption: available && backend === 'basic_text',
      available,
    };
  }

  /**
   * Encrypts and stores a target's token, bound to `origins` (those of the target's `auth`
   * endpoints now): the token is never sent anywhere else.
   */
  set(target: string, token: string, origins: readonly string[]): TokenState {
    if (!this.safe.isEncryptionAvailable()) {
      throw new TokenStoreError('This system offers no encrypted storage, so the token was not saved.');
    }
    this.plain = null;
    const encrypted = this.safe.encryptString(token).toString('base64');
    this.store.set(TOKENS_KEY, { ...this.records(), [target]: encrypted });
    this.store.set(TOKEN_ORIGINS_KEY, { ...this.originRecords(), [target]: [...origins] });
    return this.state();
  }

  /** Removes a target's token. */
  clear(target: string): TokenState {
    this.plain = null;
    const records = this.records();
    delete records[target];
    this.store.set(TOKENS_KEY, records);
    const origins = this.originRecords();
    delete origins[target];
    this.store.set(TOKEN_ORIGINS_KEY, origins);
    return this.state();
  }

  /**
   * The origins a target's token was saved for (TokenSource); null when none is stored, empty for a
   * token stored before origins were kept and not bound yet (it is then sent nowhere).
   */
  origins(target: string): string[] | null {
    if (!(target in this.records())) return null;
    return this.originRecords()[target] ?? [];
  }

  /**
   * Binds every token stored without origins (saved by an older version) to `originsOf(target)`:
   * where it was being sent until now. Run once at start, before anything is probed.
   */
  bindUnbound(originsOf: (target: string) => readonly string[] | null): void {
    const origins = this.originRecords();
    let changed = false;
    for (const target of Object.keys(this.records())) {
      const bound = origins[target] === undefined ? originsOf(target) : null;
      if (bound) {
        origins[target] = [...bound];
        changed = true;
      }
    }
    if (changed) this.store.set(TOKEN_ORIGINS_KEY, origins);
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
    if (Object.keys(this.records()).length === 0) return new Map();
    // Without encryption (yet) nothing can be read; ask again next time rather than remember that.
    if (!this.safe.isEncryptionAvailable()) return new Map();
    this.plain = new Map(
      Object.entries(this.records()).map(([target, encrypted]) => [target, this.decrypt(encrypted)]),
    );
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
