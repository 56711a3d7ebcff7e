// The macOS keychain is not touched while no token is stored (it may prompt after every unsigned
// update), and the snapshot carries what the OS says of the login item.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import { savedSettings, setup, T, windowSender } from '../testing/controller-rig';
import type { FakeSafeStorage } from '../testing/fakes';

describe('the keychain', () => {
  it('is not asked anything at start, in logs, snapshots or the token state while no token is stored', async () => {
    const rig = await setup({ platform: 'darwin', settings: savedSettings(), start: false });
    const safe = rig.ports.safeStorage as FakeSafeStorage;
    safe.touchesKeychain = true;
    await rig.controller.start();
    const sender = await windowSender(rig.controller, rig.ports.windows);
    await rig.controller.dispatch('snapshot:get', sender, undefined);
    const state = await rig.controller.dispatch('token:get-state', sender, undefined);
    await rig.controller.dispatch('bogus:channel', sender, undefined); // logs a line (redacted)
    expect(rig.logs.length).toBeGreaterThan(0);
    expect(state).toEqual({
      ok: true,
      value: { set: {}, weakEncryption: false, available: true, plainTextOptIn: null },
    });
    expect(safe.calls).toEqual([]);

    // Saving a token is the first time it is asked; from then on the stored token is read.
    await rig.controller.dispatch('token:set', sender, { target: T, token: 'a'.repeat(40) });
    expect(safe.calls).toContain('encryptString');
  });

  it('is asked on Linux where it prompts for nothing, to warn of weak storage before a token is saved', async () => {
    const rig = await setup({ settings: savedSettings() });
    const safe = rig.ports.safeStorage as FakeSafeStorage;
    safe.backend = 'basic_text';
    expect(rig.controller.tokens.state().weakEncryption).toBe(true);
  });
});

describe('the login item status', () => {
  it('is what the OS says, and unknown in a development run', async () => {
    const packaged = await setup({ platform: 'darwin', settings: savedSettings() });
    packaged.ports.app.loginStatus = 'requires-approval';
    expect(packaged.controller.snapshot().loginItem).toBe('requires-approval');
    packaged.ports.app.loginStatus = 'not-found';
    expect(packaged.controller.snapshot().loginItem).toBe('not-found');

    const dev = await setup({ settings: savedSettings(), packaged: false });
    expect(dev.controller.snapshot().loginItem).toBeNull();
  });
});

describe('the login item is changed only when its setting changes', () => {
  it('on Linux not at start, whatever the setting; on a save only when the checkbox changed', async () => {
    for (const launchAtLogin of [false, true]) {
      const settings = savedSettings();
      settings.save({ ...defaultSettings(), launchAtLogin });
      const { controller, ports } = await setup({ settings });
      expect(ports.app.loginItem).toBeNull();
      const sender = await windowSender(controller, ports.windows);
      await controller.dispatch('settings:set', sender, {
        ...defaultSettings(),
        launchAtLogin,
        intervalSeconds: 90,
      });
      expect(ports.app.loginItem, 'another setting saved').toBeNull();
      await controller.dispatch('settings:set', sender, {
        ...defaultSettings(),
        launchAtLogin: !launchAtLogin,
      });
      expect(ports.app.loginItem).toBe(!launchAtLogin);
    }
  });

  it('macOS and Windows re-register an enabled item at start (the app may have moved)', async () => {
    const settings = savedSettings();
    settings.save({ ...defaultSettings(), launchAtLogin: true });
    const mac = await setup({ platform: 'darwin', settings });
    expect(mac.ports.app.loginItem).toBe(true);
  });
});
