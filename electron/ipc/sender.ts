// Who may talk to main over IPC: only the top frame of the app's own window, showing an app:// page.

import { isAppUrl } from '../security/csp';

/** What main knows about the sender of an IPC message. */
export interface IpcSender {
  /** The sending web contents' id. */
  webContentsId: number;
  /** URL of the sending frame; null when the frame is gone. */
  frameUrl: string | null;
  /** The sending frame is the top frame (not an iframe). */
  isMainFrame: boolean;
}

/** Why a sender is refused, or null when it is trusted. */
export function senderProblem(sender: IpcSender, trustedIds: ReadonlySet<number>): string | null {
  if (!trustedIds.has(sender.webContentsId)) return 'the message did not come from the app window';
  if (!sender.isMainFrame) return 'the message came from a sub-frame';
  if (sender.frameUrl === null || !isAppUrl(sender.frameUrl))
    return 'the message came from a page that is not the app';
  return null;
}
