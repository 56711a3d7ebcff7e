// The site's build fingerprint: read from the site probe (version headers, then Next.js build id or
// hashed asset names in the HTML, then ETag / Last-Modified), and remembered across runs in a small
// JSON file so a release that happened while the app was closed is still noticed.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

function fromHeaders(headers: Record<string, string>): Fingerprint | null {
  const parts = Object.keys(headers)
    .filter((name) => VERSION_HEADER.test(name) && !NOT_BUILD_HEADERS.has(name.toLowerCase()))
    .sort()
    .map((name) => `${name.toLowerCase()}=${headers[name]}`);
  return parts.length > 0 ? { value: parts.join(';'), source: 'version-header' } : null;
}

function fromHtml(body: string): Fingerprint | null {
  const buildId = /"buildId"\s*:\s*"([^"]{1,100})"/.exec(body);
  if (buildId?.[1]) return { value: `buildId=${buildId[1]}`, source: 'build-id' };
  const nextStatic = /\/_next\/static\/([A-Za-z0-9_-]{6,64})\/_(?:buildManifest|ssgManifest)/.exec(body);
  if (nextStatic?.[1]) return { value: `buildId=${nextStatic[1]}`, source: 'build-id' };
  const assets = new Set<string>();
  // Bundler output names carry a content hash: main.3f2a9c1b.js, index-BxY3z9aQ.css.
  const assetRe = /[\w/.-]*?[.-]([A-Za-z0-9_]{8,})\.(?:js|css)\b/g;
  for (const m of body.matchAll(assetRe)) {
    if (!/\d/.test(m[1] ?? '')) continue; // a hash has digits; plain names like "bootstrap.min" do not
    assets.add(m[0]);
    if (assets.size >= 200) break;
  }
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
  if (etag) return { value: `etag=${etag}`, source: 'etag' };
  const lastModified = headers['last-modified'];
  if (lastModified) return { value: `last-modified=${lastModified}`, source: 'last-modified' };
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

/** What the tracker remembers per target. */
interface TrackedTarget {
  current: Fingerprint & { firstSeenAt: string; seen?: number };
  previous: Fingerprint | null;
  changedAt: string | null;
}

interface TrackerFile {
  version: 1;
  targets: Record<string, TrackedTarget>;
}

function isTracked(x: unknown): x is TrackedTarget {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as Partial<TrackedTarget>;
  return (
    typeof t.current === 'object' &&
    t.current !== null &&
    typeof t.current.value === 'string' &&
    typeof t.current.firstSeenAt === 'string' &&
    (t.changedAt === null || typeof t.changedAt === 'string')
  );
}

/**
 * Remembers each target's last build fingerprint in a JSON file, and when it changed. A corrupt file
 * is moved aside as `<file>.corrupt-<time>` and the tracker starts fresh; write errors are swallowed
 * (the tracker then only remembers for this run).
 */
export class FingerprintTracker {
  private state: TrackerFile = { version: 1, targets: {} };
  /** Set once when the file was corrupt and moved aside (for a one-time notice). */
  readonly notice: string | null = null;

  /** `file`: where to keep the state (e.g. `<dataDir>/fingerprints.json`). */
  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (!existsSync(file)) return;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TrackerFile>;
      if (parsed.version !== 1 || typeof parsed.targets !== 'object' || parsed.targets === null) {
        throw new Error('unexpected shape');
      }
      for (const [name, t] of Object.entries(parsed.targets)) {
        if (isTracked(t)) this.state.targets[name] = t;
      }
    } catch {
      const aside = `${file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(file, aside);
      } catch {
        // Could not move it; it will be overwritten on the next save.
      }
      this.notice = `The saved build fingerprints were unreadable and were moved to ${aside}; starting fresh.`;
    }
  }

  /**
   * Feeds one site probe (any outcome; only normal answers carry a fingerprint). Returns the target's
   * fingerprint evidence after this probe.
   */
  observe(target: string, probe: ProbeResult | null): FingerprintEvidence {
    const fp = probe ? extractFingerprint(probe) : null;
    if (fp && probe) {
      const at = Number.isNaN(Date.parse(probe.at)) ? this.now().toISOString() : probe.at;
      const known = this.state.targets[target];
      if (!known) {
        this.state.targets[target] = {
          current: { ...fp, firstSeenAt: at, seen: 1 },
          previous: null,
          changedAt: null,
        };
        this.save();
      } else if (known.current.value === fp.value) {
        const seen = (known.current.seen ?? STABLE_AFTER) + 1;
        // Saved only while it matters (until the value counts as stable), to keep writes rare.
        known.current.seen = seen;
        if (seen <= STABLE_AFTER) this.save();
      } else {
        const wasStable = (known.current.seen ?? STABLE_AFTER) >= sightingsNeeded(known.current.source);
        this.state.targets[target] = {
          current: { ...fp, firstSeenAt: at, seen: 1 },
          previous: wasStable ? { value: known.current.value, source: known.current.source } : known.previous,
          changedAt: wasStable ? at : known.changedAt,
        };
        this.save();
      }
    }
    return this.evidence(target, null);
  }

  /** The target's fingerprint evidence; `firstErrorAt` (ISO) fills `secondsBeforeErrors`. */
  evidence(target: string, firstErrorAt: string | null): FingerprintEvidence {
    const t = this.state.targets[target];
    if (!t) return emptyFingerprint();
    return {
      current: t.current.value,
      previous: t.previous?.value ?? null,
      changedAt: t.changedAt,
      source: t.current.source,
      secondsBeforeErrors: secondsBeforeErrors(t.changedAt, firstErrorAt),
      firstSeenAt: t.current.firstSeenAt,
    };
  }

  private save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(this.state, null, 2));
      renameSync(tmp, this.file);
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
  };
}
