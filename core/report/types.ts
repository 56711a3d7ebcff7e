// What a support report is built from; the renderer of the report lives in core/report/report.ts.

import type { ResolvedTarget } from '../../shared/types/config';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../../shared/types/monitor';
import type { StatusReading } from '../../shared/types/status';

/** Everything a support report may show (secrets are redacted by the renderer, never passed in on purpose). */
export interface ReportInput {
  target: ResolvedTarget;
  status: TargetStatus | null;
  diagnosis: Diagnosis | null;
  lastRound: Round | null;
  statusReading: StatusReading | null;
  recentEvents: MonitorEvent[];
  /** What was tried, in plain words ("Probed 3 endpoints every 30 s for 10 min", "Compared with a token"). */
  tried: string[];
  app: { name: string; version: string; os: string; timeZone: string };
  /** When the report was made (ISO-8601). */
  generatedAt: string;
}

/** The report formats. */
export type ReportFormat = 'markdown' | 'json';
