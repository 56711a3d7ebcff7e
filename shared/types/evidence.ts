// The evidence object: what the core observed over a window of rounds, summarised into the
// named facts the classifier weighs. Built by core/evidence from rounds; read by shared/classifier.

import type { LocalEvidence } from './local';
import type { HeldProbe, Outcome, ProbePath } from './probe';
import type { SeenRecognition } from './recognition';
import type { StatusLevel, StatusUnavailableReason } from './status';

/** What one endpoint (on one path) did over the observation window. */
export interface EndpointEvidence {
  name: string;
  path: ProbePath;
  /** Sent with the user's token. */
  auth: boolean;
  /** Configured as an authenticated endpoint (probed without a token, its 401 says nothing). */
  needsToken?: boolean;
  attempts: number;
  /** Attempts that failed (see `isFailure`). */
  failures: number;
  /** Count per outcome. */
  outcomes: Partial<Record<Outcome, number>>;
  /** Count per HTTP status. */
  statuses: Record<string, number>;
  /** Median total latency of successful answers, ms (error answers are in `medianErrorMs`). */
  medianMs: number | null;
  /** Median latency of failed-with-status requests, ms (fast 500s point at a bug, slow ones at load). */
  medianErrorMs: number | null;
  /** This endpoint's usual latency from history, ms. */
  baselineMs: number | null;
  /** Pattern of failures across the window. */
  pattern: 'none' | 'intermittent' | 'consistent';
  /** Body/header signals seen in any response of the window. */
  signals: ResponseSignals;
  /** Cloudflare edge airport code from cf-ray, when seen. */
  edge: string | null;
}

/** Named signals read from response headers and bodies. */
export interface ResponseSignals {
  /** Cloudflare "Waiting Room" / queue page. */
  waitingRoom: boolean;
  /** A Retry-After header was sent. */
  retryAfter: boolean;
  /** Maintenance wording in a 503 body ("down for maintenance", "scheduled maintenance"…). */
  maintenanceWording: boolean;
  /** Access-denied body (S3/GCS AccessDenied XML, "permission denied", "forbidden"). */
  accessDenied: boolean;
  /** Bot-protection challenge (cf-mitigated: challenge, "Just a moment..."). */
  challenge: boolean;
  /** Cloudflare origin error 520–527. */
  cloudflareOriginError: boolean;
  /** CSRF failure page (Django "CSRF verification failed"). */
  csrf: boolean;
  /** What the recognisers named (vendor, layer, meaning, code), with how many responses showed each. */
  recognitions: SeenRecognition[];
}

/** The build fingerprint of the site and whether it changed. */
export interface FingerprintEvidence {
  current: string | null;
  previous: string | null;
  /** ISO time the change was first seen, when it changed. */
  changedAt: string | null;
  /** Where the fingerprint came from. */
  source: 'version-header' | 'asset-hash' | 'build-id' | 'etag' | 'last-modified' | null;
  /** Seconds between the change and the first error after it (null when no change or no error). */
  secondsBeforeErrors: number | null;
  /** ISO time the current fingerprint was first seen (tells "stable for days" from "just learned"). */
  firstSeenAt?: string | null;
  /** ISO time the current fingerprint was last seen. */
  lastSeenAt?: string | null;
  /** ISO time the previous fingerprint was last seen: the change happened after it. */
  previousLastSeenAt?: string | null;
  /**
   * True when the change was seen happening: the new build was first seen within a few probe
   * intervals of the old one's last sighting. Otherwise the site only "changed some time since"
   * `previousLastSeenAt`, which says nothing about a release at the time of the errors.
   */
  changeBounded?: boolean;
}

/** A status-page item the clock shows to be out of date: listed with its date, not counted. */
export interface StaleStatusItem {
  /**
   * maintenance-overrun: "in progress" long past its planned end; scheduled-passed: "scheduled" but
   * its start has passed; incident-quiet: open with no update for days; page-old: the page itself
   * says it was last updated long ago.
   */
  kind: 'maintenance-overrun' | 'scheduled-passed' | 'incident-quiet' | 'page-old';
  /** The item's name (null for the page itself). */
  name: string | null;
  /** The time that makes it stale (planned end, planned start, last update), ISO; null when unknown. */
  at: string | null;
}

