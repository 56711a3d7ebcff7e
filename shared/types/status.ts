// The one model every status-page provider is normalised to, plus why a read gave no information.

/** Status-page providers we can read. */
export type StatusProviderId = 'atlassian' | 'incidentio' | 'instatus' | 'betterstack';

/** Overall level, in increasing severity. */
export type StatusLevel = 'operational' | 'maintenance' | 'degraded' | 'partial-outage' | 'major-outage';

/** A component's state on the page. */
export type ComponentStatus =
  'operational' | 'degraded' | 'partial-outage' | 'major-outage' | 'maintenance' | 'unknown';

/** One component (e.g. "API", "Europe") and its state. */
export interface StatusComponent {
  name: string;
  status: ComponentStatus;
  group?: string;
}

/** An open incident. */
export interface StatusIncident {
  name: string;
  /** Provider's stage, lower-cased (investigating, identified, monitoring…). */
  stage: string;
  impact: 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'unknown';
  startedAt: string | null;
  updatedAt: string | null;
  /** Latest update text, plain. */
  message: string | null;
  components: string[];
  url?: string;
}

/** A maintenance window, in progress or upcoming. */
export interface StatusMaintenance {
  name: string;
  /** in-progress, scheduled, verifying… */
  stage: string;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  components: string[];
}

/** A normalised reading of a status page. */
export interface StatusSnapshot {
  provider: StatusProviderId;
  pageUrl: string;
  pageName: string | null;
  level: StatusLevel;
  /** The provider's own one-line description, when it has one ("All Systems Operational"). */
  description: string | null;
  components: StatusComponent[];
  incidents: StatusIncident[];
  maintenanceInProgress: StatusMaintenance[];
  maintenanceUpcoming: StatusMaintenance[];
  /** When we read it (ISO-8601). */
  fetchedAt: string;
  /** When the page says it was updated, if it says. */
  updatedAt: string | null;
  /** Items the page listed past our caps and left out (see `shared/text/sanitize.ts`); absent when none. */
  omitted?: StatusOmitted;
}

/** How many items of each list a status page had beyond what a snapshot keeps. */
export interface StatusOmitted {
  components: number;
  incidents: number;
  maintenance: number;
}

/** Why a status-page read gave no information. Never means "the service is down". */
export type StatusUnavailableReason =
  | 'not-configured'
  | 'inactive'
  /** The page answered with a bot check (a CDN challenge), so we could not read it. Not "no incident". */
  | 'bot-check'
  | 'http-error'
  | 'not-json'
  | 'malformed'
  | 'too-large'
  | 'timeout'
  | 'network'
  | 'unknown-provider';

/** The result of reading a status page: the latest good snapshot (maybe stale) and why it is not fresh. */
export interface StatusReading {
  /** Last good snapshot, or null when we never had one. */
  snapshot: StatusSnapshot | null;
  /** True when `snapshot` is from an earlier read because the latest one failed. */
  stale: boolean;
  /** Set when the latest read gave no information. */
  unavailable: { reason: StatusUnavailableReason; detail: string; at: string } | null;
  /**
   * Set when the public page answered with a bot check and the snapshot was read from the page's other
   * origin instead (the catalogue's fallback, e.g. its `*.statuspage.io` address): that origin's URL.
   */
  viaFallback?: string;
}
