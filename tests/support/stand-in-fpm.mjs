#!/usr/bin/env node
// A stand-in for fpm that builds only debs, for tests/packaging: electron-builder runs it instead of
// the fpm bundle it would download (env CUSTOM_FPM_PATH). It takes the arguments electron-builder 26
// passes (app-builder-lib/out/targets/FpmTarget.js), stages the tree they name (`src=dst` pairs: a
// `src/` copies the folder's contents), writes DEBIAN/control from the metadata flags and
// DEBIAN/postinst and DEBIAN/postrm from --after-install and --after-remove (verbatim, as fpm does
// for a deb), and hands the tree to `dpkg-deb --build`. An argument it does not know is an error, so a
// change in how electron-builder calls fpm shows up as a failed build, not as a wrong package.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Flags that take a value; the ones marked `many` may repeat. */
const VALUED = {
  '-s': {},
  '-t': {},
  '-d': { many: true },
  '--deb-recommends': { many: true },
  '--deb-compression': {},
  '--deb-priority': {},
  '--architecture': {},
  '--after-install': {},
  '--after-remove': {},
  '--description': {},
  '--version': {},
  '--package': {},
  '--name': {},
  '--maintainer': {},
  '--vendor': {},
  '--url': {},
  '--category': {},
  '--license': {},
  '--iteration': {},
  '--log': {},
};
const SWITCHES = new Set(['--force', '--debug']);

function fail(message) {
  process.stderr.write(`stand-in fpm: ${message}\n`);
  process.exit(2);
}

const opts = {};
const mappings = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (SWITCHES.has(arg)) continue;
  if (arg in VALUED) {
    const value = argv[++i];
    if (value === undefined) fail(`${arg} needs a value`);
    if (VALUED[arg].many) (opts[arg] ??= []).push(value);
    else opts[arg] = value;
  } else if (arg.startsWith('-')) {
    fail(`unknown argument ${arg} (electron-builder's fpm call changed: update this stand-in)`);
  } else if (arg.includes('=')) {
    const at = arg.lastIndexOf('=');
    mappings.push([arg.slice(0, at), arg.slice(at + 1)]);
  } else {
    fail(`unexpected argument ${arg}`);
  }
}
if (opts['-s'] !== 'dir') fail(`source type ${opts['-s']}: only dir`);
if (opts['-t'] !== 'deb') fail(`target ${opts['-t']}: this stand-in builds only deb`);
for (const key of ['--name', '--version', '--architecture', '--package', '--maintainer']) {
  if (!opts[key]) fail(`${key} is missing`);
}

const root = mkdtempSync(join(tmpdir(), 'stand-in-fpm-'));
try {
  // mkdtemp makes it 0700; the package's root entry must read like every other folder (fpm: 0755).
  chmodSync(root, 0o755);
  for (const [src, dst] of mappings) {
    const target = join(root, dst);
    if (src.endsWith('/')) {
      cpSync(src, target, { recursive: true, verbatimSymlinks: true });
    } else {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(src, target);
    }
  }
  const installedKiB = Number(
    execFileSync('du', ['-sk', '--apparent-size', root], { encoding: 'utf8' }).split('\t')[0],
  );
  const [synopsis, ...rest] = (opts['--description'] ?? opts['--name']).split('\n');
  const version = opts['--iteration'] ? `${opts['--version']}-${opts['--iteration']}` : opts['--version'];
  const fields = [
    ['Package', opts['--name']],
    ['Version', version],
    ['License', opts['--license']],
    ['Vendor', opts['--vendor']],
    ['Architecture', opts['--architecture']],
    ['Maintainer', opts['--maintainer']],
    ['Installed-Size', String(installedKiB)],
    ['Depends', opts['-d']?.join(', ')],
    ['Recommends', opts['--deb-recommends']?.join(', ')],
    ['Section', opts['--category'] ?? 'default'],
    ['Priority', opts['--deb-priority'] ?? 'optional'],
    ['Homepage', opts['--url']],
    ['Description', [synopsis.trim(), ...rest.map((line) => ` ${line.trim() || '.'}`)].join('\n')],
  ];
  const control = fields
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  mkdirSync(join(root, 'DEBIAN'));
  writeFileSync(join(root, 'DEBIAN', 'control'), `${control}\n`);
  for (const [flag, name] of [
    ['--after-install', 'postinst'],
    ['--after-remove', 'postrm'],
  ]) {
    if (!opts[flag]) continue;
    copyFileSync(opts[flag], join(root, 'DEBIAN', name));
    chmodSync(join(root, 'DEBIAN', name), 0o755);
  }
  const compression = opts['--deb-compression'] ?? 'xz';
  execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', root, opts['--package']], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
