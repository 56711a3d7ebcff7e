import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetStatus } from '../../shared/types/monitor';
import { FakeTray, status } from '../testing/fakes';
import { utcClock } from './clock';
import { TRAY_STATES, type TrayState } from './icons';
import { buildTrayMenu } from './menu';
import { worstState } from './state';
import { tooltipText } from './tooltip';
import { TrayController, type TrayView } from './tray-controller';

const outage = status('Character.AI', 'outage', { cause: 'overload', confidence: 0.82 });

function viewFor(state: TrayState): TrayView {
  if (state === 'paused') {
    return {
      statuses: [status('Character.AI', 'healthy')],
      paused: { until: '2026-11-25T15:30:00.000Z' },
      snoozedUntil: null,
    };
  }
  const extra: Partial<TargetStatus> =
    state === 'outage'
      ? { cause: 'overload', confidence: 0.82 }
      : state === 'degraded'
        ? { cause: 'regional', confidence: 0.55 }
        : {};
  return { statuses: [status('Character.AI', state, extra)], paused: null, snoozedUntil: null };
}

const expectedTooltip: Record<TrayState, string> = {
  healthy: 'Character.AI — working since 14:02',
  degraded:
    "Character.AI — slow or partly failing since 14:02, likely a regional problem (55% of the model's weight)",
  outage: "Character.AI — down since 14:02, likely overload (82% of the model's weight)",
  'local-network': 'Character.AI — not reachable: your network has a problem since 14:02',
  unknown: 'Character.AI — status unknown since 14:02',
  paused: 'why500 — paused until 15:30\nCharacter.AI — working since 14:02',
};

describe('tray', () => {
  it('an icon that cannot be set (Windows temp clean-up) does not stop the tray from updating', () => {
    const tray = new FakeTray();
    const errors: string[] = [];
    let broken = true;
    tray.setImage = (path: string) => {
      if (broken) throw new Error('Failed to load image from path');
      tray.image = path;
    };
    let view = viewFor('healthy');
    const controller = new TrayController({
      port: tray,
      platform: 'win32',
      trayDir: 'C:/why500/resources/app.asar.unpacked/resources/tray',
      clock: utcClock,
      view: () => view,
      onAction: () => {},
      onError: (message) => errors.push(message),
    });
    expect(tray.tooltip).toBe(expectedTooltip.healthy);
    view = viewFor('outage');
    expect(() => controller.update()).not.toThrow();
    expect(tray.tooltip).toBe(expectedTooltip.outage);
    expect(tray.labels()[0]).toBe(expectedTooltip.outage);
    expect(errors).toHaveLength(2);
    expect(errors[1]).toMatch(/tray icon .*outage\.ico could not be set: Failed to load image/);
    // Once the icon loads again, the next update sets it even though nothing else changed.
    broken = false;
    controller.update();
    expect(tray.image).toBe(
      join('C:/why500/resources/app.asar.unpacked/resources/tray', 'win', 'outage.ico'),
    );
  });

  it.each(TRAY_STATES)('shows icon, tooltip and menu for %s', (state) => {
    const tray = new FakeTray();
    new TrayController({
      port: tray,
      platform: 'linux',
      trayDir: '/res/tray',
      clock: utcClock,
      view: () => viewFor(state),
      onAction: () => {},
    });
    expect(tray.image).toBe(join('/res/tray', 'linux', `${state}.png`));
    expect(tray.tooltip).toBe(expectedTooltip[state]);
    const labels = tray.labels();
    expect(labels[0]).toBe(expectedTooltip[state].split('\n').at(-1));
    expect(labels).toContain('Diagnose now');
    expect(labels).toContain("I'm seeing an error now");
    expect(labels).toContain('Open diagnostic window');
    expect(labels).toContain('Test in a clean session');
    expect(labels).toContain('Snooze notifications 1 hour');
    expect(labels).toContain('Settings…');
    expect(labels.at(-1)).toBe('Quit');
    if (state === 'paused') {
      expect(labels).toContain('Paused until 15:30');
      expect(labels).toContain('Resume');
      expect(labels).not.toContain('Pause 1 hour');
    } else {
      expect(labels).toContain('Pause 1 hour');
      expect(labels).toContain('Pause until tomorrow');
      expect(labels).not.toContain('Resume');
    }
  });

  it('with several targets the icon shows the worst and the tooltip leads with it', () => {
    const statuses = [status('Other', 'healthy'), outage, status('Third', 'degraded')];
    expect(worstState(statuses)).toBe('outage');
    expect(worstState([status('A', 'healthy'), status('B', 'local-network'), status('C', 'degraded')])).toBe(
      'local-network',
    );
    expect(tooltipText(statuses, null, utcClock).split('\n')[0]).toBe(
      "Character.AI — down since 14:02, likely overload (82% of the model's weight)",
    );
    const menu = buildTrayMenu({ statuses, paused: null, snoozedUntil: null, clock: utcClock });
    const diagnose = menu.find((i) => i.type === 'item' && i.label === 'Diagnose now');
    expect(diagnose).toMatchObject({ action: { kind: 'diagnose', target: 'Character.AI', symptom: false } });
    const symptom = menu.find((i) => i.type === 'item' && i.label === "I'm seeing an error now");
    expect(symptom).toMatchObject({ action: { kind: 'diagnose', target: 'Character.AI', symptom: true } });
  });

  it('names the leading cause and its share when the cause is unclear', () => {
    const unclear = status('Character.AI', 'outage', { cause: 'unknown', confidence: 0.46 });
    const diagnosis = {
      ranking: [
        { cause: 'overload', probability: 0.46, for: [], against: [] },
        { cause: 'regional', probability: 0.3, for: [], against: [] },
      ],
    } as unknown as NonNullable<typeof unclear.diagnosis>;
    expect(tooltipText([{ ...unclear, diagnosis }], null, utcClock)).toBe(
      "Character.AI — failing since 14:02, cause unclear, overload leads with 46% of the model's weight",
    );
  });

  it('keeps the tooltip within the Windows limit', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      status(`Target number ${i}`, 'outage', { cause: 'bad-update', confidence: 0.5 }),
    );
    expect(tooltipText(many, null, utcClock).length).toBeLessThanOrEqual(127);
  });

  it('keeps a line for every service when the full lines do not fit, the worst one in full', () => {
    const statuses = [
      status('Claude', 'healthy'),
      status('ChatGPT', 'outage', { cause: 'overload', confidence: 0.82 }),
      status('Perplexity', 'degraded', { cause: 'bad-update', confidence: 0.6 }),
    ];
    const text = tooltipText(statuses, null, utcClock);
    expect(text.length).toBeLessThanOrEqual(127);
    expect(text.split('\n')).toEqual([
      "ChatGPT — down since 14:02, likely overload (82% of the model's weight)",
      'Perplexity — slow or partly failing',
      'Claude — working',
    ]);
    const four = tooltipText([...statuses, status('Character.AI', 'healthy')], null, utcClock);
    expect(four.split('\n')).toEqual([
      'ChatGPT — down',
      'Perplexity — slow or partly failing',
      'Claude — working',
      'Character.AI — working',
    ]);
    const twelve = Array.from({ length: 12 }, (_, i) => status(`Service ${i}`, 'healthy'));
    const lines = tooltipText(twelve, null, utcClock).split('\n');
    expect(lines.at(-1)).toMatch(/^and \d+ more$/);
  });

  it('rebuilds the menu only when the state changes', () => {
    const tray = new FakeTray();
    let view = viewFor('healthy');
    const controller = new TrayController({
      port: tray,
      platform: 'win32',
      trayDir: '/t',
      clock: utcClock,
      view: () => view,
      onAction: () => {},
    });
    expect(tray.menuBuilds).toBe(1);
    controller.update();
    expect(tray.menuBuilds).toBe(1);
    view = viewFor('outage');
    controller.update();
    expect(tray.menuBuilds).toBe(2);
    expect(tray.image).toBe(join('/t', 'win', 'outage.ico'));
  });

  it('follows each OS click convention', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const tray = new FakeTray();
      const actions: unknown[] = [];
      new TrayController({
        port: tray,
        platform,
        trayDir: '/t',
        clock: utcClock,
        view: () => viewFor('healthy'),
        onAction: (a) => actions.push(a),
      });
      tray.clickIcon();
      if (platform === 'darwin') {
        expect(tray.popUps).toBe(1);
        expect(actions).toEqual([]);
      } else {
        expect(tray.popUps).toBe(0);
        expect(actions).toEqual([{ kind: 'open-window', target: null }]);
      }
    }
  });

  it('offers to turn notifications back on while snoozed', () => {
    const menu = buildTrayMenu({
      statuses: [outage],
      paused: null,
      snoozedUntil: '2026-11-25T16:00:00.000Z',
      clock: utcClock,
    });
    expect(menu).toContainEqual({
      type: 'item',
      label: 'Notifications snoozed until 16:00 — turn back on',
      enabled: true,
      action: { kind: 'unsnooze' },
    });
  });
});

