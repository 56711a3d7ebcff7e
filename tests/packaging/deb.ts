// The deb's checks, run by package.test.ts on the deb it built: what the package says (control file,
// maintainer scripts), then, as root on a Debian-like machine, `apt-get install ./why500_*.deb` for
// real: the files in place, the desktop entry (desktop-file-validate), `Icon=why500` found in the
// hicolor theme at every size, the postinst's chrome-sandbox and AppArmor steps; then `apt-get
// remove` and `purge`, and the list of what stays. Not root, or no apt-get/dpkg: the install part is
// skipped and says why. The package is purged in afterAll whatever happened.

import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../e2e/support/build';
import {
  onPath,
  parseControl,
  parseDesktopEntry,
  pngSize,
  runOrThrow,
  runProgram,
} from '../support/packaging';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

/** The deb settings of electron-builder.yml the checks compare with. */
interface DebConfig {
  linux: { category: string; maintainer: string; synopsis: string; icon: string };
  deb: { depends: string[]; recommends: string[]; packageCategory: string; priority: string };
}

const APT_TIMEOUT_MS = 300_000;
/** The hicolor sizes scripts/make-icons.mjs writes to resources/icons. */
const HICOLOR_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Where a deb of ours could leave something behind: compared before install and after purge. */
const WATCHED = [
  '/opt',
  '/usr/bin',
  '/usr/share/applications',
  '/usr/share/icons/hicolor',
  '/etc/apparmor.d',
  '/etc/alternatives',
  '/var/lib/dpkg/alternatives',
];
/**
 * What may stay after `apt-get purge` (README, "Uninstall"): nothing under the watched system folders.
 * The user's own files (~/.config/why500, the autostart entry) are outside them and never touched by dpkg.
 */
const DOCUMENTED_LEFTOVERS: string[] = [];

/** Every path under `dir` (depth-first), or none when it does not exist. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out.push(path);
    if (entry.isDirectory() && !entry.isSymbolicLink()) out.push(...walk(path));
  }
  return out;
}

/** Paths under the watched folders whose name mentions the package. */
function ours(name: string): Set<string> {
  return new Set(WATCHED.flatMap(walk).filter((p) => p.includes(name)));
}

