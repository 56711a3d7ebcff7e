// The tray's run controls from the window (IPC), and a desktop without a tray host: the window opens
// even at a start at login and says why there is no icon.
import { describe, expect, it } from 'vitest';
import { savedSettings, setup, windowSender } from '../testing/controller-rig';
import type { FakeSessionBus } from '../testing/fakes';
import { TRAY_MISSING_TEXT, TRAY_RECHECK_MS, TRAY_WATCHER_NAME } from '../tray/availability';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run controls from the window', () => {
  it('pause, resume, snooze and unsnooze act like the tray and show in the snapshot', async () => {
    const { controller, monitor, ports } = await setup();
    const sender = await windowSender(controller, ports.windows);
    monitor.calls = [];
    expect(await controller.dispatch('monitor:pause', sender, { until: 'hour' })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(monitor.calls).toEqual(['pause']);
    expect(controller.snapshot().paused).toEqual({ until: '2026-11-25T15:00:00.000Z' });
    expect(ports.tray.labels()).toContain('Resume');

    await controller.dispatch('monitor:resume', sender, undefined);
    expect(monitor.calls).toEqual(['pause', 'resume+probe']);
    expect(controller.snapshot().paused).toBeNull();

    await controller.dispatch('notifications:snooze', sender, { hours: 1 });
    expect(controller.snapshot().snoozedUntil).toBe('2026-11-25T15:00:00.000Z');
    const pushed = ports.windows.windows[0]!.sent.filter((m) => m.channel === 'snapshot:changed');
    expect(pushed.at(-1)?.payload).toMatchObject({ snoozedUntil: '2026-11-25T15:00:00.000Z' });
    await controller.dispatch('notifications:unsnooze', sender, undefined);
    expect(controller.snapshot().snoozedUntil).toBeNull();
  });

  it('refuses a bad payload and a stranger, and quits on request', async () => {
    const { controller, monitor, ports } = await setup();
    const sender = await windowSender(controller, ports.windows);
    const bad = await controller.dispatch('monitor:pause', sender, { until: 'forever' });
    expect(bad.ok).toBe(false);
    const snooze = await controller.dispatch('notifications:snooze', sender, { hours: 1000 });
    expect(snooze.ok).toBe(false);
    const stranger = await controller.dispatch('app:quit', { ...sender, webContentsId: 999 }, undefined);
    expect(stranger.ok).toBe(false);
    expect(ports.app.quitCalls).toBe(0);

    expect(await controller.dispatch('app:quit', sender, undefined)).toEqual({ ok: true, value: undefined });
    await flush();
    expect(monitor.calls).toContain('stop+abort');
    expect(ports.app.quitCalls).toBe(1);
    expect(ports.tray.destroyed).toBe(true);
  });
});

describe('a desktop without a tray host', () => {
  it('opens the window at a start at login and says why there is no icon', async () => {
    const rig = await setup({ settings: savedSettings(), atLogin: true, start: false });
    const bus = rig.ports.sessionBus as FakeSessionBus;
    bus.owners.set(TRAY_WATCHER_NAME, false);
    await rig.controller.start();
    await flush();
    // At login the tray host may come up after the app: asked again before concluding.
    expect(rig.ports.windows.windows).toHaveLength(0);
    rig.timers.advance(TRAY_RECHECK_MS);
    await flush();
    expect(bus.asked).toEqual([TRAY_WATCHER_NAME, TRAY_WATCHER_NAME]);
    expect(rig.ports.windows.windows).toHaveLength(1);
    expect(rig.controller.snapshot().trayMissing).toBe(TRAY_MISSING_TEXT);
    expect(TRAY_MISSING_TEXT).toMatch(/AppIndicator/);
  });

  it('stays quiet at login when the tray host comes up in time, and says nothing it did not see', async () => {
    const late = await setup({ settings: savedSettings(), atLogin: true, start: false });
    const bus = late.ports.sessionBus as FakeSessionBus;
    bus.owners.set(TRAY_WATCHER_NAME, false);
    await late.controller.start();
    bus.owners.set(TRAY_WATCHER_NAME, true);
    late.timers.advance(TRAY_RECHECK_MS);
    await flush();
    expect(late.ports.windows.windows).toHaveLength(0);
    expect(late.controller.snapshot().trayMissing).toBeNull();

    const unreachable = await setup({ settings: savedSettings(), atLogin: true, start: false });
    (unreachable.ports.sessionBus as FakeSessionBus).owners.set(TRAY_WATCHER_NAME, null);
    await unreachable.controller.start();
    await flush();
    expect(unreachable.controller.snapshot().trayMissing).toBeNull();
    expect(unreachable.ports.windows.windows).toHaveLength(0);
  });

  it('is not asked about on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const rig = await setup({ platform, settings: savedSettings(), atLogin: true, start: false });
      await rig.controller.start();
      await flush();
      expect((rig.ports.sessionBus as FakeSessionBus).asked).toEqual([]);
    }
  });
});
