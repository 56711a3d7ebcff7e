import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import type { MonitorEvent } from '../../shared/types/monitor';
import type { NotificationSettings } from '../../shared/types/settings';
import { FakeNotifier } from '../testing/fakes';
import { utcClock } from '../tray/clock';
import { Notifier } from './notifier';
import { NotificationPolicy, inQuietHours } from './policy';

const utcMinutes = (d: Date) => d.getUTCHours() * 60 + d.getUTCMinutes();
const T = 'Character.AI';

function ev(event: MonitorEvent['event'], at: string, extra: Partial<MonitorEvent> = {}): MonitorEvent {
  return { event, target: T, at, cause: null, summary: `${event} happened`, ...extra };
}

function setup(overrides: Partial<NotificationSettings> = {}) {
  const settings = { ...defaultSettings().notifications, ...overrides };
  const policy = new NotificationPolicy(() => settings, utcClock, utcMinutes);
  const port = new FakeNotifier();
  const opened: string[] = [];
  const notifier = new Notifier({
    port,
    policy,
    secrets: () => ['sekrit-token-0123456789'],
    openDiagnosis: (t) => opened.push(t),
    now: () => new Date('2026-11-25T14:10:00Z'),
  });
  return { settings, policy, port, notifier, opened };
}

describe('notification policy', () => {
  it('announces a scripted outage, a cause change and the recovery, each saying why', () => {
    const { port, notifier, opened } = setup();
    notifier.handle(ev('outage', '2026-11-25T14:02:00Z', { cause: 'overload', confidence: 0.82 }));
    notifier.handle(
      ev('cause-changed', '2026-11-25T14:20:00Z', {
        cause: 'bad-update',
        previousCause: 'overload',
        confidence: 0.7,
      }),
    );
    notifier.handle(ev('recovery', '2026-11-25T14:45:00Z', { durationMs: 43 * 60_000 }));
    expect(port.shown.map((n) => [n.title, n.body])).toEqual([
      ['Character.AI is down', "Since 14:02 — likely overload (82% of the model's weight)."],
      [
        'Character.AI is down: the likely cause changed',
        "Now a bad update (70% of the model's weight); before it looked like overload.",
      ],
      ['Character.AI is back', 'Working again after 43 min of failures.'],
    ]);
    port.shown[0]!.onClick();
    expect(opened).toEqual([T]);
  });

  it('never announces a recovery without an outage before it', () => {
    const { port, notifier } = setup();
    expect(notifier.handle(ev('recovery', '2026-11-25T14:45:00Z', { durationMs: 1000 }))).toEqual({
      show: false,
      reason: 'recovery without an outage before it',
    });
    notifier.handle(ev('outage', '2026-11-25T15:00:00Z', { cause: 'unknown' }));
    notifier.handle(ev('recovery', '2026-11-25T15:05:00Z', { durationMs: 5 * 60_000 }));
    notifier.handle(ev('recovery', '2026-11-25T15:06:00Z', { durationMs: 6 * 60_000 }));
    expect(port.shown.map((n) => n.title)).toEqual([
      'Character.AI is failing for you, and the cause is not clear yet',
      'Character.AI is back',
    ]);
    expect(port.shown[0]!.body).toBe('Since 15:00 — cause unclear.');
  });

  it('sends nothing for local-network events or a cause change outside an outage', () => {
    const { port, notifier } = setup();
    notifier.handle(ev('local-network', '2026-11-25T14:02:00Z', { cause: 'local-network' }));
    notifier.handle(ev('cause-changed', '2026-11-25T14:03:00Z', { cause: 'overload' }));
    expect(port.shown).toEqual([]);
  });

  it('names the part of your connection to fix when the local checks found it', () => {
    const { port, notifier } = setup();
    const step = 'Your Wi-Fi wants you to sign in: open any web page to see its sign-in screen';
    notifier.handle(
      ev('local-network', '2026-11-25T14:02:00Z', {
        cause: 'local-network',
        localCause: 'captive-portal',
        localStep: step,
      }),
    );
    notifier.handle(
      ev('outage', '2026-11-25T15:00:00Z', {
        cause: 'local-network',
        localCause: 'dns',
        localStep: 'Switch DNS.',
      }),
    );
    expect(port.shown.map((n) => [n.title, n.body])).toEqual([
      ['Your network has a problem, not Character.AI (a Wi-Fi sign-in page)', `Since 14:02. ${step}`],
      ['Your network has a problem, not Character.AI', 'Since 15:00 — likely your DNS server. Switch DNS.'],
    ]);
    const off = setup({ outage: false });
    off.notifier.handle(
      ev('local-network', '2026-11-25T14:02:00Z', { localCause: 'clock', localStep: step }),
    );
    expect(off.port.shown).toEqual([]);
  });

  it('degraded is optional', () => {
    const off = setup();
    off.notifier.handle(ev('degraded', '2026-11-25T14:02:00Z', { cause: 'regional', confidence: 0.6 }));
    expect(off.port.shown).toEqual([]);
    const on = setup({ degraded: true });
    on.notifier.handle(ev('degraded', '2026-11-25T14:02:00Z', { cause: 'regional', confidence: 0.6 }));
    expect(on.port.shown[0]!.body).toBe(
      "Degraded since 14:02 — likely a regional problem (60% of the model's weight).",
    );
  });

  it('holds notifications back in quiet hours across midnight, for muted targets and while snoozed', () => {
    const quiet = setup({ quietHours: { start: '22:00', end: '07:00' } });
    expect(
      quiet.policy.decide(ev('outage', '2026-11-25T23:30:00Z'), new Date('2026-11-25T23:30:00Z')),
    ).toEqual({
      show: false,
      reason: 'quiet hours',
    });
    // The outage was still recorded, so the recovery after quiet hours is told.
    const after = quiet.policy.decide(
      ev('recovery', '2026-11-26T07:30:00Z', { durationMs: 8 * 3_600_000 }),
      new Date('2026-11-26T07:30:00Z'),
    );
    expect(after).toMatchObject({ show: true, body: 'Working again after 8 h of failures.' });

    const muted = setup({ muted: [T] });
    expect(
      muted.policy.decide(ev('outage', '2026-11-25T12:00:00Z'), new Date('2026-11-25T12:00:00Z')),
    ).toMatchObject({
      show: false,
      reason: `${T} is muted`,
    });

    const snoozed = setup();
    snoozed.policy.snooze(new Date('2026-11-25T13:00:00Z'));
    expect(
      snoozed.policy.decide(ev('outage', '2026-11-25T12:30:00Z'), new Date('2026-11-25T12:30:00Z')).show,
    ).toBe(false);
    expect(
      snoozed.policy.decide(ev('outage', '2026-11-25T13:01:00Z'), new Date('2026-11-25T13:01:00Z')).show,
    ).toBe(true);
  });

  it('quiet-hour windows', () => {
    const q = { start: '22:00', end: '07:00' };
    expect(inQuietHours(q, 23 * 60)).toBe(true);
    expect(inQuietHours(q, 3 * 60)).toBe(true);
    expect(inQuietHours(q, 7 * 60)).toBe(false);
    expect(inQuietHours(q, 12 * 60)).toBe(false);
    expect(inQuietHours({ start: '09:00', end: '17:00' }, 10 * 60)).toBe(true);
    expect(inQuietHours({ start: '09:00', end: '17:00' }, 18 * 60)).toBe(false);
    expect(inQuietHours(null, 0)).toBe(false);
  });

  it('never shows a token in a notification', () => {
    const { port, notifier } = setup();
    notifier.handle({
      ...ev('outage', '2026-11-25T14:02:00Z', { cause: 'account', confidence: 0.9 }),
      target: 'Token sekrit-token-0123456789',
    });
    expect(port.shown).toHaveLength(1);
    expect(JSON.stringify(port.shown)).not.toContain('sekrit-token-0123456789');
  });
});
