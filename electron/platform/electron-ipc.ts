// Registers one ipcMain handler per contract channel; each passes the sender frame's facts and the
// raw payload to the dispatcher (which checks the sender and validates the payload).

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { invokeChannels, type InvokeChannel } from '../../shared/ipc/contract';
import type { IpcOutcome } from '../ipc/dispatch';
import type { IpcSender } from '../ipc/sender';

/** What the sender of an invoke event is, as the dispatcher judges it. */
export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame ? frame.parent === null : false,
  };
}

/** Registers every channel of the contract. A refused or failed request rejects with one line. */
export function registerIpc(
  dispatch: (channel: string, sender: IpcSender, payload: unknown) => Promise<IpcOutcome>,
): void {
  for (const channel of Object.keys(invokeChannels) as InvokeChannel[]) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const outcome = await dispatch(channel, senderOf(event), payload);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.value;
    });
  }
}
