// The first run's offer to start at login (in the window, once, until answered) and the macOS
// warning for an app run from outside Applications, through the controller and IPC.
import { describe, expect, it } from 'vitest';
import { savedSettings, setup, windowSender } from '../testing/controller-rig';
import { LOGIN_OFFER_KEY } from './first-run';

describe('the one-time offer to start at login', () => {
  it('is made on the first run and, answered yes, turns the login item on as Settings would', async () => {
    const { controller, ports } = await setup();
    expect(controller.snapshot().offerLoginItem).toBe(true);
    const sender = await windowSender(controller, ports.windows);
    expect(await controller.dispatch('login-offer:answer', sender, { enable: true })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(ports.app.loginItem).toBe(true);
    expect(controller.snapshot().offerLoginItem).toBe(false);
  });

  it('answered no, is not made again, also after a restart', async () => {
    const first = await setup();
    const sender = await windowSender(first.controller, first.ports.windows);
    await first.controller.dispatch('login-offer:answer', sender, { enable: false });
    expect(first.ports.app.loginItem).toBeNull();
    expect(first.controller.snapshot().offerLoginItem).toBe(false);

    const later = savedSettings();
    later.store.set(LOGIN_OFFER_KEY, 'answered');
    expect((await setup({ settings: later })).controller.snapshot().offerLoginItem).toBe(false);
  });

  it('stays until answered, is not made after the first run, nor in a development run', async () => {
    const pending = savedSettings();
    pending.store.set(LOGIN_OFFER_KEY, 'pending');
    expect((await setup({ settings: pending })).controller.snapshot().offerLoginItem).toBe(true);
    expect((await setup({ settings: savedSettings() })).controller.snapshot().offerLoginItem).toBe(false);
    expect((await setup({ packaged: false })).controller.snapshot().offerLoginItem).toBe(false);
  });
});

describe('macOS outside Applications', () => {
  it('says why the login item cannot work instead of offering it, and moves the app on request', async () => {
    const rig = await setup({ platform: 'darwin', start: false });
    rig.ports.app.inApplications = false;
    await rig.controller.start();
    const snapshot = rig.controller.snapshot();
    expect(snapshot.outsideApplications).toBe(true);
    expect(snapshot.offerLoginItem).toBe(false);
    expect(rig.logs).toContain('running from outside Applications: macOS cannot start it at login from here');
    const sender = await windowSender(rig.controller, rig.ports.windows);
    rig.ports.app.moveSucceeds = false;
    expect(await rig.controller.dispatch('app:move-to-applications', sender, undefined)).toEqual({
      ok: true,
      value: {
        ok: false,
        message: 'why500 could not be moved: drag it to Applications in Finder, then open it from there.',
      },
    });
    rig.ports.app.moveSucceeds = true;
    const moved = await rig.controller.dispatch('app:move-to-applications', sender, undefined);
    expect(moved).toMatchObject({ ok: true, value: { ok: true } });
    expect(rig.ports.app.moves).toBe(2);
  });

  it('is never claimed on Linux or from Applications', async () => {
    expect((await setup()).controller.snapshot().outsideApplications).toBe(false);
    expect((await setup({ platform: 'darwin' })).controller.snapshot().outsideApplications).toBe(false);
  });
});
