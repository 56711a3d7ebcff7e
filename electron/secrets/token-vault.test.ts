import { describe, expect, it } from 'vitest';
import { FakeSafeStorage } from '../testing/fakes';
import { MemoryStore } from '../settings/store';
import { REDACTED, oneLine, redactSecrets } from './redact';
import { TokenVault } from './token-vault';

const TOKEN = '0123456789abcdef0123456789abcdef01234567';

describe('token vault', () => {
  it('stores the token encrypted (base64 in the store) and gives the core the clear value', () => {
    const store = new MemoryStore();
    const vault = new TokenVault(store, new FakeSafeStorage());
    const state = vault.set('Character.AI', TOKEN);
    expect(state).toEqual({ set: { 'Character.AI': true }, weakEncryption: false, available: true });
    const stored = JSON.stringify(store.get('tokens'));
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(vault.get('Character.AI')).toBe(TOKEN);
    expect(vault.get('Other')).toBeNull();
    expect(JSON.stringify(vault.state())).not.toContain(TOKEN);
    expect(vault.clear('Character.AI')).toEqual({ set: {}, weakEncryption: false, available: true });
    expect(vault.get('Character.AI')).toBeNull();
  });

  it('decrypts each stored token once, keeps it in memory, and reads them again after set or clear', () => {
    const store = new MemoryStore();
    const safe = new FakeSafeStorage();
    const writer = new TokenVault(store, safe);
    writer.set('A', TOKEN);
    writer.set('B', 'b'.repeat(40));
    // A fresh vault over the same store, as after a restart.
    const vault = new TokenVault(store, safe);
    safe.decryptCalls = 0;
    for (let i = 0; i < 50; i++) {
      expect(vault.secrets().sort()).toEqual([TOKEN, 'b'.repeat(40)].sort());
      expect(vault.get('A')).toBe(TOKEN);
    }
    expect(safe.decryptCalls).toBe(2);
    vault.set('A', 'c'.repeat(40));
    vault.set('C', 'd'.repeat(40));
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

  it('flags the Linux basic_text backend as weak so the window warns first', () => {
    const vault = new TokenVault(new MemoryStore(), new FakeSafeStorage(true, 'basic_text'));
    expect(vault.state().weakEncryption).toBe(true);
  });

  it('refuses to store without encryption, without the token in the error', () => {
    const vault = new TokenVault(new MemoryStore(), new FakeSafeStorage(false, null));
    expect(vault.state()).toEqual({ set: {}, weakEncryption: false, available: false });
    expect(() => vault.set('Character.AI', TOKEN)).toThrow(/no encrypted storage/);
    try {
      vault.set('Character.AI', TOKEN);
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });

  it('redacts known secrets and credential headers from text', () => {
    expect(redactSecrets(`failed with ${TOKEN}`, [TOKEN])).toBe(`failed with ${REDACTED}`);
    expect(redactSecrets('Authorization: Token abcdefgh12345678', [])).toBe(
      `Authorization: Token ${REDACTED}`,
    );
    expect(redactSecrets('sent Bearer abcdefgh12345678 upstream', [])).toBe(
      `sent Bearer ${REDACTED} upstream`,
    );
    expect(oneLine(`a\n  b ${TOKEN}\n`, [TOKEN])).toBe(`a b ${REDACTED}`);
  });
});
