// What each tray menu action does: open the window, diagnose, pause, snooze, quit.

import type { WindowView } from '../../shared/ipc/contract';
import type { NotificationPolicy } from '../notify/policy';
import type { TrayAction } from '../platform/ports';
import { inOneHour, tomorrowStart, type RunControl } from './run-control';

/** What the tray's actions act on (the app controller passes its own parts). */
export interface TrayActionContext {
  now: () => Date;
  /** Shows the diagnostic window in front; never rejects. */
  showWindow: (request?: { view: WindowView; target: string | null }) => Promise<void>;
  /** Starts a diagnosis through the IPC handler, so the window's Cancel can stop it too. */
  diagnose: (target: string, symptom: boolean) => Promise<unknown>;
  /** Opens a clean session for the watched target of that name (none: nothing happens). */
  openCleanSession: (target: string) => Promise<void>;
  run: RunControl | null;
  policy: NotificationPolicy;
  quit: () => Promise<void>;
  log: (line: string) => void;
  refresh: () => void;
}

/** Runs a tray menu action; a failure is logged, and the tray and window are refreshed after (not after quit). */
export async function runTrayAction(action: TrayAction, ctx: TrayActionContext): Promise<void> {
  const now = ctx.now();
  try {
    switch (action.kind) {
      case 'diagnose':
        await ctx.showWindow({ view: 'causes', target: action.target });
        await ctx.diagnose(action.target, action.symptom);
        break;
      case 'open-window':
        await ctx.showWindow(action.target ? { view: 'overview', target: action.target } : undefined);
        break;
      case 'clean-session':
        await ctx.openCleanSession(action.target);
        break;
      case 'pause':
        ctx.run?.pauseUntil(action.until === 'hour' ? inOneHour(now) : tomorrowStart(now));
        break;
      case 'resume':
        ctx.run?.resumeUser();
        break;
      case 'snooze':
        ctx.policy.snooze(new Date(now.getTime() + action.hours * 3_600_000));
        break;
      case 'unsnooze':
        ctx.policy.unsnooze();
        break;
      case 'settings':
        await ctx.showWindow({ view: 'settings', target: null });
        break;
      case 'quit':
        await ctx.quit();
        return;
    }
  } catch (error) {
    ctx.log(`${action.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  ctx.refresh();
}