/** dpkg's status of a package ('' when dpkg does not know it). */
function dpkgStatus(name: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** Why the install part cannot run here, or null when it can. */
function installBlocker(name: string): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (apt-get install needs root; CI runs as root)';
  for (const tool of ['apt-get', 'dpkg', 'dpkg-query', 'desktop-file-validate']) {
    if (!onPath(tool)) return `${tool} is not installed (.ci/run installs desktop-file-utils)`;
  }
  const status = dpkgStatus(name);
  if (status && !status.includes('not-installed') && !status.startsWith('deinstall ok config-files')) {
    return `a ${name} package is already installed here (${status}); the test does not replace it`;
  }
  return null;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
/** Wait for another apt or dpkg run to finish instead of failing at once on its lock. */
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=120'];

/** `apt-get install ./deb`: from what is installed first, then with a refreshed package list. */
async function aptInstall(deb: string): Promise<void> {
  const args = [...LOCK_WAIT, 'install', '-y', '-q', '--no-install-recommends', deb];
  const offline = await runProgram('apt-get', ['--no-download', ...args], {
    env: APT_ENV,
    timeoutMs: APT_TIMEOUT_MS,
  });
  if (offline.code === 0) return;
  // Dependencies missing on this machine: fetch them from Debian's archive (CI machines reach it).
  await runProgram('apt-get', ['update', '-qq'], { env: APT_ENV, timeoutMs: APT_TIMEOUT_MS });
  await runOrThrow('apt-get', args, { env: APT_ENV, timeoutMs: APT_TIMEOUT_MS });
}

/** The checks, given the built deb (a function: it exists only after package.test.ts's beforeAll). */
export function debChecks({ debFile, feedUrl }: { debFile: () => string; feedUrl: string }): void {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    homepage: string;
  };
  const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as DebConfig;
  const opt = `/opt/${pkg.name}`;

  it('names its dependencies, maintainer, homepage and section in the control file', async () => {
    const control = parseControl(await runOrThrow('dpkg-deb', ['--field', debFile()], { timeoutMs: 30_000 }));
    expect(control.Package).toBe(pkg.name);
    expect(control.Version).toBe(pkg.version);
    expect(control.Maintainer).toBe(config.linux.maintainer);
    expect(control.Homepage).toBe(pkg.homepage);
    expect(control.Section).toBe(config.deb.packageCategory);
    expect(control.Priority).toBe(config.deb.priority);
    expect(control.Depends).toBe(config.deb.depends.join(', '));
    // Electron's tray speaks StatusNotifierItem itself: no libappindicator3-1 (gone from Debian 12).
    expect(config.deb.recommends).toEqual([]);
    expect(control.Recommends).toBeUndefined();
    expect(control.Description!.split('\n')[0]).toBe(config.linux.synopsis);
  });

  it('carries electron-builder postinst and postrm (alternatives link, chrome-sandbox, AppArmor)', async () => {
    const dir = (await runOrThrow('mktemp', ['-d'], { timeoutMs: 10_000 })).trim();
    try {
      await runOrThrow('dpkg-deb', ['--control', debFile(), dir], { timeoutMs: 30_000 });
      const postinst = readFileSync(join(dir, 'postinst'), 'utf8');
      const postrm = readFileSync(join(dir, 'postrm'), 'utf8');
      expect(postinst).toContain(`update-alternatives --install '/usr/bin/${pkg.name}'`);
      expect(postinst).toContain(`chmod 4755 '${opt}/chrome-sandbox'`);
      expect(postinst).toContain(`APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${pkg.name}'`);
      expect(postrm).toContain(`update-alternatives --remove '${pkg.name}' '${opt}/${pkg.name}'`);
      expect(postrm).toContain(`apparmor_parser --remove`);
      expect(statSync(join(dir, 'postinst')).mode & 0o111).toBe(0o111);
    } finally {
      execFileSync('rm', ['-rf', dir]);
    }
  });

  const blocker = installBlocker(pkg.name);
  describe.skipIf(blocker !== null)(
    `installed with apt-get${blocker ? ` (skipped: ${blocker})` : ''}`,
    () => {
      let before: Set<string>;
      let installed = false;

      beforeAll(async () => {
        before = ours(pkg.name);
        await aptInstall(debFile());
        installed = true;
      }, APT_TIMEOUT_MS * 2);

      afterAll(async () => {
        // Whatever failed above, leave the machine as it was.
        if (!/^$|not-installed/.test(dpkgStatus(pkg.name))) {
          await runProgram('apt-get', [...LOCK_WAIT, 'purge', '-y', '-q', pkg.name], {
            env: APT_ENV,
            timeoutMs: APT_TIMEOUT_MS,
          });
        }
      }, APT_TIMEOUT_MS);

      it('puts the app in /opt and the command on PATH through update-alternatives', () => {
        expect(installed).toBe(true);
        expect(dpkgStatus(pkg.name)).toBe('install ok installed');
        expect(statSync(`${opt}/${pkg.name}`).mode & 0o111).toBe(0o111);
        expect(existsSync(`${opt}/resources/app.asar`)).toBe(true);
        expect(lstatSync(`/usr/bin/${pkg.name}`).isSymbolicLink()).toBe(true);
        expect(realpathSync(`/usr/bin/${pkg.name}`)).toBe(`${opt}/${pkg.name}`);
        // The update feed the build named, for electron-updater (and `package-type` says it is a deb).
        expect(readFileSync(`${opt}/resources/app-update.yml`, 'utf8')).toContain(feedUrl);
        expect(readFileSync(`${opt}/resources/package-type`, 'utf8')).toBe('deb');
      });

      it('installs a desktop entry that desktop-file-validate accepts', async () => {
        const file = `/usr/share/applications/${pkg.name}.desktop`;
        const result = await runProgram('desktop-file-validate', [file], { timeoutMs: 30_000 });
        expect(result.stdout + result.stderr).not.toMatch(/error:/i);
        expect(result.code).toBe(0);
        const entry = parseDesktopEntry(readFileSync(file, 'utf8'));
        expect(entry).toMatchObject({
          Name: 'why500',
          Exec: `${opt}/${pkg.name} %U`,
          Icon: pkg.name,
          Type: 'Application',
          Terminal: 'false',
          // Electron takes the window's app_id from package.json's desktopName; the two must match.
          StartupWMClass: pkg.name,
          Categories: `${config.linux.category};`,
        });
        expect(entry.Comment).toBeTruthy();
      });

      it('resolves Icon=why500 in the hicolor theme at every size', () => {
        for (const size of HICOLOR_SIZES) {
          const file = `/usr/share/icons/hicolor/${size}x${size}/apps/${pkg.name}.png`;
          expect(existsSync(file), file).toBe(true);
          expect(pngSize(file), file).toEqual([size, size]);
        }
      });

      it('ran the postinst: chrome-sandbox mode and the AppArmor step', async () => {
        // The postinst gives chrome-sandbox the setuid bit only where user namespaces do not work.
        const userns = await runProgram(
          'bash',
          ['-c', '[[ -L /proc/self/ns/user ]] && unshare --user true'],
          {
            timeoutMs: 10_000,
          },
        );
        expect(statSync(`${opt}/chrome-sandbox`).mode & 0o7777).toBe(userns.code === 0 ? 0o755 : 0o4755);
        const profile = readFileSync(`${opt}/resources/apparmor-profile`, 'utf8');
        expect(profile).toContain(`profile "${pkg.name}" "${opt}/${pkg.name}"`);
        expect(profile).toContain('userns,');
        // The profile is installed only where AppArmor runs and its parser takes the profile's abi/4.0
        // (Ubuntu 24.04 and later); elsewhere, as in a container without AppArmor, the step is skipped.
        const apparmor = await runProgram('sh', ['-c', 'apparmor_status --enabled'], { timeoutMs: 10_000 });
        const parses =
          apparmor.code === 0 &&
          (
            await runProgram(
              'apparmor_parser',
              ['--skip-kernel-load', '--debug', `${opt}/resources/apparmor-profile`],
              {
                timeoutMs: 10_000,
              },
            )
          ).code === 0;
        expect(existsSync(`/etc/apparmor.d/${pkg.name}`)).toBe(parses);
      });

      it(
        'removes cleanly: remove, then purge, leave nothing of ours behind',
        async () => {
          await runOrThrow('apt-get', [...LOCK_WAIT, 'remove', '-y', '-q', pkg.name], {
            env: APT_ENV,
            timeoutMs: APT_TIMEOUT_MS,
          });
          expect(existsSync(`/usr/bin/${pkg.name}`)).toBe(false);
          expect(existsSync(`${opt}/${pkg.name}`)).toBe(false);
          await runOrThrow('apt-get', [...LOCK_WAIT, 'purge', '-y', '-q', pkg.name], {
            env: APT_ENV,
            timeoutMs: APT_TIMEOUT_MS,
          });
          expect(dpkgStatus(pkg.name)).toMatch(/^$|not-installed/);
          const stays = [...ours(pkg.name)].filter((p) => !before.has(p));
          expect(stays).toEqual(DOCUMENTED_LEFTOVERS);
        },
        APT_TIMEOUT_MS * 2,
      );
    },
  );
}
