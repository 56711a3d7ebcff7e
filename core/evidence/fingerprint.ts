// The site's build fingerprint: read from the site probe (version headers, then Next.js build id or
// hashed asset names in the HTML, then ETag / Last-Modified), and remembered across runs in a small
// JSON file per site origin, with when each build was first and last seen, so a release that happened
// while the app was closed is noticed without being mistaken for one that happened just now.

import { renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { makePrivateDir, readPrivateFile, writePrivateFile } from '../storage/private-files';
import type { FingerprintEvidence } from '../../shared/types/evidence';
import type { ProbeResult } from '../../shared/types/probe';

/** Where a fingerprint came from, most telling first. */
export type FingerprintSource = NonNullable<FingerprintEvidence['source']>;

/** One reading of the site's build. */
export interface Fingerprint {
  value: string;
  source: FingerprintSource;
}

const VERSION_HEADER = /version|build|release|commit|revision/i;
/** Headers that mention "version" but say nothing about the site's build. */
const NOT_BUILD_HEADERS = new Set(['x-content-type-options', 'sec-websocket-version', 'x-aspnet-version']);

/** A short, stable hash (FNV-1a, 32 bit, hex) for long lists of asset names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Longest fingerprint kept as it is; a longer one (many long version headers) is kept as its hash. */
export const MAX_FINGERPRINT = 500;

function fromHeaders(headers: Record<string, string>): Fingerprint | null {
  const parts = Object.keys(headers)
    .filter((name) => VERSION_HEADER.test(name) && !NOT_BUILD_HEADERS.has(name.toLowerCase()))
    .sort()
    .map((name) => `${name.toLowerCase()}=${headers[name]}`);
  if (parts.length === 0) return null;
  const value = parts.join(';');
  return {
    value: value.length > MAX_FINGERPRINT ? `headers=${hash(value)}` : value,
    source: 'version-header',
  };
}

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** A character of an asset path: a word character, `/`, `.` or `-`. */
const isPathCode = (c: number): boolean => isWordCode(c) || c === 47 || c === 46 || c === 45;

/** The length of `ext` ("js", "css") at `at` when it ends a word there, else 0. */
function extensionAt(body: string, at: number, ext: string): number {
  if (!body.startsWith(ext, at)) return 0;
  const after = body.charCodeAt(at + ext.length);
  return Number.isNaN(after) || !isWordCode(after) ? ext.length : 0;
}

/**
 * Bundler output names that carry a content hash (main.3f2a9c1b.js, index-BxY3z9aQ.css): each is a
 * run of path characters up to a `.` or `-`, eight or more word characters with a digit among them,
 * and `.js` / `.css`. One pass over the page (a regex for the same names backtracked quadratically
 * on a long run like `a.bbbb…`, freezing the process for seconds); at most `max` names.
 */
export function hashedAssetNames(body: string, max: number): Set<string> {
  const names = new Set<string>();
  let i = 0;
  while (i < body.length && names.size < max) {
    if (!isPathCode(body.charCodeAt(i))) {
      i++;
      continue;
    }
    // A run of path characters; `start` is where the next name in it would begin.
    let start = i;
    let j = i;
    while (j < body.length && isPathCode(body.charCodeAt(j)) && names.size < max) {
      const c = body.charCodeAt(j);
      if (c !== 46 && c !== 45) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < body.length && isWordCode(body.charCodeAt(k))) k++;
      const ext =
        body.charCodeAt(k) === 46 ? extensionAt(body, k + 1, 'js') || extensionAt(body, k + 1, 'css') : 0;
      if (k - j - 1 >= 8 && ext > 0) {
        const end = k + 1 + ext;
        // A hash has digits; plain names like "bootstrap.min" do not.
        if (/\d/.test(body.slice(j + 1, k))) names.add(body.slice(start, end));
        start = end;
        j = end;
      } else {
        j = Math.max(k, j + 1);
      }
    }
    i = j;
  }
  return names;
}

