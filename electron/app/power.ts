// Sleep, wake and the network: pause on suspend; on resume wait until the network is back and has
// settled before probing (so waking a laptop never produces a false outage); probe at once when
// the network comes back.

import type { NetPort, PowerPort } from '../platform/ports';
import type { RunControl, Timers } from './run-control';

/** How long to let the network settle after it is back (DHCP, VPN, captive portals). */
export const SETTLE_MS = 5_000;

/** Wires power and network events to the run control. */
export class PowerWatcher {
  private settleTimer: unknown = null;
  private unsubscribe: (() => void) | null = null;
  /** powerMonitor offers no way to remove its listeners, so they check this once stopped. */
  private stopped = false;
  private changed: (() => void)[] = [];

  constructor(
    private readonly run: RunControl,
    private readonly power: PowerPort,
    private readonly net: NetPort,
    private readonly timers: Timers,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /** Starts listening. */
  start(): void {
    this.power.onSuspend(() => {
      if (!this.stopped) this.suspend();
    });
    this.power.onResume(() => {
      if (this.stopped) return;
      this.wake();
      this.tellChanged();
    });
    this.unsubscribe = this.net.onOnlineChange((online) => {
      this.networkChanged(online);
      this.tellChanged();
    });
  }

  /** Registers a listener for a wake and for every network change (e.g. to ask for the proxy again). */
  onChange(listener: () => void): void {
    this.changed.push(listener);
  }

  /** Stops listening and cancels the settle timer. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.cancelSettle();
  }

  private tellChanged(): void {
    for (const listener of this.changed) listener();
  }

  private suspend(): void {
    this.cancelSettle();
    this.run.add('sleep');
  }

  private wake(): void {
    // Still paused until the network is back and settled.
    this.run.add('waiting-for-network');
    this.run.remove('sleep');
    // A pause that ran out while asleep ends now (its timer did not run during the sleep).
    this.run.expireUserPause();
    if (this.net.isOnline()) this.settle();
  }

  private networkChanged(online: boolean): void {
    if (!online) {
      this.cancelSettle();
      return;
    }
    if (this.run.has('sleep')) return;
    if (this.run.has('waiting-for-network')) this.settle();
    else this.run.probeNow();
  }

  private settle(): void {
    this.cancelSettle();
    this.settleTimer = this.timers.setTimeout(() => {
      this.settleTimer = null;
      if (this.net.isOnline()) this.run.remove('waiting-for-network');
    }, this.settleMs);
  }

  private cancelSettle(): void {
    if (this.settleTimer !== null) this.timers.clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }
}
