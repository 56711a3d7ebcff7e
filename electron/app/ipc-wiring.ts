// The app's side of IPC: a request goes to the handlers only once they exist and only from the app's
// own windows; the settings form's Test button probes through the system proxy for that site.

import type { TokenSource } from '../../core/config/token-origins';
import type { TargetTestResult } from '../../shared/ipc/contract';
import type { TargetConfig } from '../../shared/types/config';
import { dispatchIpc, type DispatchContext, type IpcOutcome } from '../ipc/dispatch';
import type { IpcHandlers } from '../ipc/handlers';
import type { IpcSender } from '../ipc/sender';
import type { TargetTester } from './app-deps';
import type { SystemProxies } from './system-proxies';

/** Handles one IPC request; before the handlers exist (the app is starting) it answers with an error. */
export function dispatchAppIpc(
  handlers: IpcHandlers | null,
  context: Omit<DispatchContext, 'handlers'>,
  channel: string,
  sender: IpcSender,
  payload: unknown,
): Promise<IpcOutcome> {
  if (!handlers) return Promise.resolve({ ok: false, error: 'the app is still starting; try again' });
  return dispatchIpc({ handlers, ...context }, channel, sender, payload);
}

/**
 * The Test button's probe: asks the system which proxy the target's site uses, then tests it once
 * with the current tokens and controls. Null when there is no tester.
 */
export function targetTestThroughProxy(
  tester: TargetTester | null,
  proxies: SystemProxies,
  tokens: TokenSource,
  controls: () => string[],
): ((target: TargetConfig) => Promise<TargetTestResult>) | null {
  if (!tester) return null;
  return async (target) => {
    await proxies.refresh([target.site], false);
    return tester(target, { tokens, proxy: proxies.settingFor(target.site), controls: controls() });
  };
}
