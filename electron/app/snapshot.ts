// Builds the AppSnapshot the window draws from the monitor, the settings and the pause state.

import type { MonitorService } from '../../core/app/service';
import { resolveConfig } from '../../shared/config/defaults';
import { settingsToConfig } from '../../shared/config/settings';
import type { AppSnapshot } from '../../shared/ipc/contract';
import type { AppSettings } from '../../shared/types/settings';
import { worstState } from '../tray/state';

/** What a snapshot is made of. */
export interface SnapshotSources {
  service: Pick<MonitorService, 'statuses' | 'lastRound' | 'statusReading'>;
  settings: AppSettings;
  paused: { until: string } | null;
  notice: string | null;
  appVersion: string;
  platform: string;
}

/** The current snapshot. */
export function buildSnapshot(src: SnapshotSources): AppSnapshot {
  const statuses = src.service.statuses();
  const targets = resolveConfig(settingsToConfig(src.settings)).targets;
  return {
    overall: worstState(statuses),
    paused: src.paused,
    targets: statuses.map((status) => {
      const t = targets.find((x) => x.name === status.target);
      return {
        status,
        statusPage: src.service.statusReading(status.target),
        lastRound: src.service.lastRound(status.target),
        siteUrl: t?.site ?? '',
        statusPageUrl: t?.statusPage ?? null,
      };
    }),
    notice: src.notice,
    appVersion: src.appVersion,
    platform: src.platform,
  };
}
