// What a support report is made of, as the app core assembles it: the target, its standing, the latest
// diagnosis with what it tried, the newest round and status reading, and the recent events.

import type { ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';
import type { ReportInput } from '../report/types';
import type { ReportOptions } from './app-core';
import type { AppInfo } from './app-info';

/** The latest diagnosis of a target (an observation or "Diagnose now"), with what it tried. */
export interface LatestDiagnosis {
  diagnosis: Diagnosis;
  tried: string[];
  /** The newest round it diagnosed. */
  round: Round | null;
}

/** Where a report's inputs come from. */
export interface ReportSources {
  target: ResolvedTarget;
  /** The monitor's standing of the target, or null. */
  status: TargetStatus | null;
  latest: LatestDiagnosis | null;
  lastRound: Round | null;
  statusReading: StatusReading | null;
  recentEvents: MonitorEvent[];
  app: AppInfo;
  now: Date;
}

/** The report input; `options` override the diagnosis and what was tried. */
export function assembleReportInput(src: ReportSources, options: ReportOptions = {}): ReportInput {
  const diagnosis =
    options.diagnosis !== undefined
      ? options.diagnosis
      : (src.latest?.diagnosis ?? src.status?.diagnosis ?? null);
  return {
    target: src.target,
    // Before the monitor ran a round its state is only "unknown since start": not worth reporting.
    status: src.status && src.status.lastRoundAt !== null ? src.status : null,
    diagnosis,
    lastRound: src.lastRound,
    statusReading: src.statusReading,
    recentEvents: src.recentEvents,
    tried: options.tried ?? src.latest?.tried ?? [],
    app: src.app,
    generatedAt: src.now.toISOString(),
  };
}
