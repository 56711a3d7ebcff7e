// The window's state: snapshots and progress pushed by main (kept as raw, replaced wholesale), the
// chosen view and target, and derived views of them. Components read it; only its methods call the API.

import type {
  ActionResult,
  AppSnapshot,
  DiagnoseProgress,
  TargetView,
  Unsubscribe,
  WindowView,
  Why500Api,
} from '../../../shared/ipc/contract';
import type { Diagnosis, NextAction } from '../../../shared/types/diagnosis';
import type { HealthState } from '../../../shared/types/monitor';
import { standingOf } from '../../../shared/vocabulary/standing';

/** Views in tab order, with their labels. */
export const VIEWS: { id: WindowView; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'causes', label: 'Causes' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'probes', label: 'Probes' },
  { id: 'status', label: 'Status page' },
  { id: 'settings', label: 'Settings' },
  { id: 'report', label: 'Report' },
];

/** A diagnosis the user asked for, with the state the window showed when it arrived. */
export interface OnDemandResult {
  diagnosis: Diagnosis;
  /** The state its words go with (see {@link oneOffState}). */
  state: HealthState | null;
}

/**
 * The state a one-off diagnosis (asked for, or partial) is worded with: the monitor's, unless the
 * monitor still says healthy while the diagnosis found a fault. Then a fault on the service's side reads
 * "slow or partly failing" (the monitor has not confirmed it down) and any other cause speaks for itself
 * (null: "up, but refuses your account", "in planned maintenance", "your network").
 */
function oneOffState(monitor: HealthState | null | undefined, d: Diagnosis): HealthState | null {
  if (monitor && monitor !== 'healthy') return monitor;
  if (d.verdict === 'healthy' || d.verdict === 'unknown') return monitor ?? 'unknown';
  const alone = standingOf(null, d.verdict);
  return alone === 'down' || alone === 'down-regional' ? 'degraded' : null;
}

/** Next-step actions that run a new diagnosis. */
const REDIAGNOSE: ReadonlySet<NextAction> = new Set(['diagnose-again', 'check-connection']);

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The window's state and the actions that change it. */
export class AppState {
  /** Latest snapshot from main. */
  snapshot = $state.raw<AppSnapshot | null>(null);
  /** Latest on-demand diagnosis progress from main. */
  progress = $state.raw<DiagnoseProgress | null>(null);
  /**
   * Diagnoses the user asked for here, per target. Kept apart from the pushed rounds: one stays on
   * screen until the user dismisses it or asks again, whatever background rounds arrive meanwhile.
   */
  manual = $state.raw<Record<string, OnDemandResult>>({});
  view = $state<WindowView>('overview');
  chosenTarget = $state<string | null>(null);
  /** Target whose on-demand diagnosis is running, if any. */
  diagnosing = $state<string | null>(null);
  /** Result line of the last diagnosis or action, for the live region. */
  message = $state<string | null>(null);
  /** A failure loading the first snapshot. */
  loadError = $state<string | null>(null);

  /** Names of every watched target. */
  readonly targetNames = $derived(this.snapshot?.targets.map((t) => t.status.target) ?? []);
  /** The target on screen: the chosen one if it still exists, else the first. */
  readonly target = $derived(
    this.chosenTarget && this.targetNames.includes(this.chosenTarget)
      ? this.chosenTarget
      : (this.targetNames[0] ?? null),
  );
  /** The on-screen target's data. */
  readonly current: TargetView | null = $derived(
    this.snapshot?.targets.find((t) => t.status.target === this.target) ?? null,
  );
  /** Progress of the on-screen target's diagnosis, if any. */
  readonly currentProgress = $derived(
    this.progress && this.progress.target === this.target ? this.progress : null,
  );

  /** True while a diagnosis of the on-screen target runs (started here, or by main via an action). */
  readonly running = $derived(
    (this.diagnosing !== null && this.diagnosing === this.target) || this.currentProgress?.running === true,
  );

