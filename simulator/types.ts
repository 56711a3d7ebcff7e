// The vocabulary of the fault simulator: what a scenario declares (its expected outcome, the signals it
// shows, the parts it needs) and how its fake service answers each request over time.

import type { IncomingHttpHeaders } from 'node:http';
import type { Verdict } from '../shared/types/diagnosis';
import type { Evidence } from '../shared/types/evidence';

/** Which network path a request to the fake service arrived by. */
export type ArrivalPath = 'direct' | 'alternate';

/** What the request's Authorization header carried, compared with the simulator's token. */
export type TokenSeen = 'valid' | 'invalid' | 'none';

/** One request to the fake service, as a scenario's handler sees it. */
export interface SimRequest {
  /** `site`, an endpoint name, `asset` for static files, or `other`. */
  route: string;
  path: string;
  via: ArrivalPath;
  token: TokenSeen;
  /** Seconds since the first request of the current stage (the scenario clock). */
  t: number;
  /** 0-based count of earlier requests to this route on this path in the current stage. */
  n: number;
  /** The stage: 0 at start, +1 on each `advance()` (used to model "since the last run"). */
  stage: number;
  /** True once the scenario's deploy (if any) has happened. */
  deployed: boolean;
  /** The cf-ray this response will carry (`<id>-<COLO>`; the colo differs by path). */
  ray: string;
  /** The Host the request named. */
  host: string;
  headers: IncomingHttpHeaders;
}

/** An HTTP answer. */
export interface HttpReply {
  kind: 'http';
  status: number;
  /** The status line's reason phrase; Node's standard phrase for the status when absent. */
  reason?: string;
  headers: Record<string, string>;
  body: string;
  /** Wait this long before sending the headers. */
  delayMs?: number;
  /** A recorded response: send only its own headers (no simulated Cloudflare `server`/`cf-ray`). */
  verbatim?: boolean;
}

/** What the fake service does with a request: answer, accept and never answer, or reset the connection. */
export type Reply = HttpReply | { kind: 'hang' } | { kind: 'reset' };

/** A scenario's behaviour for one route; `normal()` is what a healthy service would answer. */
export type Handler = (req: SimRequest, normal: () => HttpReply) => Reply;

/** One endpoint of the fake service, as it appears in the generated config. */
export interface EndpointSpec {
  name: string;
  path: string;
  auth?: boolean;
}

/** One build of the site: what its fingerprint shows. */
export interface Build {
  /** Semantic version shown in a version header. */
  version: string;
  /** Next.js-style build id shown in the HTML (`buildId`, `/_next/static/<id>/`). */
  id: string;
}

/** Where the site page shows its build, and the deploy that changes it. */
export interface BuildSpec {
  /**
   * `version-header`: an `x-app-version` header; `next`: Next.js buildId and `/_next/static/<id>/` paths;
   * `assets`: bundler-hashed asset names only (`/assets/index-<hash>.js`); `etag`: ETag/Last-Modified only.
   */
  show: 'version-header' | 'next' | 'assets' | 'etag';
  initial: Build;
  /** The deploy: a new build from clock time `at` (seconds) in stage `stage` (default 0), or from stage `stage` on. */
  deploy?: { build: Build; at?: number; stage?: number };
}

/** How a part of the simulated world answers at the transport level. */
export type TransportMode = 'ok' | 'refused' | 'blackhole' | 'reset';

/** A status page the simulator serves. */
export type StatusPageSpec =
  | { kind: 'none' }
  /** Character.AI's page since mid-2026: 302 then 401 "Your page is inactive". */
  | { kind: 'inactive' }
  /** Atlassian Statuspage: `summary` builds `/api/v2/summary.json` (the other endpoints derive from it). */
  | { kind: 'atlassian'; summary: (now: Date, base: string) => AtlassianSummary }
  /** incident.io: the Statuspage-compatible summary (no `page.time_zone`) and the widget API. */
  | {
      kind: 'incidentio';
      summary: (now: Date, base: string) => unknown;
      widget: (now: Date, base: string) => unknown;
    }
  /** Instatus: `/summary.json` and `/v2/components.json`. */
  | { kind: 'instatus'; summary: (now: Date, base: string) => unknown; components: (now: Date) => unknown };

/** The parts of an Atlassian summary the simulator edits (the rest passes through from the fixture). */
export interface AtlassianSummary {
  page: Record<string, unknown>;
  status: { indicator: string; description: string };
  components: Record<string, unknown>[];
  incidents: Record<string, unknown>[];
  scheduled_maintenances: Record<string, unknown>[];
}

/** A browser extension to put in a fake profile. */
export interface FakeExtension {
  id: string;
  name: string;
  version: string;
  /** MV3 `host_permissions` (Chromium) or Firefox `userPermissions.origins`. */
  hostPermissions?: string[];
  /** API permissions (may hold host patterns in MV2). */
  permissions?: string[];
  /** `content_scripts[].matches`. */
  contentScripts?: string[];
}

/** A fake browser profile the simulator writes to a temp folder. */
export interface ProfileSpec {
  browser: 'chromium' | 'firefox';
  extensions: FakeExtension[];
}

/** A check on the diagnosis evidence, in words and as code. */
export interface EvidenceExpectation {
  /** What must be true, in words ("the alternate path succeeded"). */
  says: string;
  check: (evidence: Evidence) => boolean;
}

/** One scenario: a fake world that should be diagnosed as `outcome`. */
export interface ScenarioDefinition {
  name: string;
  /** The expected verdict (`unknown` for a world where naming a cause would be wrong, e.g. a corpus app crash). */
  outcome: Verdict;
  description: string;
  /** The signals this variant shows, in short words (for `--list` and the suite's report). */
  signals: string[];
  /** Set on decoys: the cause this scenario looks like but is not. */
  decoyFor?: string;
  /** The user reports seeing the error (`--symptom`). */
  symptom?: boolean;
  /** `valid`: the env carries the simulator's token; `expired`: a 40-char token it rejects; `none`: no token. */
  token?: 'valid' | 'expired' | 'none';
  statusPage?: StatusPageSpec;
  /** Start a real tinyproxy as the alternate path. */
  alternatePath?: boolean;
  /**
   * How the two control sites answer (default `ok`); `captive`: a Wi-Fi sign-in page answers for them
   * (a 302 to its login form).
   */
  controls?: TransportMode | 'captive';
  /** How the fake service (and its status page) answer at the transport level (default `ok`). */
  transport?: TransportMode;
  /** Serve the site and endpoints over HTTPS with an openssl-made certificate (trusted through NODE_EXTRA_CA_CERTS). */
  tls?: boolean;
  browserProfiles?: ProfileSpec[];
  /** Endpoints in the config (default: health and user). */
  endpoints?: EndpointSpec[];
  build?: BuildSpec;
  /** Behaviour per route (`site` or an endpoint name); routes left out behave normally. */
  handlers?: Record<string, Handler>;
  /** Run the CLI once in stage 0, then `advance()` and diagnose in stage 1 (a change since the last run). */
  priorRun?: boolean;
  /** Observation window for the suite: `--watch` and `--interval` seconds (default 3 and 1). */
  watch?: { seconds: number; interval: number };
  /** A piece of the evidence the suite asserts besides the verdict. */
  expectEvidence: EvidenceExpectation;
}