/** A browser extension that can touch the watched site. */
export interface ExtensionSuspect {
  browser: string;
  profile: string;
  id: string;
  name: string;
  /** The permission or match pattern that reaches the site. */
  reach: string;
}

/** Everything the classifier weighs for one target over one window. */
export interface Evidence {
  target: string;
  observedFrom: string;
  observedTo: string;
  rounds: number;
  /** ISO time of the first failed probe of the watched service in the window, if any. */
  firstFailureAt?: string | null;
  /** The user said they see the error right now. */
  symptom: boolean;
  /** The site page on the direct path. */
  site: EndpointEvidence | null;
  /** Configured endpoints on the direct path. */
  endpoints: EndpointEvidence[];
  /** The same endpoints (and site) through the alternate path; empty when not configured. */
  alternate: EndpointEvidence[];
  alternateConfigured: boolean;
  /**
   * The token endpoints probed directly without the token (path `anonymous`), to compare with the same
   * endpoints in `endpoints` probed with it; their 401/403 is the expected answer. Absent in old data.
   */
  anonymous?: EndpointEvidence[];
  /** The control probes of unrelated sites. */
  controls: { attempts: number; failures: number; outcomes: Partial<Record<Outcome, number>> };
  /** The status page's word. */
  statusPage: {
    configured: boolean;
    available: boolean;
    stale: boolean;
    unavailableReason: StatusUnavailableReason | null;
    level: StatusLevel | null;
    openIncidents: number;
    /** Highest impact of the open incidents. */
    incidentImpact: 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'unknown' | null;
    maintenanceInProgress: boolean;
    maintenanceUpcoming: boolean;
    /** Components named after regions that are not operational. */
    regionalComponentsDown: string[];
    /** Components that are not operational. */
    componentsDown: string[];
    /** Name of the first open incident, for the explanation. */
    incidentName?: string | null;
    /** Name and planned end of the maintenance in progress. */
    maintenanceName?: string | null;
    maintenanceUntil?: string | null;
    /** Start of the next upcoming maintenance. */
    upcomingAt?: string | null;
    /** Items the clock shows to be out of date; they are left out of the counts above. */
    staleItems?: StaleStatusItem[];
    /** The page's overall level rests only on stale items (or the page is old): shown, not weighed. */
    levelStale?: boolean;
  };
  fingerprint: FingerprintEvidence;
  /** Probes held back in the window because their endpoint sent Retry-After (latest per endpoint). */
  heldBack?: HeldProbe[];
  auth: { tokenConfigured: boolean };
  extensions: { scanned: boolean; profilesScanned: number; suspects: ExtensionSuspect[] };
  /** The "Is it me?" local checks, when they ran (only after a failure or on the user's request). */
  local?: LocalEvidence;
  /** The other watched services at the same time (absent when only one service is watched). */
  peers?: PeerEvidence;
}

/** What the other watched services did at the time of this service's newest round. */
export interface PeerEvidence {
  /** Other services whose newest round, close in time, answered on every probe of their own. */
  answering: string[];
  /** Other services whose newest round, close in time, failed. */
  failing: string[];
  /**
   * Set when this service and at least one other fail with the same front vendor's own error pages
   * (a CDN's generated 5xx page): the vendor and every service showing its pages, this one first.
   */
  sharedVendor: SharedVendorEvidence | null;
}

/** Several services failing with one front vendor's own error pages. */
export interface SharedVendorEvidence {
  /** Recogniser vendor id, e.g. `cloudflare`. */
  vendor: string;
  /** The vendor's name, e.g. "Cloudflare". */
  name: string;
  services: string[];
  /** Watched services not behind this vendor (by their pages and the catalogue) that answer: unrelated controls. */
  unrelatedAnswering: string[];
  /** The vendor's own status page, when one is known and was read. */
  status: VendorStatusEvidence | null;
}

/** The front vendor's own status page's word. */
export interface VendorStatusEvidence {
  /** Open incidents (0 with a readable page: it reports none). */
  openIncidents: number;
  incidentName: string | null;
  level: StatusLevel | null;
  /** Why it said nothing (e.g. `bot-check`), or null when it was read. */
  unavailableReason: StatusUnavailableReason | null;
}
