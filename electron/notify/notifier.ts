// Turns monitor events into native notifications through the policy; a click opens the diagnostic
// window on that diagnosis. Nothing here ever focuses a window by itself.

import { createRedactor } from '../../core/report/redact';
import type { MonitorEvent } from '../../shared/types/monitor';
import type { NotifierPort } from '../platform/ports';
import type { NotificationPolicy, NotifyDecision } from './policy';

/** Dependencies of the notifier. */
export interface NotifierDeps {
  port: NotifierPort;
  policy: NotificationPolicy;
  /** Known secrets, removed from every text shown. */
  secrets: () => readonly string[];
  /** Opens the window on a target's diagnosis (called on click only). */
  openDiagnosis: (target: string) => void;
  now: () => Date;
}

/** Shows the notifications the policy allows. */
export class Notifier {
  constructor(private readonly deps: NotifierDeps) {}

  /** Handles one monitor event; returns the policy's decision. */
  handle(event: MonitorEvent): NotifyDecision {
    const { port, policy, secrets, openDiagnosis, now } = this.deps;
    const decision = policy.decide(event, now());
    if (!decision.show) return decision;
    if (!port.isSupported()) return { show: false, reason: 'notifications are not supported here' };
    const redact = createRedactor(secrets());
    const target = decision.target;
    port.show({
      title: redact(decision.title),
      body: redact(decision.body),
      onClick: () => openDiagnosis(target),
    });
    return decision;
  }
}