describe('tray menu with an update', () => {
  it('shows the update line, not clickable, above Settings; none without one', () => {
    const input = {
      statuses: [status('Character.AI', 'healthy')],
      paused: null,
      snoozedUntil: null,
      clock: utcClock,
    };
    const line = 'why500 0.2.0 is available (this is 0.1.0).';
    const labels = buildTrayMenu({ ...input, update: line }).map((i) => (i.type === 'item' ? i : null));
    const at = labels.findIndex((i) => i?.label === line);
    expect(at).toBeGreaterThan(0);
    expect(labels[at]).toMatchObject({ enabled: false });
    expect(labels[at]).not.toHaveProperty('action');
    expect(labels[at + 1]?.label).toBe('Settings…');
    const without = buildTrayMenu({ ...input, update: null });
    expect(without).toHaveLength(buildTrayMenu({ ...input, update: line }).length - 1);
  });
});

describe('tray tooltip with a local sub-cause', () => {
  it('names the part of your own connection the checks found', () => {
    const diagnosis = { localCause: 'captive-portal' } as TargetStatus['diagnosis'];
    const local = status('Character.AI', 'local-network', {
      cause: 'local-network',
      confidence: 0.95,
      diagnosis,
    });
    expect(tooltipText([local], null, utcClock)).toBe(
      'Character.AI — not reachable: your network has a problem since 14:02, likely a Wi-Fi sign-in page',
    );
    const outage = status('Character.AI', 'outage', { cause: 'overload', confidence: 0.8, diagnosis });
    expect(tooltipText([outage], null, utcClock)).toBe(
      "Character.AI — down since 14:02, likely overload (80% of the model's weight)",
    );
  });
});
