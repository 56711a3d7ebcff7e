// Linux without a keyring: tokens are stored with Chromium's public built-in key only once the user
// accepted that, in Settings (kept in the settings file) or with WHY500_ALLOW_PLAIN_TEXT_TOKENS=1.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import { ALLOW_PLAIN_TEXT_ENV } from '../secrets/token-vault';
import { Settings } from '../settings/settings';
import { MemoryStore } from '../settings/store';
import { setup, T, windowSender } from '../testing/controller-rig';
import type { FakeSafeStorage } from '../testing/fakes';

const TOKEN = 'p'.repeat(40);

/** Settings as saved by a version before the choice existed, or with the choice given. */
function settingsFile(choice?: boolean): { settings: Settings; store: MemoryStore } {
  const { allowPlainTextTokens: _absent, ...older } = defaultSettings();
  const store = new MemoryStore('/x/settings.json');
  store.set('settings', choice === undefined ? older : { ...older, allowPlainTextTokens: choice });
  const settings = Settings.open({
    open: () => store,
    filePath: '/x/settings.json',
    fs: { exists: () => true, rename: () => {} },
    now: () => new Date(),
  });
  return { settings, store };
}

/** A started app on a Linux without a keyring, and a sender that is its window. */
async function keyringless(settings: Settings, env: Record<string, string> = {}) {
  const rig = await setup({ settings, env, start: false });
  const safe = rig.ports.safeStorage as FakeSafeStorage;
  safe.backend = 'basic_text';
  await rig.controller.start();
  const sender = await windowSender(rig.controller, rig.ports.windows);
  return { ...rig, safe, sender };
}

describe('tokens with the public built-in key', () => {
  it('are refused with a settings file from before the choice, which still loads', async () => {
    const { settings } = settingsFile();
    expect(settings.notice).toBeNull();
    expect(settings.get().allowPlainTextTokens).toBe(false);
    const { controller, sender, safe } = await keyringless(settings);
    const out = await controller.dispatch('token:set', sender, { target: T, token: TOKEN });
    expect(out).toMatchObject({ ok: false, error: expect.stringMatching(/built-in key, which is public/) });
    expect(safe.plainText).toBe(false);
  });

  it('are stored once the user chose so in Settings, the choice is kept in the file, and off removes them', async () => {
    const { settings, store } = settingsFile();
    const { controller, sender, safe } = await keyringless(settings);
    expect(await controller.dispatch('token:allow-plain-text', sender, { allow: true })).toEqual({
      ok: true,
      value: { set: {}, weakEncryption: true, available: true, plainTextOptIn: 'settings' },
    });
    expect(store.get('settings')).toMatchObject({ allowPlainTextTokens: true });
    expect(await controller.dispatch('token:set', sender, { target: T, token: TOKEN })).toMatchObject({
      ok: true,
    });
    expect(controller.tokens.get(T)).toBe(TOKEN);

    // The next start reads the choice from the file and the token with it.
    const again = await keyringless(settingsFile(true).settings);
    expect(again.safe.plainText).toBe(true);
    expect(again.controller.tokens.state()).toMatchObject({ available: true, plainTextOptIn: 'settings' });

    const off = await controller.dispatch('token:allow-plain-text', sender, { allow: false });
    expect(off).toEqual({
      ok: true,
      value: { set: {}, weakEncryption: true, available: false, plainTextOptIn: null },
    });
    expect(store.get('settings')).toMatchObject({ allowPlainTextTokens: false });
    expect(store.get('tokens')).toEqual({});
    expect(controller.tokens.get(T)).toBeNull();
    expect(safe.plainText).toBe(false);
  });

  it('are still allowed by WHY500_ALLOW_PLAIN_TEXT_TOKENS=1, which the Settings choice cannot undo', async () => {
    const { settings } = settingsFile();
    const { controller, sender } = await keyringless(settings, { [ALLOW_PLAIN_TEXT_ENV]: '1' });
    expect(controller.tokens.state()).toMatchObject({ available: true, plainTextOptIn: 'environment' });
    await controller.dispatch('token:set', sender, { target: T, token: TOKEN });
    const off = await controller.dispatch('token:allow-plain-text', sender, { allow: false });
    expect(off).toMatchObject({ ok: true, value: { set: { [T]: true }, plainTextOptIn: 'environment' } });
    expect(controller.tokens.get(T)).toBe(TOKEN);
  });
});
