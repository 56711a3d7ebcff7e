// Applies the remote-text boundary to a parsed status snapshot: every string cleaned and capped, every
// list capped with the rest counted. Every provider's snapshot passes here (see snapshot.ts).

import type {
  StatusComponent,
  StatusIncident,
  StatusMaintenance,
  StatusOmitted,
  StatusSnapshot,
} from '../../shared/types/status';
import { COUNT_LIMITS, TEXT_LIMITS, capList, cleanText, cleanUrl } from '../../shared/text/sanitize';

const title = (text: string): string => cleanText(text, TEXT_LIMITS.title);
const word = (text: string): string => cleanText(text, TEXT_LIMITS.word);

function names(list: string[]): string[] {
  return capList(list, COUNT_LIMITS.affected)
    .items.map(title)
    .filter((n) => n !== '');
}

function component(c: StatusComponent): StatusComponent {
  const out: StatusComponent = { name: title(c.name), status: c.status };
  if (c.group !== undefined) out.group = title(c.group);
  return out;
}

function incident(i: StatusIncident): StatusIncident {
  const out: StatusIncident = {
    ...i,
    name: title(i.name),
    stage: word(i.stage),
    message: i.message === null ? null : cleanText(i.message, TEXT_LIMITS.description, { lines: true }),
    components: names(i.components),
  };
  delete out.url;
  const url = i.url === undefined ? null : cleanUrl(i.url);
  if (url) out.url = url;
  return out;
}

function maintenance(m: StatusMaintenance): StatusMaintenance {
  return { ...m, name: title(m.name), stage: word(m.stage), components: names(m.components) };
}

/**
 * The snapshot with every remote string cleaned and capped (see `TEXT_LIMITS`) and every list capped
 * (see `COUNT_LIMITS`), what was left out added to `omitted`. Idempotent; the level is kept as settled
 * from the whole page, so an incident past the cap still counts.
 */
export function boundSnapshot(snapshot: StatusSnapshot): StatusSnapshot {
  const components = capList(snapshot.components, COUNT_LIMITS.components);
  const incidents = capList(snapshot.incidents, COUNT_LIMITS.incidents);
  const inProgress = capList(snapshot.maintenanceInProgress, COUNT_LIMITS.maintenance);
  const upcoming = capList(snapshot.maintenanceUpcoming, COUNT_LIMITS.maintenance);
  const before = snapshot.omitted;
  const omitted: StatusOmitted = {
    components: (before?.components ?? 0) + components.more,
    incidents: (before?.incidents ?? 0) + incidents.more,
    maintenance: (before?.maintenance ?? 0) + inProgress.more + upcoming.more,
  };
  const out: StatusSnapshot = {
    ...snapshot,
    pageUrl: cleanText(snapshot.pageUrl, TEXT_LIMITS.url),
    pageName: snapshot.pageName === null ? null : title(snapshot.pageName) || null,
    description:
      snapshot.description === null ? null : cleanText(snapshot.description, TEXT_LIMITS.description) || null,
    components: components.items.map(component),
    incidents: incidents.items.map(incident),
    maintenanceInProgress: inProgress.items.map(maintenance),
    maintenanceUpcoming: upcoming.items.map(maintenance),
  };
  delete out.omitted;
  if (omitted.components + omitted.incidents + omitted.maintenance > 0) out.omitted = omitted;
  return out;
}

/** The largest of several snapshots' omitted counts (parts of one page describe the same lists). */
export function mostOmitted(snapshots: StatusSnapshot[]): StatusOmitted | undefined {
  const found = snapshots.map((s) => s.omitted).filter((o): o is StatusOmitted => o !== undefined);
  if (found.length === 0) return undefined;
  return {
    components: Math.max(...found.map((o) => o.components)),
    incidents: Math.max(...found.map((o) => o.incidents)),
    maintenance: Math.max(...found.map((o) => o.maintenance)),
  };
}