function fromHtml(body: string): Fingerprint | null {
  const buildId = /"buildId"\s*:\s*"([^"]{1,100})"/.exec(body);
  if (buildId?.[1]) return { value: `buildId=${buildId[1]}`, source: 'build-id' };
  const nextStatic = /\/_next\/static\/([A-Za-z0-9_-]{6,64})\/_(?:buildManifest|ssgManifest)/.exec(body);
  if (nextStatic?.[1]) return { value: `buildId=${nextStatic[1]}`, source: 'build-id' };
  const assets = hashedAssetNames(body, 200);
  if (assets.size > 0)
    return { value: `assets=${hash([...assets].sort().join('\n'))}`, source: 'asset-hash' };
  return null;
}

/** Reads the build fingerprint from a site probe (version headers from any answer, the rest from a normal one), or null. */
export function extractFingerprint(probe: ProbeResult): Fingerprint | null {
  if (probe.status === null || probe.outcome === 'challenge') return null;
  const headers = probe.headers ?? {};
  // A version header names the build even on an error page; the page itself only when it loaded.
  const fromHead = fromHeaders(headers);
  if (fromHead) return fromHead;
  if (probe.outcome !== 'ok' && probe.outcome !== 'body-too-large') return null;
  const fromBody = fromHtml(probe.body ?? '');
  if (fromBody) return fromBody;
  const etag = headers.etag?.replace(/^W\//, '');
  if (etag) return { value: `etag=${etag.length > 200 ? hash(etag) : etag}`, source: 'etag' };
  const lastModified = headers['last-modified'];
  if (lastModified && lastModified.length <= 200)
    return { value: `last-modified=${lastModified}`, source: 'last-modified' };
  return null;
}

/** Seconds from a change to the first error after it; null when either is missing or the errors came first. */
export function secondsBeforeErrors(changedAt: string | null, firstErrorAt: string | null): number | null {
  if (!changedAt || !firstErrorAt) return null;
  const change = Date.parse(changedAt);
  const error = Date.parse(firstErrorAt);
  if (Number.isNaN(change) || Number.isNaN(error)) return null;
  const seconds = (error - change) / 1000;
  return seconds < -60 ? null : Math.max(0, Math.round(seconds));
}

/**
 * An ETag or Last-Modified counts as the site's build only once it was seen this many times in a
 * row, so a value that changes on every response is never mistaken for a release. Version
 * headers, build ids and asset hashes name the build outright and count at once.
 */
export const STABLE_AFTER = 2;

/** How many sightings in a row a fingerprint of this source needs before a change from it counts. */
export function sightingsNeeded(source: FingerprintSource): number {
  return source === 'etag' || source === 'last-modified' ? STABLE_AFTER : 1;
}

/**
 * The longest gap between the last sighting of the old build and the first sighting of the new one
 * for the change to count as seen happening (a few probe intervals, never more than 30 minutes).
 */
export const MAX_CHANGE_GAP_SECONDS = 30 * 60;

/** The gap allowed for a probe interval: three intervals, at least two minutes, at most MAX_CHANGE_GAP_SECONDS. */
export function changeGapSeconds(intervalSeconds: number): number {
  const three =
    Number.isFinite(intervalSeconds) && intervalSeconds > 0 ? intervalSeconds * 3 : MAX_CHANGE_GAP_SECONDS;
  return Math.min(MAX_CHANGE_GAP_SECONDS, Math.max(120, three));
}

/** True when the new build was first seen at most `gapSeconds` after the old one was last seen. */
export function isBoundedChange(
  previousLastSeenAt: string | null | undefined,
  changedAt: string | null | undefined,
  gapSeconds = MAX_CHANGE_GAP_SECONDS,
): boolean {
  if (!previousLastSeenAt || !changedAt) return false;
  const gap = (Date.parse(changedAt) - Date.parse(previousLastSeenAt)) / 1000;
  return Number.isFinite(gap) && gap >= 0 && gap <= gapSeconds;
}

/** The site origin a fingerprint memory is kept under ("https://character.ai"), or the text itself when it is no URL. */
export function siteOrigin(site: string): string {
  try {
    return new URL(site).origin;
  } catch {
    return site;
  }
}

/** One build as seen: when first and last. */
interface Sighting extends Fingerprint {
  firstSeenAt: string;
  lastSeenAt: string;
  /** Sightings in a row (counts up to STABLE_AFTER only). */
  seen: number;
}

/** What the tracker remembers per site origin. */
interface SiteMemory {
  current: Sighting;
  previous: Sighting | null;
  /** First sighting of `current` when it replaced a stable `previous`. */
  changedAt: string | null;
}

interface TrackerFile {
  version: 2;
  sites: Record<string, SiteMemory>;
}

const SOURCES = new Set<unknown>(['version-header', 'build-id', 'asset-hash', 'etag', 'last-modified']);

/** An ISO time as this file writes it (a Date's own string), not any text. */
function isIsoTime(x: unknown): x is string {
  return typeof x === 'string' && x.length <= 30 && !Number.isNaN(Date.parse(x));
}

/** Every field of a sighting read back is checked as a fresh one would be (the file is not trusted). */
function isSighting(x: unknown): x is Sighting {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Partial<Sighting>;
  return (
    typeof s.value === 'string' &&
    s.value.length <= MAX_FINGERPRINT &&
    SOURCES.has(s.source) &&
    isIsoTime(s.firstSeenAt) &&
    isIsoTime(s.lastSeenAt) &&
    Number.isInteger(s.seen) &&
    (s.seen as number) >= 1 &&
    (s.seen as number) <= STABLE_AFTER
  );
}

function isMemory(x: unknown): x is SiteMemory {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<SiteMemory>;
  return (
    isSighting(m.current) &&
    (m.previous === null || isSighting(m.previous)) &&
    (m.changedAt === null || isIsoTime(m.changedAt))
  );
}

/** Largest fingerprint file read (a few sites' memories take a few KB). */
const MAX_FILE_BYTES = 1024 * 1024;
/** Most sites remembered from the file. */
const MAX_SITES = 1_000;

/** Saves of a mere "still seen" are spaced at least this far apart, ms (a change is saved at once). */
const LAST_SEEN_SAVE_MS = 60_000;

/**
 * Remembers each site's build fingerprints in a JSON file, keyed by the site's origin, with when each
 * was first and last seen. A change counts as seen happening only when the new build was first seen
 * within `gapSeconds` of the old one's last sighting; otherwise it only "changed some time since" then.
 * A corrupt file, or one in the older format without sighting times, is moved aside
 * (`<file>.corrupt-<time>` / `<file>.old-<time>`) and the tracker starts fresh; write errors are
 * swallowed (the tracker then only remembers for this run).
 */
export class FingerprintTracker {
  // No prototype: a site origin read from the file is only ever a key.
  private state: TrackerFile = { version: 2, sites: Object.create(null) as Record<string, SiteMemory> };
  private readonly savedLastSeen = new Map<string, number>();
  /** Set once when the file was unreadable or old and moved aside (for a one-time notice). */
  readonly notice: string | null = null;

  /**
   * `file`: where to keep the state (e.g. `<dataDir>/fingerprints.json`); `gapSeconds`: the longest
   * gap between two sightings across which a change still counts as seen (see changeGapSeconds).
   */
  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
    private readonly gapSeconds: number = MAX_CHANGE_GAP_SECONDS,
  ) {
    let kind: 'corrupt' | 'old' = 'corrupt';
    try {
      let text: string;
      try {
        // Never through a symlink, never a FIFO or device, never more than a megabyte.
        text = readPrivateFile(file, MAX_FILE_BYTES).toString('utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      const parsed = JSON.parse(text) as { version?: unknown; sites?: unknown };
      if (parsed.version === 1) kind = 'old';
      if (parsed.version !== 2 || typeof parsed.sites !== 'object' || parsed.sites === null) {
        throw new Error('unexpected shape');
      }
      for (const [origin, m] of Object.entries(parsed.sites).slice(0, MAX_SITES)) {
        if (origin.length <= 2_048 && isMemory(m)) this.state.sites[origin] = m;
      }
    } catch {
      const aside = `${file}.${kind}-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, aside);
      } catch {
        // Could not move it; it will be overwritten on the next save.
      }
      this.notice =
        kind === 'old'
          ? `The saved build fingerprints were in an older format without sighting times; kept at ${aside}, starting fresh.`
          : `The saved build fingerprints were unreadable and were moved to ${aside}; starting fresh.`;
    }
  }

  /**
   * Feeds one site probe of the site at `origin` (any outcome; only normal answers carry a
   * fingerprint). Returns that site's fingerprint evidence after this probe.
   */
  observe(origin: string, probe: ProbeResult | null): FingerprintEvidence {
    const fp = probe ? extractFingerprint(probe) : null;
    if (fp && probe) {
      const at = Number.isNaN(Date.parse(probe.at)) ? this.now().toISOString() : probe.at;
      const known = this.state.sites[origin];
      const fresh: Sighting = { ...fp, firstSeenAt: at, lastSeenAt: at, seen: 1 };
      if (!known) {
        this.state.sites[origin] = { current: fresh, previous: null, changedAt: null };
        this.save(origin);
      } else if (known.current.value === fp.value) {
        if (at > known.current.lastSeenAt) known.current.lastSeenAt = at;
        // Saved while the sightings still count toward stable; after that, at most once a minute.
        const counting = known.current.seen < STABLE_AFTER;
        known.current.seen = Math.min(STABLE_AFTER, known.current.seen + 1);
        const last = this.savedLastSeen.get(origin) ?? 0;
        if (counting || Date.parse(at) - last >= LAST_SEEN_SAVE_MS) this.save(origin);
      } else {
        const wasStable = known.current.seen >= sightingsNeeded(known.current.source);
        this.state.sites[origin] = {
          current: fresh,
          previous: wasStable ? known.current : known.previous,
          changedAt: wasStable ? at : known.changedAt,
        };
        this.save(origin);
      }
    }
    return this.evidence(origin, null);
  }

  /** The site's fingerprint evidence; `firstErrorAt` (ISO) fills `secondsBeforeErrors`. */
  evidence(origin: string, firstErrorAt: string | null): FingerprintEvidence {
    const m = this.state.sites[origin];
    if (!m) return emptyFingerprint();
    const previousLastSeenAt = m.previous?.lastSeenAt ?? null;
    return {
      current: m.current.value,
      previous: m.previous?.value ?? null,
      changedAt: m.changedAt,
      source: m.current.source,
      secondsBeforeErrors: secondsBeforeErrors(m.changedAt, firstErrorAt),
      firstSeenAt: m.current.firstSeenAt,
      lastSeenAt: m.current.lastSeenAt,
      previousLastSeenAt,
      changeBounded: isBoundedChange(previousLastSeenAt, m.changedAt, this.gapSeconds),
    };
  }

  private save(origin: string): void {
    const at = Date.parse(this.state.sites[origin]?.current.lastSeenAt ?? '');
    try {
      makePrivateDir(dirname(this.file));
      // A random, exclusively created temp name: a file or symlink planted beside it is never written through.
      writePrivateFile(this.file, JSON.stringify(this.state, null, 2));
      if (Number.isFinite(at)) this.savedLastSeen.set(origin, at);
    } catch {
      // Read-only or full disk: keep the state in memory only.
    }
  }
}

/** Fingerprint evidence when nothing is known about the site's build. */
export function emptyFingerprint(): FingerprintEvidence {
  return {
    current: null,
    previous: null,
    changedAt: null,
    source: null,
    secondsBeforeErrors: null,
    firstSeenAt: null,
    lastSeenAt: null,
    previousLastSeenAt: null,
    changeBounded: false,
  };
}
