// The update check with electron-updater's own DebUpdater, run under Node against a loopback feed: the
// app-update.yml a build with a `publish` feed carries, and a latest-linux.yml that is newer, the same,
// malformed or unreachable. Never a throw, never a repeated notice, one log line per different failure.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util';
import { DebUpdater } from 'electron-updater';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { refusedPort, startServer, type TestServer } from '../../tests/support/hostile';
import { FakeTimers } from '../testing/fakes';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  UpdateCheck,
  updateAvailableLine,
  updateCheckOff,
  type InstallFacts,
  type UpdaterLike,
} from './update-check';

const CURRENT = '0.1.0';

/** A latest-linux.yml as electron-builder writes it for a deb. */
function latestYml(version: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: why500_${version}_amd64.deb`,
    '    sha512: bm90IGEgcmVhbCBoYXNoCg==',
    '    size: 1000',
    `path: why500_${version}_amd64.deb`,
    'sha512: bm90IGEgcmVhbCBoYXNoCg==',
    "releaseDate: '2026-12-01T00:00:00.000Z'",
    '',
  ].join('\n');
}

let server: TestServer;
let feed = { status: 200, body: latestYml(CURRENT) };
let requests: string[] = [];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'why500-update-'));
  server = await startServer((req, res) => {
    requests.push(req.url ?? '');
    if (!/^\/feed\/latest-linux(-arm64)?\.yml(\?|$)/.test(req.url ?? '')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(feed.status, { 'content-type': 'text/yaml' }).end(feed.body);
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  requests = [];
});

/** electron-updater's DebUpdater reading an app-update.yml that names `feedUrl`, as a packaged deb does. */
function debUpdater(feedUrl: string): DebUpdater {
  const config = join(dir, `app-update-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(config, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: why500-updater\n`);
  const updater = new DebUpdater(undefined, {
    version: CURRENT,
    name: 'why500',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  });
  // Under Electron it would use Electron's net module; under Node, electron-builder's own executor.
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  updater.autoDownload = false;
  updater.logger = null;
  return updater;
}

function check(updater: UpdaterLike | null) {
  const log: string[] = [];
  const onChange = vi.fn();
  const timers = new FakeTimers();
  const checker = new UpdateCheck({
    updater,
    currentVersion: CURRENT,
    timers,
    log: (l) => log.push(l),
    onChange,
  });
  return { checker, log, onChange, timers };
}

describe('the update check against a loopback feed (electron-updater DebUpdater)', () => {
  it('a newer version: one notice, however often the feed says it again', async () => {
    feed = { status: 200, body: latestYml('0.2.0') };
    const { checker, log, onChange } = check(debUpdater(`${server.url}/feed/`));
    await checker.checkNow();
    expect(requests.some((r) => r.startsWith('/feed/latest-linux'))).toBe(true);
    expect(checker.available()).toBe('0.2.0');
    expect(checker.notice()).toBe(updateAvailableLine('0.2.0', CURRENT));
    expect(onChange).toHaveBeenCalledTimes(1);
    await checker.checkNow();
    await checker.checkNow();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(log).toEqual([`update check: ${updateAvailableLine('0.2.0', CURRENT)}`]);
    // A still newer one is a new notice, once.
    feed = { status: 200, body: latestYml('0.3.0') };
    await checker.checkNow();
    await checker.checkNow();
    expect(checker.available()).toBe('0.3.0');
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('the same version: no notice', async () => {
    feed = { status: 200, body: latestYml(CURRENT) };
    const { checker, log, onChange } = check(debUpdater(`${server.url}/feed/`));
    await checker.checkNow();
    expect(requests.length).toBeGreaterThan(0);
    expect(checker.available()).toBeNull();
    expect(checker.notice()).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('a malformed feed: no throw, no notice, one log line however often it fails', async () => {
    for (const body of ['version: [unclosed', '<html>502 Bad Gateway</html>', 'version: not.a.version\n']) {
      feed = { status: 200, body };
      const { checker, log, onChange } = check(debUpdater(`${server.url}/feed/`));
      await expect(checker.checkNow()).resolves.toBeUndefined();
      await checker.checkNow();
      expect(checker.available(), body).toBeNull();
      expect(onChange).not.toHaveBeenCalled();
      expect(log, `${body}: ${log.join(' / ')}`).toHaveLength(1);
      expect(log[0]).toMatch(/^the update check failed: /);
      expect(log[0]).not.toContain('\n');
    }
  });

  it('an unreachable feed or a server error: no throw, no notice, one log line', async () => {
    const port = await refusedPort();
    const down = check(debUpdater(`http://127.0.0.1:${port}/feed/`));
    await expect(down.checker.checkNow()).resolves.toBeUndefined();
    await down.checker.checkNow();
    expect(down.log).toHaveLength(1);
    expect(down.onChange).not.toHaveBeenCalled();

    feed = { status: 500, body: 'oops' };
    const failing = check(debUpdater(`${server.url}/feed/`));
    await failing.checker.checkNow();
    expect(failing.checker.available()).toBeNull();
    expect(failing.log).toHaveLength(1);
  });

  it('a newer version that was withdrawn stops being shown', async () => {
    feed = { status: 200, body: latestYml('0.2.0') };
    const { checker, onChange } = check(debUpdater(`${server.url}/feed/`));
    await checker.checkNow();
    feed = { status: 200, body: latestYml(CURRENT) };
    await checker.checkNow();
    expect(checker.available()).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('checks a minute after start, then once a day, and stops on quit', async () => {
    feed = { status: 200, body: latestYml('0.2.0') };
    const { checker, timers, onChange } = check(debUpdater(`${server.url}/feed/`));
    checker.start();
    timers.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(requests).toEqual([]);
    timers.advance(1);
    await vi.waitFor(() => expect(timers.pending()).toBe(1)); // the next day's check is scheduled
    const first = requests.length;
    expect(first).toBeGreaterThan(0);
    timers.advance(CHECK_INTERVAL_MS);
    await vi.waitFor(() => expect(requests.length).toBeGreaterThan(first));
    await vi.waitFor(() => expect(timers.pending()).toBe(1));
    expect(onChange).toHaveBeenCalledTimes(1);
    checker.stop();
    expect(timers.pending()).toBe(0);
  });
});

