// The key-value store the settings and the token vault live in: satisfied by electron-store in the
// app and by `conf` (its base) under Node in tests, plus an in-memory fallback.

/** The part of electron-store / conf the app uses (top-level keys only, no dot paths). */
export interface KeyValueStore {
  /** The file behind the store. */
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** A store that keeps everything in memory (used when the settings file cannot be used at all). */
export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>();

  constructor(readonly path = '(memory)') {}

  /** Reads a key. */
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }

  /** Writes a key. */
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }

  /** Removes a key. */
  delete(key: string): void {
    this.data.delete(key);
  }
}
