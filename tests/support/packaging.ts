// Helpers for tests/packaging: a stand-in Electron folder for electron-builder, running a program with a
// bound time and no standard input, and reading what Debian's tools say about a package.

import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Electron's fuse sentinel (@electron/fuses constants.ts), then wire version 1. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's default fuse states, in FuseV1Options order ('1' on, '0' off). */
const DEFAULT_FUSES = '10110001';

/** What a finished program printed, and its exit code. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with no standard input and a time limit, and resolves with its output whatever its
 * exit code (a program killed for its time limit resolves with code -1).
 */
export function runProgram(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { ...options, timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: error && code === -1 ? `${stderr}\n${error.message}` : stderr });
      },
    );
    child.stdin?.end();
  });
}

/** Like {@link runProgram}, but a non-zero exit is an error that carries the output. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<string> {
  const result = await runProgram(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** True when `name` is an executable on PATH. */
export function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Fills `dir` with what electron-builder copies instead of a downloaded Electron: an `electron` file
 * that is not a program but carries a fuse wire in Electron's format (sentinel, version, length, one
 * byte per fuse, set to Electron's defaults), an empty `chrome-sandbox` (the deb's postinst sets its
 * mode), a `version` and Electron's `LICENSE` (from `repo`'s node_modules).
 */
export function standInElectron(dir: string, version: string, repo: string): void {
  const wire = Buffer.concat([
    Buffer.from('stand-in for the Electron binary (tests/packaging)\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(DEFAULT_FUSES),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  chmodSync(join(dir, 'chrome-sandbox'), 0o755);
  writeFileSync(join(dir, 'version'), version);
  copyFileSync(join(repo, 'node_modules', 'electron', 'LICENSE'), join(dir, 'LICENSE'));
}

/** A deb control file's fields (continuation lines joined with newlines). */
export function parseControl(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let last = '';
  for (const line of text.split('\n')) {
    if (/^\s/.test(line) && last) fields[last] += `\n${line.trim()}`;
    else {
      const at = line.indexOf(':');
      if (at <= 0) continue;
      last = line.slice(0, at);
      fields[last] = line.slice(at + 1).trim();
    }
  }
  return fields;
}

/** A desktop entry's `[Desktop Entry]` keys. */
export function parseDesktopEntry(text: string): Record<string, string> {
  const entry: Record<string, string> = {};
  let inMain = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inMain = line.trim() === '[Desktop Entry]';
    else if (inMain && line.includes('=')) {
      const at = line.indexOf('=');
      entry[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return entry;
}

/** Width and height of a PNG file, from its IHDR chunk. */
export function pngSize(file: string): [number, number] {
  const buf = readFileSync(file);
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}
