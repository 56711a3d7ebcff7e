// Builds the AppSnapshot the window draws from the monitor, the configuration and the pause state.

import type { AppCore } from '../../core/app/app-core';
import type { AppSnapshot } from '../../shared/ipc/contract';
import type { ResolvedConfig } from '../../shared/types/config';
import type { LoginItemStatus } from '../../shared/types/settings';
import type { Round } from '../../shared/types/monitor';
import { cleanText, TEXT_LIMITS } from '../../shared/text/sanitize';
import { worstState } from '../tray/state';

/** What a snapshot is made of. */
export interface SnapshotSources {
  core: Pick<AppCore, 'statuses' | 'lastRound' | 'statusReading'>;
  /** The configuration the monitor runs with (settings, or the WHY500_CONFIG file's targets). */
  config: ResolvedConfig;
  paused: { until: string } | null;
  /** Notifications snoozed until this instant; absent: not snoozed. */
  snoozedUntil?: string | null;
  /** Why no tray icon can be shown; absent: it can. */
  trayMissing?: string | null;
  /** What the OS says of the login item; absent: not known. */
  loginItem?: LoginItemStatus | null;
  /** The one-time login-item offer is to be shown; absent: no. */
  offerLoginItem?: boolean;
  /** macOS: running from outside Applications; absent: no. */
  outsideApplications?: boolean;
  notice: string | null;
  appVersion: string;
  platform: string;
}

/** The current snapshot. */
export function buildSnapshot(src: SnapshotSources): AppSnapshot {
  const statuses = src.core.statuses();
  const targets = src.config.targets;
  return {
    overall: worstState(statuses),
    paused: src.paused,
    snoozedUntil: src.snoozedUntil ?? null,
    trayMissing: src.trayMissing ?? null,
    loginItem: src.loginItem ?? null,
    offerLoginItem: src.offerLoginItem ?? false,
    outsideApplications: src.outsideApplications ?? false,
    targets: statuses.map((status) => {
      const t = targets.find((x) => x.name === status.target);
      return {
        status,
        statusPage: src.core.statusReading(status.target),
        lastRound: withBodyExcerpts(src.core.lastRound(status.target)),
        siteUrl: t?.site ?? '',
        statusPageUrl: t?.statusPage ?? null,
      };
    }),
    notice: src.notice,
    appVersion: src.appVersion,
    platform: src.platform,
  };
}

/**
 * The round as the window gets it: each probe body cut to the excerpt the window can show
 * (TEXT_LIMITS.bodyExcerpt), not the 64 KiB the recognisers read.
 */
function withBodyExcerpts(round: Round | null): Round | null {
  if (!round) return round;
  return {
    ...round,
    probes: round.probes.map((p) =>
      p.body.length > TEXT_LIMITS.bodyExcerpt
        ? { ...p, body: cleanText(p.body, TEXT_LIMITS.bodyExcerpt, { lines: true }) }
        : p,
    ),
  };
}
