import { describe, expect, it } from 'vitest';
import { FakeSafeStorage } from '../testing/fakes';
import { MemoryStore } from '../settings/store';
import { TokenVault } from './token-vault';

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const API = 'https://plus.character.ai';

describe('token vault', () => {
  it('stores the token encrypted (base64 in the store) and gives the core the clear value', () => {
    const store = new MemoryStore();
    const vault = new TokenVault(store, new FakeSafeStorage());
    const state = vault.set('Character.AI', TOKEN, [API]);
    expect(state).toEqual({ set: { 'Character.AI': true }, weakEncryption: false, available: true });
    const stored = JSON.stringify(store.get('tokens'));
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(vault.get('Character.AI')).toBe(TOKEN);
    expect(vault.origins('Character.AI')).toEqual([API]);
    expect(vault.get('Other')).toBeNull();
    expect(vault.origins('Other')).toBeNull();
    expect(JSON.stringify(vault.state())).not.toContain(TOKEN);
    expect(vault.clear('Character.AI')).toEqual({ set: {}, weakEncryption: false, available: true });
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

  it('flags the Linux basic_text backend as weak so the window warns first', () => {
    const vault = new TokenVault(new MemoryStore(), new FakeSafeStorage(true, 'basic_text'));
    expect(vault.state().weakEncryption).toBe(true);
  });

  it('refuses to store without encryption, without the token in the error', () => {
    const vault = new TokenVault(new MemoryStore(), new FakeSafeStorage(false, null));
    expect(vault.state()).toEqual({ set: {}, weakEncryption: false, available: false });
    expect(() => vault.set('Character.AI', TOKEN, [API])).toThrow(/no encrypted storage/);
    try {
      vault.set('Character.AI', TOKEN, [API]);
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });
});
