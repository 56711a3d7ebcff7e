// Tests of build-fingerprint extraction and of the fingerprint memory on disk.

import fc from 'fast-check';
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  changeGapSeconds,
  extractFingerprint,
  FingerprintTracker,
  hashedAssetNames,
  MAX_CHANGE_GAP_SECONDS,
  secondsBeforeErrors,
  siteOrigin,
} from './fingerprint';
import { probe } from '../testing/synthetic';

const at = '2026-11-20T12:00:00.000Z';
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'why500-fp-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The asset-name pattern the scanner replaced (quadratic on long runs): the scanner must find the same names. */
function assetNamesByRegex(body: string, max: number): Set<string> {
  const names = new Set<string>();
  for (const m of body.matchAll(/[\w/.-]*?[.-]([A-Za-z0-9_]{8,})\.(?:js|css)\b/g)) {
    if (!/\d/.test(m[1] ?? '')) continue;
    names.add(m[0]);
    if (names.size >= max) break;
  }
  return names;
}

describe('hashedAssetNames', () => {
  it('finds exactly the names the old asset pattern found', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      '7',
      '_',
      '.',
      '-',
      '/',
      ' ',
      '"',
      'js',
      'css',
      '.js',
      '.css',
      'json',
    );
    const body = fc.oneof(
      fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
      fc
        .tuple(
          fc.stringMatching(/^[a-z/]{0,8}$/),
          fc.constantFrom('.', '-'),
          fc.stringMatching(/^[a-z0-9_]{6,12}$/),
        )
        .map(([dir, sep, hash]) => `<script src="${dir}main${sep}${hash}.js"></script> x.${hash}.css`),
    );
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 3 }), (text, max) => {
        expect([...hashedAssetNames(text, max)]).toEqual([...assetNamesByRegex(text, max)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('extractFingerprint', () => {
  it('prefers version headers, even on an error page', () => {
    const p = probe(at, { name: 'site', status: 500, headers: { 'x-release': 'r42', etag: '"abc"' } });
    expect(extractFingerprint(p)).toEqual({ value: 'x-release=r42', source: 'version-header' });
  });

  it('ignores headers that only mention a version of something else', () => {
    const p = probe(at, { name: 'site', headers: { 'x-content-type-options': 'nosniff', etag: 'W/"e1"' } });
    expect(extractFingerprint(p)).toEqual({ value: 'etag="e1"', source: 'etag' });
  });

  it('reads a Next.js buildId and the /_next/static/<id>/ path', () => {
    expect(
      extractFingerprint(probe(at, { name: 'site', body: '<script>{"buildId":"AbC123"}</script>' })),
    ).toEqual({
      value: 'buildId=AbC123',
      source: 'build-id',
    });
    const path = '<script src="/_next/static/Zx9_build77/_buildManifest.js"></script>';
    expect(extractFingerprint(probe(at, { name: 'site', body: path }))?.value).toBe('buildId=Zx9_build77');
  });

  it('hashes the names of hashed assets, and changes when they change', () => {
    const html = (h: string) =>
      `<script src="/static/js/main.${h}.js"></script><script src="/js/jquery.min.js"></script>`;
    const a = extractFingerprint(probe(at, { name: 'site', body: html('3f2a9c1b') }));
    const b = extractFingerprint(probe(at, { name: 'site', body: html('77aa00ff') }));
    expect(a?.source).toBe('asset-hash');
    expect(a?.value).not.toBe(b?.value);
    expect(extractFingerprint(probe(at, { name: 'site', body: html('3f2a9c1b') }))).toEqual(a);
  });

  it('falls back to Last-Modified, and gives nothing for a bot check or a failed page', () => {
    const lm = 'Thu, 19 Nov 2026 10:00:00 GMT';
    expect(
      extractFingerprint(probe(at, { name: 'site', body: 'x', headers: { 'last-modified': lm } })),
    ).toEqual({
      value: `last-modified=${lm}`,
      source: 'last-modified',
    });
    expect(
      extractFingerprint(
        probe(at, { name: 'site', status: 403, outcome: 'challenge', headers: { etag: 'x' } }),
      ),
    ).toBeNull();
    expect(extractFingerprint(probe(at, { name: 'site', status: 500, headers: { etag: 'x' } }))).toBeNull();
  });
});

describe('secondsBeforeErrors', () => {
  it('measures from the change to the first error', () => {
    expect(secondsBeforeErrors('2026-11-20T12:00:00Z', '2026-11-20T12:01:30Z')).toBe(90);
    expect(secondsBeforeErrors('2026-11-20T12:00:00Z', '2026-11-20T11:50:00Z')).toBeNull();
    expect(secondsBeforeErrors(null, '2026-11-20T11:50:00Z')).toBeNull();
  });
});

describe('FingerprintTracker', () => {
  const site = (when: string, version: string) =>
    probe(when, { name: 'site', headers: { 'x-app-version': version } });
  const ORIGIN = 'https://svc.example';

  it('remembers the build per site origin across runs, with first and last sightings', () => {
    const file = join(tempDir(), 'data', 'fingerprints.json');
    const first = new FingerprintTracker(file);
    expect(first.observe(ORIGIN, site('2026-11-20T11:59:00.000Z', '1.0')).changedAt).toBeNull();
    first.observe(ORIGIN, site('2026-11-20T11:59:30.000Z', '1.0'));

    const second = new FingerprintTracker(file);
    expect(second.evidence(ORIGIN, null)).toMatchObject({
      current: 'x-app-version=1.0',
      firstSeenAt: '2026-11-20T11:59:00.000Z',
      lastSeenAt: '2026-11-20T11:59:30.000Z',
    });
    const changed = second.observe(ORIGIN, site('2026-11-20T12:00:00.000Z', '1.1'));
    expect(changed).toMatchObject({
      current: 'x-app-version=1.1',
      previous: 'x-app-version=1.0',
      changedAt: '2026-11-20T12:00:00.000Z',
      previousLastSeenAt: '2026-11-20T11:59:30.000Z',
      changeBounded: true,
      source: 'version-header',
    });
    expect(second.evidence(ORIGIN, '2026-11-20T12:02:00.000Z').secondsBeforeErrors).toBe(120);

    const third = new FingerprintTracker(file);
    expect(third.evidence(ORIGIN, null).changedAt).toBe('2026-11-20T12:00:00.000Z');
    expect(third.observe(ORIGIN, site('2026-11-20T12:05:00.000Z', '1.1'))).toMatchObject({
      changedAt: '2026-11-20T12:00:00.000Z',
      changeBounded: true,
    });
  });

  it("writes a stable build's sightings at most once a minute, not on every probe", () => {
    const file = join(tempDir(), 'fingerprints.json');
    const tracker = new FingerprintTracker(file);
    tracker.observe(ORIGIN, site('2026-11-20T12:00:00.000Z', '1.0'));
    tracker.observe(ORIGIN, site('2026-11-20T12:00:30.000Z', '1.0'));
    const stored = () => JSON.parse(readFileSync(file, 'utf8')).sites[ORIGIN].current.lastSeenAt;
    expect(stored()).toBe('2026-11-20T12:00:30.000Z');
    tracker.observe(ORIGIN, site('2026-11-20T12:01:00.000Z', '1.0'));
    expect(stored()).toBe('2026-11-20T12:00:30.000Z');
    tracker.observe(ORIGIN, site('2026-11-20T12:01:30.000Z', '1.0'));
    expect(stored()).toBe('2026-11-20T12:01:30.000Z');
    // In memory the latest sighting is always there.
    expect(tracker.evidence(ORIGIN, null).lastSeenAt).toBe('2026-11-20T12:01:30.000Z');
  });

  it('calls a change after a long gap "some time since" the last sighting, not a change seen happening', () => {
    const t = new FingerprintTracker(join(tempDir(), 'fp.json'), undefined, changeGapSeconds(30));
    t.observe(ORIGIN, site('2026-11-13T12:00:00.000Z', '1.0'));
    const later = t.observe(ORIGIN, site('2026-11-20T12:00:00.000Z', '1.1'));
    expect(later).toMatchObject({
      previous: 'x-app-version=1.0',
      changedAt: '2026-11-20T12:00:00.000Z',
      previousLastSeenAt: '2026-11-13T12:00:00.000Z',
      changeBounded: false,
    });
    // Three intervals of 30 s are under the two-minute floor; five minutes is over it.
    const near = new FingerprintTracker(join(tempDir(), 'fp.json'), undefined, changeGapSeconds(30));
    near.observe(ORIGIN, site('2026-11-20T12:00:00.000Z', '1.0'));
    expect(near.observe(ORIGIN, site('2026-11-20T12:05:00.000Z', '1.1')).changeBounded).toBe(false);
    expect(changeGapSeconds(30)).toBe(120);
    expect(changeGapSeconds(300)).toBe(900);
    expect(changeGapSeconds(3600)).toBe(MAX_CHANGE_GAP_SECONDS);
  });

  it('never takes a value that changes on every request (a per-response ETag) for a release', () => {
    const t = new FingerprintTracker(join(tempDir(), 'fp.json'));
    for (let i = 0; i < 6; i++) {
      const when = new Date(Date.parse(at) + i * 30_000).toISOString();
      const ev = t.observe(ORIGIN, probe(when, { name: 'site', body: 'x', headers: { etag: `"r${i}"` } }));
      expect(ev.changedAt).toBeNull();
    }
  });

  it('keeps sites apart and ignores probes without a fingerprint', () => {
    const t = new FingerprintTracker(join(tempDir(), 'fp.json'));
    t.observe('https://a.example', site(at, '1'));
    t.observe('https://b.example', probe(at, { name: 'site', status: 403, outcome: 'challenge' }));
    expect(t.evidence('https://a.example', null).current).toBe('x-app-version=1');
    expect(t.evidence('https://b.example', null).current).toBeNull();
    expect(t.observe('https://a.example', null).current).toBe('x-app-version=1');
  });

  it('keys memory by the site origin, not by the path or the target name', () => {
    expect(siteOrigin('https://character.ai/')).toBe('https://character.ai');
    expect(siteOrigin('https://character.ai/chat?x=1')).toBe('https://character.ai');
    expect(siteOrigin('http://127.0.0.1:8080/')).not.toBe(siteOrigin('http://127.0.0.1:8081/'));
  });

  it('moves a corrupt file aside and starts fresh', () => {
    const dir = tempDir();
    const file = join(dir, 'fp.json');
    writeFileSync(file, '{"version":2,"sites":{broken');
    const t = new FingerprintTracker(file, () => new Date('2026-11-20T12:00:00.000Z'));
    expect(t.notice).toContain('corrupt-2026-11-20T12-00-00-000Z');
    expect(t.evidence(ORIGIN, null).current).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('fp.json.corrupt-'))).toBe(true);
    t.observe(ORIGIN, site(at, '2'));
    expect(JSON.parse(readFileSync(file, 'utf8')).sites[ORIGIN].current.value).toBe('x-app-version=2');
  });

  it('keeps a file of the older per-name format aside and never reads a change from it', () => {
    const dir = tempDir();
    const file = join(dir, 'fp.json');
    const old = {
      version: 1,
      targets: {
        'Character.AI': {
          current: { value: 'x-app-version=1.0', source: 'version-header', firstSeenAt: at, seen: 3 },
          previous: null,
          changedAt: null,
        },
      },
    };
    writeFileSync(file, JSON.stringify(old));
    const t = new FingerprintTracker(file, () => new Date('2026-11-27T12:00:00.000Z'));
    expect(t.notice).toContain('older format');
    expect(readdirSync(dir).some((f) => f.startsWith('fp.json.old-'))).toBe(true);
    const ev = t.observe(ORIGIN, site('2026-11-27T12:00:00.000Z', '1.1'));
    expect(ev.changedAt).toBeNull();
    expect(ev.previous).toBeNull();
  });

  it('keeps working in memory when the file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const t = new FingerprintTracker(join(dir, 'blocker', 'fp.json'));
    expect(() => t.observe(ORIGIN, site(at, '3'))).not.toThrow();
    expect(t.evidence(ORIGIN, null).current).toBe('x-app-version=3');
  });
});