  /** The first, partial diagnosis of the on-screen target's running on-demand diagnosis (a probe still hangs). */
  readonly partial: Diagnosis | null = $derived(
    this.running ? (this.currentProgress?.partial ?? null) : null,
  );
  /** The on-screen target's on-demand diagnosis, while the user keeps it. */
  readonly onDemand: OnDemandResult | null = $derived(
    // Own keys only: a target may be named "constructor".
    Object.hasOwn(this.manual, this.target ?? '') ? (this.manual[this.target ?? ''] ?? null) : null,
  );
  /**
   * The diagnosis on screen: a partial one while the asked-for diagnosis still waits for a probe, the one
   * the user asked for, else the latest background round's.
   */
  readonly diagnosis: Diagnosis | null = $derived(
    this.partial ?? this.onDemand?.diagnosis ?? this.current?.status.diagnosis ?? null,
  );
  /** The state that goes with the diagnosis on screen. */
  readonly shownState: HealthState | null = $derived(
    this.partial
      ? oneOffState(this.current?.status.state, this.partial)
      : this.onDemand
        ? this.onDemand.state
        : (this.current?.status.state ?? null),
  );

  constructor(readonly api: Why500Api) {}

  /** Subscribes to main's pushes and loads the first snapshot; returns the unsubscribe. */
  async connect(): Promise<Unsubscribe> {
    const subs = [
      this.api.onSnapshot((s) => (this.snapshot = s)),
      this.api.onDiagnoseProgress((p) => (this.progress = p)),
      this.api.onShowView(({ view, target }) => this.show(view, target)),
    ];
    try {
      this.snapshot = await this.api.getSnapshot();
    } catch (err) {
      this.loadError = `Could not load the app's state: ${errorText(err)}`;
    }
    return () => subs.forEach((u) => u());
  }

  /** Switches view (and target, when given). */
  show(view: WindowView, target: string | null = null): void {
    this.view = view;
    if (target) this.chosenTarget = target;
  }

  /** Runs an on-demand diagnosis of the on-screen target. */
  async diagnose(symptom: boolean): Promise<void> {
    const target = this.target;
    if (!target || this.diagnosing) return;
    this.diagnosing = target;
    this.progress = null;
    this.message = symptom ? 'Diagnosing while you see the error…' : 'Diagnosing…';
    try {
      const result = await this.api.startDiagnosis({ target, symptom });
      if (result) {
        const monitor = this.snapshot?.targets.find((t) => t.status.target === target)?.status.state;
        this.manual = {
          ...this.manual,
          [target]: { diagnosis: result, state: oneOffState(monitor, result) },
        };
        this.message = 'Diagnosis finished.';
      } else {
        this.message = 'Diagnosis cancelled.';
      }
    } catch (err) {
      this.message = `Diagnosis failed: ${errorText(err)}`;
    } finally {
      this.diagnosing = null;
    }
  }

  /** Cancels the running diagnosis of the on-screen target. */
  async cancel(): Promise<void> {
    const target = this.diagnosing ?? (this.currentProgress?.running ? this.currentProgress.target : null);
    if (!target) return;
    await this.api.cancelDiagnosis({ target });
  }

  /** Puts the on-screen target's on-demand diagnosis away, back to the latest background round. */
  dismiss(): void {
    const target = this.target;
    if (!target || !(target in this.manual)) return;
    const { [target]: _dropped, ...rest } = this.manual;
    this.manual = rest;
    // "Diagnosis finished." spoke of the result just put away.
    this.message = null;
  }

  /** Runs a next-step action for the on-screen target. */
  async runAction(action: NextAction): Promise<ActionResult> {
    const target = this.target;
    if (!target) return { ok: false, message: 'No target is selected.' };
    try {
      const result = await this.api.runAction({ target, action });
      this.message = result.message;
      // These actions diagnose again in main, whose result comes with the snapshot: the user asked
      // again, so the older on-demand result makes way for it.
      if (result.ok && REDIAGNOSE.has(action)) this.dismiss();
      return result;
    } catch (err) {
      this.message = `That did not work: ${errorText(err)}`;
      return { ok: false, message: this.message };
    }
  }
}
