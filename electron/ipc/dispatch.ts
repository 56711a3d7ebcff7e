// One entry point for every IPC request: check the sender, validate the payload against the shared
// contract, run the channel's handler, and turn any failure into one line without secrets.

import { redactedLine } from '../../core/report/redact';
import { invokeChannels, validateRequest, type InvokeChannel } from '../../shared/ipc/contract';
import type { IpcHandlers } from './handlers';
import { senderProblem, type IpcSender } from './sender';

/** The result of one request: the value, or a one-line error to reject the renderer's promise with. */
export type IpcOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Context shared by every request. */
export interface DispatchContext {
  handlers: IpcHandlers;
  trustedIds: () => ReadonlySet<number>;
  secrets: () => readonly string[];
  log: (line: string) => void;
}

/** True for a channel name of the contract. */
export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel);
}

/** Handles one IPC request end to end. */
export async function dispatchIpc(
  ctx: DispatchContext,
  channel: string,
  sender: IpcSender,
  payload: unknown,
): Promise<IpcOutcome> {
  if (!isInvokeChannel(channel)) return refuse(ctx, `unknown channel ${redactedLine(channel, [], 60)}`);
  const problem = senderProblem(sender, ctx.trustedIds());
  if (problem) return refuse(ctx, `${channel} refused: ${problem}`);
  const checked = validateRequest(channel, payload);
  // The schema's message quotes the received value (possibly a token being set): drop that part.
  if (!checked.ok) return refuse(ctx, checked.reason.replace(/,? but received[\s\S]*$/, ''));
  try {
    const handler = ctx.handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(checked.value) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse(ctx, `${channel} failed: ${message}`);
  }
}

function refuse(ctx: DispatchContext, text: string): IpcOutcome {
  const line = redactedLine(text, ctx.secrets());
  ctx.log(line);
  return { ok: false, error: line };
}
