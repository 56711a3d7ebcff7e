// The tray menu as plain data: a pure function of the current state (rebuilt on every change).

import type { TargetStatus } from '../../shared/types/monitor';
import type { MenuItemModel } from '../platform/ports';
import type { ClockFormat } from './clock';
import { worstTarget } from './state';
import { statusLine } from './tooltip';

/** What the menu is built from. */
export interface TrayMenuInput {
  statuses: readonly TargetStatus[];
  paused: { until: string } | null;
  /** Notifications snoozed until this instant, or null. */
  snoozedUntil: string | null;
  /** "why500 X is available …" while the update feed offers a newer version (electron/updates), or null. */
  update?: string | null;
  clock: ClockFormat;
}

const separator: MenuItemModel = { type: 'separator' };

/** Builds the tray menu. Actions that need a target use the worst one (the first with none worse). */
export function buildTrayMenu(input: TrayMenuInput): MenuItemModel[] {
  const { statuses, paused, snoozedUntil, clock } = input;
  const focus = worstTarget(statuses)?.target ?? statuses[0]?.target ?? null;
  const items: MenuItemModel[] = statuses.map((s) => ({
    type: 'item',
    label: statusLine(s, clock),
    enabled: true,
    action: { kind: 'open-window', target: s.target },
  }));
  if (items.length === 0) items.push({ type: 'item', label: 'No targets configured', enabled: false });
  items.push(separator);
  const hasTarget = focus !== null;
  items.push(
    {
      type: 'item',
      label: 'Diagnose now',
      enabled: hasTarget,
      ...(hasTarget ? { action: { kind: 'diagnose', target: focus, symptom: false } } : {}),
    },
    {
      type: 'item',
      label: "I'm seeing an error now",
      enabled: hasTarget,
      ...(hasTarget ? { action: { kind: 'diagnose', target: focus, symptom: true } } : {}),
    },
    {
      type: 'item',
      label: 'Open diagnostic window',
      enabled: true,
      action: { kind: 'open-window', target: focus },
    },
    {
      type: 'item',
      label: 'Test in a clean session',
      enabled: hasTarget,
      ...(hasTarget ? { action: { kind: 'clean-session', target: focus } } : {}),
    },
    separator,
  );
  if (paused) {
    items.push(
      { type: 'item', label: `Paused until ${clock(paused.until)}`, enabled: false },
      { type: 'item', label: 'Resume', enabled: true, action: { kind: 'resume' } },
    );
  } else {
    items.push(
      { type: 'item', label: 'Pause 1 hour', enabled: true, action: { kind: 'pause', until: 'hour' } },
      {
        type: 'item',
        label: 'Pause until tomorrow',
        enabled: true,
        action: { kind: 'pause', until: 'tomorrow' },
      },
    );
  }
  if (snoozedUntil) {
    items.push({
      type: 'item',
      label: `Notifications snoozed until ${clock(snoozedUntil)} — turn back on`,
      enabled: true,
      action: { kind: 'unsnooze' },
    });
  } else {
    items.push({
      type: 'item',
      label: 'Snooze notifications 1 hour',
      enabled: true,
      action: { kind: 'snooze', hours: 1 },
    });
  }
  items.push(separator);
  if (input.update) items.push({ type: 'item', label: input.update, enabled: false });
  items.push(
    { type: 'item', label: 'Settings…', enabled: true, action: { kind: 'settings' } },
    { type: 'item', label: 'Quit', enabled: true, action: { kind: 'quit' } },
  );
  return items;
}