describe('the update check without electron-updater', () => {
  it('is off without an updater: nothing scheduled, nothing shown', async () => {
    const { checker, timers } = check(null);
    checker.start();
    expect(timers.pending()).toBe(0);
    await checker.checkNow();
    expect(checker.notice()).toBeNull();
  });

  it('rejects a version that is not one, even when the updater says it is newer', async () => {
    const updater: UpdaterLike = {
      checkForUpdates: () =>
        Promise.resolve({ isUpdateAvailable: true, updateInfo: { version: '9.9.9\u202e<b>' } }),
    };
    const { checker, log, onChange } = check(updater);
    await checker.checkNow();
    expect(checker.available()).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    expect(log).toHaveLength(1);
    expect(log[0]).not.toContain('\u202e');
  });

  it('does not run two checks at once', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const updater: UpdaterLike = {
      checkForUpdates: () => {
        calls++;
        return new Promise((resolve) => {
          release = () => resolve(null);
        });
      },
    };
    const { checker } = check(updater);
    const a = checker.checkNow();
    const b = checker.checkNow();
    release();
    await Promise.all([a, b]);
    expect(calls).toBe(1);
  });
});

describe('updateCheckOff', () => {
  const base: InstallFacts = {
    platform: 'linux',
    isPackaged: true,
    hasFeed: true,
    appImage: undefined,
    packageType: 'deb',
  };

  it('runs for the deb, the AppImage and Windows (NSIS), when the build names a feed', () => {
    expect(updateCheckOff(base)).toBeNull();
    expect(updateCheckOff({ ...base, packageType: null, appImage: '/home/me/why500.AppImage' })).toBeNull();
    expect(updateCheckOff({ ...base, platform: 'win32', packageType: null })).toBeNull();
  });

  it('is off without a feed, unpackaged, and for rpm and macOS', () => {
    expect(updateCheckOff({ ...base, hasFeed: false })).toBe('this build names no update feed');
    expect(updateCheckOff({ ...base, isPackaged: false })).toBe('not a packaged app');
    expect(updateCheckOff({ ...base, packageType: 'rpm' })).toMatch(/linux, rpm/);
    expect(updateCheckOff({ ...base, platform: 'darwin', packageType: null })).toMatch(/darwin/);
  });
});
