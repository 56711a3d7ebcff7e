// Time and network changes: a pause ends by the wall clock (a suspend stops the monotonic timers on
// Linux), and the system proxy is asked per address, again after a wake and on network changes.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import { savedSettings, setup, T, windowSender } from '../testing/controller-rig';
import { FakeAppCore, status } from '../testing/fakes';
import { SETTLE_MS } from './power';
import { PAUSE_CHECK_MS } from './run-control';
import { PROXY_RECHECK_MS } from './system-proxies';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const START = Date.parse('2026-11-25T14:00:00Z');

describe('pauses end by the wall clock', () => {
  it('"until tomorrow" ends at the wake that comes after midnight, however long the timers slept', async () => {
    const { controller, monitor, ports, setClock, timers } = await setup();
    await controller.trayAction({ kind: 'pause', until: 'tomorrow' });
    monitor.calls = [];
    ports.power.emitSuspend();
    // Asleep past the next midnight in any time zone: the wall clock moved 36 h, the monotonic timers not at all.
    setClock(new Date(START + 36 * 3_600_000));
    ports.power.emitResume();
    expect(controller.snapshot().paused).toBeNull();
    expect(ports.tray.labels()).toContain('Pause 1 hour');
    timers.advance(SETTLE_MS);
    expect(monitor.calls).toEqual(['resume+probe']);
  });

  it('ends on a refresh past its end, and within a minute when no event comes', async () => {
    const refreshed = await setup();
    await refreshed.controller.trayAction({ kind: 'pause', until: 'hour' });
    refreshed.setClock(new Date(START + 2 * 3_600_000));
    refreshed.monitor.set([status(T, 'healthy')]);
    expect(refreshed.controller.snapshot().paused).toBeNull();
    expect(refreshed.monitor.calls).toContain('resume+probe');

    const quiet = await setup();
    await quiet.controller.trayAction({ kind: 'pause', until: 'tomorrow' });
    quiet.setClock(new Date(START + 36 * 3_600_000));
    quiet.timers.advance(PAUSE_CHECK_MS);
    expect(quiet.controller.snapshot().paused).toBeNull();
  });

  it('does not end early: a pause still running keeps checking', async () => {
    const { controller, timers } = await setup();
    await controller.trayAction({ kind: 'pause', until: 'hour' });
    timers.advance(30 * 60_000);
    expect(controller.snapshot().paused).toEqual({ until: '2026-11-25T15:00:00.000Z' });
    timers.advance(30 * 60_000);
    expect(controller.snapshot().paused).toBeNull();
  });

  it('a snooze that ran out while asleep is off in the tray after the wake', async () => {
    const { controller, ports, setClock } = await setup();
    await controller.trayAction({ kind: 'snooze', hours: 1 });
    expect(ports.tray.labels().some((l) => l.startsWith('Notifications snoozed until'))).toBe(true);
    ports.power.emitSuspend();
    setClock(new Date(START + 3 * 3_600_000));
    ports.power.emitResume();
    expect(ports.tray.labels()).toContain('Snooze notifications 1 hour');
    expect(controller.snapshot().snoozedUntil).toBeNull();
  });
});

describe('the system proxy', () => {
  async function twoTargets() {
    const settings = savedSettings();
    settings.save({
      ...defaultSettings(),
      targets: [
        { name: 'Office', site: 'https://intranet.corp.example/' },
        { name: 'Public', site: 'https://public.example/' },
      ],
    });
    const rig = await setup({
      settings,
      monitor: new FakeAppCore([status('Office', 'healthy'), status('Public', 'healthy')]),
      env: { PATH: '/usr/bin' },
      start: false,
    });
    rig.ports.net.proxyRules.set('public.example', 'PROXY proxy.corp:3128');
    await rig.controller.start();
    return rig;
  }

  it('is asked per address: each target probes through its own proxy', async () => {
    const { inputs, ports } = await twoTargets();
    const envFor = inputs[0]!.envFor;
    expect(envFor('https://intranet.corp.example/api').HTTPS_PROXY).toBeUndefined();
    expect(envFor('https://public.example/').HTTPS_PROXY).toBe('http://proxy.corp:3128');
    expect(envFor('https://public.example/').PATH).toBe('/usr/bin');
    expect(ports.net.proxyAsked).toEqual(
      expect.arrayContaining(['https://intranet.corp.example/', 'https://public.example/']),
    );
  });

  it('is asked again after a wake and on a network change, updating what the probes read', async () => {
    const { inputs, ports } = await twoTargets();
    const office = inputs[0]!.envFor('https://intranet.corp.example/');
    const publicEnv = inputs[0]!.envFor('https://public.example/');
    // At home: no proxy anywhere.
    ports.net.proxyRules.clear();
    ports.power.emitSuspend();
    ports.power.emitResume();
    await flush();
    expect(publicEnv.HTTPS_PROXY).toBeUndefined();
    // A VPN comes up and sends everything through its proxy.
    ports.net.proxyRule = 'PROXY vpn.example:8080';
    ports.net.setOnline(true);
    await flush();
    expect(office.HTTPS_PROXY).toBe('http://vpn.example:8080');
    expect(publicEnv.HTTPS_PROXY).toBe('http://vpn.example:8080');
    expect(inputs[0]!.envFor('https://intranet.corp.example/')).toBe(office);
  });

  it('is asked again every few minutes, as a VPN switched on while online reports no event', async () => {
    const { controller, inputs, ports, timers } = await twoTargets();
    const office = inputs[0]!.envFor('https://intranet.corp.example/');
    ports.net.proxyRule = 'PROXY vpn.example:8080';
    timers.advance(PROXY_RECHECK_MS - 1);
    await flush();
    expect(office.HTTPS_PROXY).toBeUndefined();
    timers.advance(1);
    await flush();
    expect(office.HTTPS_PROXY).toBe('http://vpn.example:8080');
    ports.net.proxyRule = 'DIRECT';
    timers.advance(PROXY_RECHECK_MS);
    await flush();
    expect(office.HTTPS_PROXY).toBeUndefined();
    await controller.quit();
    const asked = ports.net.proxyAsked.length;
    timers.advance(3 * PROXY_RECHECK_MS);
    await flush();
    expect(ports.net.proxyAsked.length, 'not after quitting').toBe(asked);
  });

  it("the settings form's test asks the proxy of the tested address, and changes nothing else", async () => {
    const { controller, ports, tested, inputs } = await twoTargets();
    ports.net.proxyRules.set('new.example', 'PROXY other.corp:8080');
    const sender = await windowSender(controller, ports.windows);
    await controller.dispatch('target:test', sender, { name: 'New', site: 'https://new.example/' });
    expect(tested).toMatchObject([{ name: 'New', proxy: 'http://other.corp:8080' }]);
    // An address nobody asked about still gets the first target's answer (direct), not the tested one's.
    expect(inputs[0]!.envFor('https://elsewhere.example/').HTTPS_PROXY).toBeUndefined();
  });
});
