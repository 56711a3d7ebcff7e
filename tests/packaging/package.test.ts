// Packs the app the way `npm run dist` does (electron-builder with electron-builder.yml) for Linux, and
// checks what the archive holds: the built main process, preload and window, every tray icon, the
// Windows icons unpacked beside it, the packages main.js imports; and not tsx, esbuild, tests, sources
// or source maps. On a machine with dpkg-deb it builds the real deb (tests/packaging/deb.ts checks it,
// installs it with apt-get and removes it again); elsewhere an unpacked folder only.
//
// Electron's binary cannot be downloaded here, so `electronDist` points at a stand-in folder
// (tests/support/packaging.ts): an `electron` file that is not a program but carries a fuse wire in
// Electron's format. electron-builder's fuse step therefore runs for real on the stand-in, which
// shows that the configured fuses reach the packaged binary. It does not show that Electron itself
// honours them, and the macOS ad-hoc re-signing (resetAdHocDarwinSignature) only runs on macOS: for
// that the test checks the setting is in the config. fpm is a stand-in too (tests/support/stand-in-fpm.mjs,
// via CUSTOM_FPM_PATH): it stages the tree electron-builder names and hands it to `dpkg-deb --build`.
//
// Slow for a unit test: about 25 s (the builds and electron-builder), run once in beforeAll, plus the
// install and removal of the deb when run as root.

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trayIconFiles } from '../../electron/tray/icons';
import { REPO, ensureRendererBuild } from '../e2e/support/build';
import { onPath, runOrThrow, standInElectron } from '../support/packaging';
import { debChecks } from './deb';

/** The target settings of electron-builder.yml checked below. */
interface TargetConfig {
  toolsets: { appimage: string };
  publish: null;
  linux: { target: string[]; executableArgs?: string[] };
  rpm: { packageCategory: string };
  mac: { target: { target: string; arch: string[] }[]; extendInfo: Record<string, unknown> };
  win: { target: { target: string; arch: string[] }[] };
}

const require = createRequire(import.meta.url);
// @electron/asar and @electron/fuses come with electron-builder; neither is a direct dependency.
const asar = require('@electron/asar') as {
  listPackage(archive: string, options?: object): string[];
  statFile(archive: string, path: string): { unpacked?: boolean };
};
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(electron: string): Promise<Record<string, number | string>>;
  FuseV1Options: Record<string, number>;
};
const yaml = require('js-yaml') as { load(text: string): unknown };

const PACK_TIMEOUT_MS = 240_000;
/** The update feed the test build names (nothing is fetched from it): it must reach the deb. */
const FEED_URL = 'http://127.0.0.1:9/why500-feed/';
/**
 * The Node that runs electron-builder: it asks for 22.12 or newer; under an older Node the test uses
 * the Node 24 that .ci/run installs (WHY500_NODE24) when there is one.
 */
const BUILDER_NODE = (() => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const node24 = process.env.WHY500_NODE24;
  const old = major < 22 || (major === 22 && minor < 12);
  return old && node24 && existsSync(node24) ? node24 : process.execPath;
})();
/** Whether this machine can build the deb (the stand-in fpm needs dpkg-deb). */
const BUILD_DEB = process.platform === 'linux' && onPath('dpkg-deb');

let work: string;
let appDir: string;
let archive: string;
let files: string[];
/** The built deb, when {@link BUILD_DEB}. */
let debFile: string | undefined;

