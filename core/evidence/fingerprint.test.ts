// Tests of build-fingerprint extraction and of the fingerprint memory on disk.

import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFingerprint, FingerprintTracker, secondsBeforeErrors } from './fingerprint';
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

  it('remembers the fingerprint across runs and reports the change time', () => {
    const file = join(tempDir(), 'data', 'fingerprints.json');
    const first = new FingerprintTracker(file);
    expect(first.observe('T', site('2026-11-20T10:00:00.000Z', '1.0')).changedAt).toBeNull();

    const second = new FingerprintTracker(file);
    expect(second.evidence('T', null).current).toBe('x-app-version=1.0');
    const changed = second.observe('T', site('2026-11-20T12:00:00.000Z', '1.1'));
    expect(changed).toMatchObject({
      current: 'x-app-version=1.1',
      previous: 'x-app-version=1.0',
      changedAt: '2026-11-20T12:00:00.000Z',
      source: 'version-header',
    });
    expect(second.evidence('T', '2026-11-20T12:02:00.000Z').secondsBeforeErrors).toBe(120);

    const third = new FingerprintTracker(file);
    expect(third.evidence('T', null).changedAt).toBe('2026-11-20T12:00:00.000Z');
    expect(third.observe('T', site('2026-11-20T12:05:00.000Z', '1.1')).changedAt).toBe(
      '2026-11-20T12:00:00.000Z',
    );
  });

  it('never takes a value that changes on every request (a per-response ETag) for a release', () => {
    const t = new FingerprintTracker(join(tempDir(), 'fp.json'));
    for (let i = 0; i < 6; i++) {
      const when = new Date(Date.parse(at) + i * 30_000).toISOString();
      const ev = t.observe('T', probe(when, { name: 'site', body: 'x', headers: { etag: `"r${i}"` } }));
      expect(ev.changedAt).toBeNull();
    }
  });

  it('keeps targets apart and ignores probes without a fingerprint', () => {
    const t = new FingerprintTracker(join(tempDir(), 'fp.json'));
    t.observe('A', site(at, '1'));
    t.observe('B', probe(at, { name: 'site', status: 403, outcome: 'challenge' }));
    expect(t.evidence('A', null).current).toBe('x-app-version=1');
    expect(t.evidence('B', null).current).toBeNull();
    expect(t.observe('A', null).current).toBe('x-app-version=1');
  });

  it('moves a corrupt file aside and starts fresh', () => {
    const dir = tempDir();
    const file = join(dir, 'fp.json');
    writeFileSync(file, '{"version":1,"targets":{broken');
    const t = new FingerprintTracker(file, () => new Date('2026-11-20T12:00:00.000Z'));
    expect(t.notice).toContain('corrupt-2026-11-20T12-00-00-000Z');
    expect(t.evidence('A', null).current).toBeNull();
    expect(readdirSync(dir).some((f) => f.startsWith('fp.json.corrupt-'))).toBe(true);
    t.observe('A', site(at, '2'));
    expect(JSON.parse(readFileSync(file, 'utf8')).targets.A.current.value).toBe('x-app-version=2');
  });

  it('keeps working in memory when the file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const t = new FingerprintTracker(join(dir, 'blocker', 'fp.json'));
    expect(() => t.observe('A', site(at, '3'))).not.toThrow();
    expect(t.evidence('A', null).current).toBe('x-app-version=3');
  });
});
