import { describe, expect, it } from 'vitest';
import { FakeSafeStorage } from '../testing/fakes';
import { MemoryStore } from '../settings/store';
import { NO_KEYRING_REFUSAL, TokenVault } from './token-vault';

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const API = 'https://plus.character.ai';

describe('token vault', () => {
  it('stores the token encrypted (base64 in the store) and gives the core the clear value', () => {
    const store = new MemoryStore();
    const vault = new TokenVault(store, new FakeSafeStorage());
    const state = vault.set('Character.AI', TOKEN, [API]);
    expect(state).toEqual({
      set: { 'Character.AI': true },
      weakEncryption: false,
      available: true,
      plainTextOptIn: null,
    });
    const stored = JSON.stringify(store.get('tokens'));
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(vault.get('Character.AI')).toBe(TOKEN);
    expect(vault.origins('Character.AI')).toEqual([API]);
    expect(vault.get('Other')).toBeNull();
    expect(vault.origins('Other')).toBeNull();
    expect(JSON.stringify(vault.state())).not.toContain(TOKEN);
    expect(vault.clear('Character.AI')).toEqual({
      set: {},
      weakEncryption: false,
      available: true,
      plainTextOptIn: null,
    });
    expect(vault.get('Character.AI')).toBeNull();
    expect(vault.origins('Character.AI')).toBeNull();
    expect(store.get('tokenOrigins')).toEqual({});
  });

  it('binds a token saved without origins (an older version) once, to where it was being sent', () => {
    const store = new MemoryStore();
    const safe = new FakeSafeStorage();
    store.set('tokens', { 'Character.AI': safe.encryptString(TOKEN).toString('base64'), Gone: 'eA==' });
    const vault = new TokenVault(store, safe);
    // Until bound it goes nowhere.
    expect(vault.origins('Character.AI')).toEqual([]);
    vault.bindUnbound((name) => (name === 'Character.AI' ? [API] : null));
    expect(vault.origins('Character.AI')).toEqual([API]);
    expect(vault.origins('Gone')).toEqual([]);
    // A later binding never widens a saved one.
    vault.bindUnbound(() => ['https://evil.example']);
    expect(vault.origins('Character.AI')).toEqual([API]);
  });

  it('decrypts each stored token once, keeps it in memory, and reads them again after set or clear', () => {
    const store = new MemoryStore();
    const safe = new FakeSafeStorage();
    const writer = new TokenVault(store, safe);
    writer.set('A', TOKEN, [API]);
    writer.set('B', 'b'.repeat(40), [API]);
    // A fresh vault over the same store, as after a restart.
    const vault = new TokenVault(store, safe);
    safe.decryptCalls = 0;
    for (let i = 0; i < 50; i++) {
      expect(vault.secrets().sort()).toEqual([TOKEN, 'b'.repeat(40)].sort());
      expect(vault.get('A')).toBe(TOKEN);
    }
    expect(safe.decryptCalls).toBe(2);
    vault.set('A', 'c'.repeat(40), [API]);
    vault.set('C', 'd'.repeat(40), [API]);
    vault.clear('B');
    safe.decryptCalls = 0;
    for (let i = 0; i < 50; i++) {
      expect(vault.get('A')).toBe('c'.repeat(40));
      expect(vault.get('B')).toBeNull();
      expect(vault.secrets().sort()).toEqual(['c'.repeat(40), 'd'.repeat(40)]);
    }
    // Once more per stored token after the change, then from memory.
    expect(safe.decryptCalls).toBe(2);
    // What it wrote is what a later start reads.
    expect(new TokenVault(store, safe).secrets().sort()).toEqual(['c'.repeat(40), 'd'.repeat(40)]);
  });

  it('a token that cannot be decrypted reads as unset and is not retried on every call', () => {
    const store = new MemoryStore();
    store.set('tokens', { A: Buffer.from('garbage').toString('base64') });
    const safe = new FakeSafeStorage();
    safe.decryptString = () => {
      safe.decryptCalls++;
      throw new Error('keychain said no');
    };
    const vault = new TokenVault(store, safe);
    expect(vault.get('A')).toBeNull();
    expect(vault.secrets()).toEqual([]);
    expect(vault.state().set).toEqual({ A: true });
    expect(safe.decryptCalls).toBe(1);
  });

  it('refuses to store with the Linux basic_text backend (a public key) unless the user opted in', () => {
    const plain = new FakeSafeStorage(true, 'basic_text');
    const refused = new TokenVault(new MemoryStore(), plain);
    // Electron is not told to use the public key unless the user opted in.
    expect(plain.plainText).toBe(false);
    expect(refused.state()).toEqual({
      set: {},
      weakEncryption: true,
      available: false,
      plainTextOptIn: null,
    });
    expect(() => refused.set('Character.AI', TOKEN, [API])).toThrow(NO_KEYRING_REFUSAL);
    expect(NO_KEYRING_REFUSAL).toMatch(
      /built-in key, which is public.*Settings.*WHY500_ALLOW_PLAIN_TEXT_TOKENS=1/,
    );
    const store = new MemoryStore();
    const optedIn = new FakeSafeStorage(true, 'basic_text');
    const allowed = new TokenVault(store, optedIn, true);
    expect(optedIn.plainText).toBe(true);
    expect(allowed.set('Character.AI', TOKEN, [API])).toEqual({
      set: { 'Character.AI': true },
      weakEncryption: true,
      available: true,
      plainTextOptIn: 'environment',
    });
    expect(allowed.get('Character.AI')).toBe(TOKEN);
    // The environment's opt-in is not undone by the Settings choice: nothing is removed.
    expect(allowed.allowPlainText(false).set).toEqual({ 'Character.AI': true });
    expect(optedIn.plainText).toBe(true);
  });

  it('stores with the public key after the Settings choice, and removes those tokens when it is turned off', () => {
    const store = new MemoryStore();
    const safe = new FakeSafeStorage(true, 'basic_text');
    const vault = new TokenVault(store, safe);
    expect(vault.allowPlainText(true)).toEqual({
      set: {},
      weakEncryption: true,
      available: true,
      plainTextOptIn: 'settings',
    });
    expect(safe.plainText).toBe(true);
    vault.set('Character.AI', TOKEN, [API]);
    expect(vault.get('Character.AI')).toBe(TOKEN);

    // A restart with the saved choice reads the token back.
    const restarted = new TokenVault(store, new FakeSafeStorage(true, 'basic_text'), false, true);
    expect(restarted.get('Character.AI')).toBe(TOKEN);

    expect(vault.allowPlainText(false)).toEqual({
      set: {},
      weakEncryption: true,
      available: false,
      plainTextOptIn: null,
    });
    expect(safe.plainText).toBe(false);
    expect(vault.get('Character.AI')).toBeNull();
    expect(vault.secrets()).toEqual([]);
    expect(store.get('tokens')).toEqual({});
    expect(store.get('tokenOrigins')).toEqual({});
    expect(() => vault.set('Character.AI', TOKEN, [API])).toThrow(NO_KEYRING_REFUSAL);
  });

  it('keeps the tokens of a keyring when the Settings choice is turned off (they were never weak)', () => {
    const store = new MemoryStore();
    const vault = new TokenVault(store, new FakeSafeStorage(), false, true);
    vault.set('Character.AI', TOKEN, [API]);
    expect(vault.allowPlainText(false).set).toEqual({ 'Character.AI': true });
    expect(vault.get('Character.AI')).toBe(TOKEN);
  });

  it('keeps targets named like Object.prototype members apart from the prototype', () => {
    const store = new MemoryStore();
    const vault = new TokenVault(store, new FakeSafeStorage());
    expect(vault.origins('constructor')).toBeNull();
    expect(vault.origins('toString')).toBeNull();
    vault.set('__proto__', TOKEN, [API]);
    vault.set('constructor', 'c'.repeat(40), []);
    expect(vault.state().set).toEqual(
      Object.fromEntries([
        ['__proto__', true],
        ['constructor', true],
      ]),
    );
    expect(Object.getPrototypeOf(vault.state().set)).toBe(Object.prototype);
    expect(vault.origins('__proto__')).toEqual([API]);
    expect(new TokenVault(store, new FakeSafeStorage()).get('__proto__')).toBe(TOKEN);
    vault.bindUnbound(() => ['https://x.example']);
    expect(vault.origins('constructor')).toEqual([]);
    vault.clear('__proto__');
    expect(vault.state().set).toEqual({ constructor: true });
  });

  it('refuses to store without encryption, without the token in the error', () => {
    const vault = new TokenVault(new MemoryStore(), new FakeSafeStorage(false, null));
    expect(vault.state()).toEqual({ set: {}, weakEncryption: false, available: false, plainTextOptIn: null });
    expect(() => vault.set('Character.AI', TOKEN, [API])).toThrow(/no encrypted storage/);
    try {
      vault.set('Character.AI', TOKEN, [API]);
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });
});
