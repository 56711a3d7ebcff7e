// Building and combining normalised snapshots, so every provider ends up with the same level rule.

import type { StatusLevel, StatusSnapshot } from '../../shared/types/status';
import { boundSnapshot, mostOmitted } from './bound';
import { impliedLevel, worstLevel } from './levels';

/** A snapshot before its level is settled. */
export type SnapshotDraft = Omit<StatusSnapshot, 'level'>;

/**
 * Settles a snapshot's level and applies the remote-text boundary ({@link boundSnapshot}).
 * The level is the worse of what the page itself says (`pageLevel`, null when it says
 * nothing) and what its components, incidents and maintenance imply. A page indicator can lag behind
 * its own incidents (GitHub's said `minor` during a `major` incident), so neither alone is trusted.
 */
export function settleSnapshot(draft: SnapshotDraft, pageLevel: StatusLevel | null): StatusSnapshot {
  return boundSnapshot({ ...draft, level: worstLevel(pageLevel, impliedLevel(draft)) });
}

/**
 * Combines snapshots read from several endpoints of one page (e.g. incident.io's compat summary and its
 * widget API). The first supplies identity; components come from the first that has any; incidents
 * and maintenance windows are merged without duplicates; the level is the worst of all.
 */
export function combineSnapshots(first: StatusSnapshot, ...rest: StatusSnapshot[]): StatusSnapshot {
  const all = [first, ...rest];
  const dedupe = <T extends { name: string }>(items: T[], key: (item: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const updated = all
    .map((s) => s.updatedAt)
    .filter((u): u is string => u !== null)
    .sort();
  const omitted = mostOmitted(all);
  return boundSnapshot({
    ...first,
    ...(omitted ? { omitted } : {}),
    pageName: all.find((s) => s.pageName !== null)?.pageName ?? null,
    description: all.find((s) => s.description !== null)?.description ?? null,
    components: all.find((s) => s.components.length > 0)?.components ?? [],
    incidents: dedupe(
      all.flatMap((s) => s.incidents),
      (i) => i.name.toLowerCase(),
    ),
    maintenanceInProgress: dedupe(
      all.flatMap((s) => s.maintenanceInProgress),
      (m) => `${m.name.toLowerCase()}|${m.scheduledFor ?? ''}`,
    ),
    maintenanceUpcoming: dedupe(
      all.flatMap((s) => s.maintenanceUpcoming),
      (m) => `${m.name.toLowerCase()}|${m.scheduledFor ?? ''}`,
    ),
    updatedAt: updated.at(-1) ?? null,
    level: worstLevel(...all.map((s) => s.level)),
  });
}
