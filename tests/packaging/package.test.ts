// Packs the app the way `npm run dist` does (electron-builder with electron-builder.yml), for Linux as
// an unpacked folder, and checks what the archive holds: the built main process, preload and window,
// every tray icon, the Windows icons unpacked beside it, the packages main.js imports; and not tsx,
// esbuild, tests, sources or source maps.
//
// Electron's binary cannot be downloaded here, so `electronDist` points at a stand-in folder: an
// `electron` file that is not a program but carries a fuse wire in Electron's format (sentinel,
// version, length, one byte per fuse, set to Electron's defaults), a `version` and a `LICENSE`.
// electron-builder's fuse step therefore runs for real on the stand-in, which shows that the
// configured fuses reach the packaged binary. It does not show that Electron itself honours them,
// and the macOS ad-hoc re-signing (resetAdHocDarwinSignature) only runs on macOS: for that the test
// checks the setting is in the config.
//
// Slow for a unit test: about 20 s (the builds and electron-builder), 10 s of it CPU, run once in beforeAll.

import { execFile } from 'node:child_process';
import {
  chmodSync,
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
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trayIconFiles } from '../../electron/tray/icons';
import { REPO, ensureRendererBuild } from '../e2e/support/build';

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

/** Electron's fuse sentinel (@electron/fuses constants.ts), then wire version 1. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuse states, in FuseV1Options order ('1' on, '0' off). */
const DEFAULT_FUSES = '10110001';

const PACK_TIMEOUT_MS = 240_000;

let work: string;
let appDir: string;
let archive: string;
let files: string[];

function run(command: string, args: string[]): Promise<string> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production' };
  delete env.VITEST;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: REPO, env, timeout: PACK_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${args.join(' ')} failed:\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** The stand-in Electron folder electron-builder copies instead of a downloaded Electron. */
function standInElectron(dir: string, version: string): void {
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary (tests/packaging)\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  copyFileSync(join(REPO, 'node_modules', 'electron', 'LICENSE'), join(dir, 'LICENSE'));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'why500-package-'));
  const electronDist = join(work, 'electron-dist');
  const output = join(work, 'out');
  await ensureRendererBuild();
  await run(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs')]);
  const { version } = JSON.parse(
    readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8'),
  );
  mkdirSync(electronDist);
  standInElectron(electronDist, version);
  // The project's own config with three settings added: the stand-in, the output folder, and no
  // native rebuild (there is nothing native, and a rebuild would look for headers online).
  const project = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as {
    directories: object;
  };
  const config = {
    ...project,
    electronDist,
    directories: { ...project.directories, output },
    npmRebuild: false,
  };
  const configFile = join(work, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify(config));
  await run(process.execPath, [
    join(REPO, 'node_modules', 'electron-builder', 'cli.js'),
    '--linux',
    'dir',
    '--config',
    configFile,
    '--publish',
    'never',
  ]);
  appDir = join(output, 'linux-unpacked');
  archive = join(appDir, 'resources', 'app.asar');
  files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
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

describe('the packaged app (electron-builder --linux dir)', () => {
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
