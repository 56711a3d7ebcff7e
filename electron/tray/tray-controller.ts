// Keeps the tray icon, tooltip and menu in step with the monitor, and follows each OS's click
// convention (macOS: a click shows the menu; Windows/Linux: a left click opens the window). An icon
// that cannot be loaded never stops the tooltip and menu from updating.

import type { TargetStatus } from '../../shared/types/monitor';
import type { TrayAction, TrayPort } from '../platform/ports';
import type { ClockFormat } from './clock';
import { trayIconPath } from './icons';
import { buildTrayMenu } from './menu';
import { trayState } from './state';
import { tooltipText } from './tooltip';

/** What the tray shows, read fresh on every update. */
export interface TrayView {
  statuses: TargetStatus[];
  paused: { until: string } | null;
  snoozedUntil: string | null;
  /** The update line (electron/updates/update-check.ts), or null. */
  update?: string | null;
}

/** Dependencies of the tray controller. */
export interface TrayControllerDeps {
  port: TrayPort;
  platform: NodeJS.Platform;
  /** Folder holding mac/, win/ and linux/ icon folders. */
  trayDir: string;
  clock: ClockFormat;
  view: () => TrayView;
  onAction: (action: TrayAction) => void;
  /** Told when the icon could not be set (one line); the tray keeps its previous icon. */
  onError?: (message: string) => void;
}

/** Drives one tray icon. */
export class TrayController {
  private lastKey = '';

  constructor(private readonly deps: TrayControllerDeps) {
    deps.port.onClick(() => {
      if (deps.platform === 'darwin') deps.port.popUpMenu();
      else deps.onAction({ kind: 'open-window', target: null });
    });
    this.update();
  }

  /** Redraws icon, tooltip and menu if anything they show changed. */
  update(): void {
    const { port, platform, trayDir, clock, onAction } = this.deps;
    const view = this.deps.view();
    const image = trayIconPath(trayDir, trayState(view.statuses, view.paused !== null), platform);
    const tooltip = tooltipText(view.statuses, view.paused, clock);
    const menu = buildTrayMenu({ ...view, clock });
    const key = JSON.stringify([image, tooltip, menu]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    try {
      port.setImage(image);
    } catch (error) {
      // E.g. Windows: an icon file went missing. Try again on the next update.
      this.lastKey = '';
      this.deps.onError?.(
        `the tray icon ${image} could not be set: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    port.setToolTip(tooltip);
    port.setMenu(menu, onAction);
  }
}