function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  delete env.VITEST;
  // The stand-in fpm is a `#!/usr/bin/env node` script: the Node running this test runs it too.
  env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ''}`;
  return env;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'why500-package-'));
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'out');
  await ensureRendererBuild();
  await runOrThrow(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs')], {
    cwd: REPO,
    env: buildEnv(),
    timeoutMs: PACK_TIMEOUT_MS,
  });
  const { version } = JSON.parse(
    readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  mkdirSync(electronDist);
  standInElectron(electronDist, version, REPO);
  // The project's own config with four settings added: the stand-in, the output folder, no native
  // rebuild (there is nothing native, and a rebuild would look for headers online), and an update feed.
  const project = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as {
    directories: object;
  };
  const config = {
    ...project,
    electronDist,
    directories: { ...project.directories, output },
    npmRebuild: false,
    publish: { provider: 'generic', url: FEED_URL },
  };
  const configFile = join(work, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config));
  const fpm = join(work, 'fpm');
  copyFileSync(join(REPO, 'tests', 'support', 'stand-in-fpm.mjs'), fpm);
  const args = ['--linux', BUILD_DEB ? 'deb' : 'dir', '--config', configFile, '--publish', 'never'];
  await runOrThrow(BUILDER_NODE, [join(REPO, 'node_modules', 'electron-builder', 'cli.js'), ...args], {
    cwd: REPO,
    env: buildEnv({ CUSTOM_FPM_PATH: fpm, CI: 'true' }),
    timeoutMs: PACK_TIMEOUT_MS,
  });
  appDir = join(output, 'linux-unpacked');
  archive = join(appDir, 'resources', 'app.asar');
  files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
  if (BUILD_DEB) {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    const arch = (await runOrThrow('dpkg', ['--print-architecture'], { timeoutMs: 10_000 })).trim();
    debFile = join(output, `${pkg.name}_${pkg.version}_${arch}.deb`);
  }
}, PACK_TIMEOUT_MS);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The top-level package folders under the archive's node_modules. */
function packagesInArchive(): Set<string> {
  const names = files
    .filter((f) => f.startsWith('/node_modules/'))
    .map((f) => f.split('/').slice(2))
    .map((parts) => (parts[0]!.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/'));
  return new Set(names);
}

describe('the packaged app (electron-builder --linux, unpacked)', () => {
  it('holds the main process, the preload and the window, with package.json pointing at main', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    for (const path of [
      '/package.json',
      `/${pkg.main}`,
      '/dist/electron/preload.cjs',
      '/dist/renderer/index.html',
    ]) {
      expect(files, path).toContain(path);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.css$/.test(f))).toBe(true);
  });

  it('holds every tray icon, with the Windows ones unpacked beside the archive', () => {
    const trayDir = join(REPO, 'resources', 'tray');
    const icons = trayIconFiles(trayDir).map((icon) => `/${relative(REPO, icon.path).replace(/\\/g, '/')}`);
    expect(icons.length).toBeGreaterThan(60);
    for (const icon of icons) expect(files, icon).toContain(icon);
    const ico = icons.filter((i) => i.endsWith('.ico'));
    expect(ico).toHaveLength(6);
    for (const icon of ico) {
      expect(asar.statFile(archive, icon.slice(1)).unpacked, icon).toBe(true);
      expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', icon))).toBe(true);
    }
    // Only the .ico files are unpacked: PNGs load from inside the archive on every OS.
    expect(asar.statFile(archive, 'resources/tray/linux/healthy.png').unpacked).toBeFalsy();
  });

  it('holds every package main.js imports, and not tsx, esbuild or its native binary', () => {
    const main = readFileSync(join(REPO, 'dist', 'electron', 'main.js'), 'utf8');
    const imported = [...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)]
      .map((m) => m[1] ?? m[2]!)
      .filter((name) => !name.startsWith('node:') && name !== 'electron')
      .map((name) =>
        name
          .split('/')
          .slice(0, name.startsWith('@') ? 2 : 1)
          .join('/'),
      );
    expect(imported).toContain('electron-store');
    const packages = packagesInArchive();
    for (const name of imported) expect(packages, name).toContain(name);
    expect(packages).not.toContain('tsx');
    expect(packages).not.toContain('esbuild');
    expect([...packages].filter((p) => p.startsWith('@esbuild/'))).toEqual([]);
    expect(packages).not.toContain('@esbuild');
    expect(existsSync(join(appDir, 'resources', 'app.asar.unpacked', 'node_modules'))).toBe(false);
  });

  it('holds no sources, tests or source maps of the app', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /\.(ts|svelte|map)$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.test\.|\/tests?\//.test(f) && !f.startsWith('/node_modules/'))).toEqual([]);
    const top = new Set(own.map((f) => f.split('/')[1]));
    expect([...top].sort()).toEqual(['dist', 'node_modules', 'package.json', 'resources']);
  });

  it('flips the configured fuses in the packaged binary (the stand-in carries the wire)', async () => {
    const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const wire = await fuses.getCurrentFuseWire(join(appDir, 'why500'));
    const O = fuses.FuseV1Options;
    const on = (index: number) => wire[index] === '1'.charCodeAt(0);
    const expected: [number, boolean | undefined][] = [
      [O.RunAsNode!, config.electronFuses.runAsNode],
      [O.EnableCookieEncryption!, config.electronFuses.enableCookieEncryption],
      [O.EnableNodeOptionsEnvironmentVariable!, config.electronFuses.enableNodeOptionsEnvironmentVariable],
      [O.EnableNodeCliInspectArguments!, config.electronFuses.enableNodeCliInspectArguments],
      [O.EnableEmbeddedAsarIntegrityValidation!, config.electronFuses.enableEmbeddedAsarIntegrityValidation],
      [O.OnlyLoadAppFromAsar!, config.electronFuses.onlyLoadAppFromAsar],
      [O.GrantFileProtocolExtraPrivileges!, config.electronFuses.grantFileProtocolExtraPrivileges],
    ];
    for (const [index, value] of expected) {
      expect(value, `fuse ${index} is configured`).toBeTypeOf('boolean');
      expect(on(index), `fuse ${index}`).toBe(value);
    }
    // The one fuse left unconfigured keeps Electron's default.
    expect(on(O.LoadBrowserProcessSpecificV8Snapshot!)).toBe(false);
    // The stand-in started from Electron's defaults, so flipping really changed it.
    expect(on(O.RunAsNode!)).toBe(false);
    expect(on(O.OnlyLoadAppFromAsar!)).toBe(true);
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
  });
});

describe.skipIf(!BUILD_DEB)('the deb (electron-builder --linux deb, stand-in fpm)', () => {
  debChecks({ debFile: () => debFile!, feedUrl: FEED_URL });
});

// AppImage, rpm, macOS and Windows builds each need a download (a toolset, fpm, NSIS) or another OS:
// here their settings are checked instead, each named with the step it stands in for.
describe('targets that cannot be built here (their settings)', () => {
  const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as TargetConfig;
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

  it('AppImage on the static runtime, no libfuse2 (stands in for `electron-builder --linux AppImage`, which downloads the appimage toolset)', () => {
    expect(config.linux.target).toContain('AppImage');
    const versions = schema.definitions.ToolsetConfig.properties.appimage.anyOf[0].enum as string[];
    // 0.0.0 is the legacy FUSE 2 runtime; every later toolset is the static runtime.
    expect(versions).toContain(config.toolsets.appimage);
    expect(config.toolsets.appimage).not.toBe('0.0.0');
    // README's sandbox sentence: no --no-sandbox in the desktop entry; the AppRun electron-builder
    // writes adds it only where `unshare -Ur true` fails (user namespaces restricted, or no unshare).
    expect(config.linux.executableArgs).toBeUndefined();
    const { generateAppRunScript } = require('app-builder-lib/out/targets/appimage/appImageUtil') as {
      generateAppRunScript(config: object): string;
    };
    const appRun = generateAppRunScript({
      ExecutableName: 'why500',
      ProductName: 'why500',
      ProductFilename: 'why500',
    });
    expect(appRun).toMatch(
      /if \[ \$HAVE_NO_SANDBOX -eq 0 \] && ! unshare -Ur true 2>\/dev\/null ; then\s+NO_SANDBOX=\(--no-sandbox\)/,
    );
    // Nowhere else is it added: the exec lines pass only NO_SANDBOX and the user's own arguments.
    expect(appRun).toContain('exec "$BIN" "${NO_SANDBOX[@]}" "${args[@]}"');
  });

  it('rpm with the default Fedora dependencies (stands in for `electron-builder --linux rpm`, which downloads fpm and needs rpmbuild)', () => {
    expect(config.linux.target).toContain('rpm');
    expect(config.rpm.packageCategory).toBe('Applications/Internet');
    expect(config).not.toHaveProperty('rpm.depends');
  });

  it('macOS dmg and zip for Intel and Apple Silicon (stands in for `electron-builder --mac` on a Mac)', () => {
    for (const target of ['dmg', 'zip']) {
      expect(config.mac.target).toContainEqual({ target, arch: ['x64', 'arm64'] });
    }
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac.extendInfo.NSLocalNetworkUsageDescription).toMatch(/local|network/i);
  });

  it('Windows NSIS for x64 and arm64 (stands in for `electron-builder --win`, which downloads NSIS)', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
  });

  it('names no update feed of its own: a release build adds one (publish), else updates stay off', () => {
    expect(config.publish).toBeNull();
  });
});
