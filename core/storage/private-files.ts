// The data folder as untrusted input: files in it are opened without following a symlink (where the
// OS can: O_NOFOLLOW, absent on Windows), only when they are regular files (a FIFO or a device planted
// under a history name is refused, never waited on or read forever), read up to a size cap, written
// through random exclusive temp names, and created private to the user (folders 0700, files 0600).

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';

/** Mode of folders the app creates. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of files the app creates. */
export const PRIVATE_FILE_MODE = 0o600;

// Feature-detected: Windows has neither flag (and no symlinks a user can plant without privileges).
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// Opening a FIFO for reading waits for a writer unless non-blocking; regular files ignore the flag.
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Why a data file was refused: a symlink, not a regular file, or too large. */
export class UnsafeFileError extends Error {
  readonly code = 'WHY500_UNSAFE_FILE';
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

/** Opens `path` with `flags` (never following a symlink) and checks it is a regular file. */
function openRegular(path: string, flags: number, mode?: number): number {
  let fd: number;
  try {
    fd = openSync(path, flags | NOFOLLOW | NONBLOCK, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafeFileError(`${path} is a symbolic link; not followed`);
    throw err;
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new UnsafeFileError(`${path} is not a regular file`);
  }
  return fd;
}

/** Creates a folder (and its parents) private to the user; an existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Reads a regular file of at most `maxBytes`. Throws ENOENT when missing, and {@link UnsafeFileError}
 * for a symlink, a FIFO, a device or a file over the cap (read no further than the cap).
 */
export function readPrivateFile(path: string, maxBytes: number): Buffer {
  const fd = openRegular(path, constants.O_RDONLY);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes)
      throw new UnsafeFileError(`${path} is ${size} bytes, over the ${maxBytes}-byte limit; not read`);
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes)
        throw new UnsafeFileError(`${path} grew past the ${maxBytes}-byte limit; not read`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Opens a regular file for appending (created 0600 when missing), never through a symlink. */
export function openPrivateAppend(path: string): number {
  return openRegular(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, PRIVATE_FILE_MODE);
}

/**
 * Replaces `path` with `data`: written to a temp file with a random name, created exclusively (a
 * planted file or symlink of that name makes the write fail, never writes through it), then renamed.
 */
export function writePrivateFile(path: string, data: string): void {
  const tmp = `${path}.tmp-${randomBytes(8).toString('hex')}`;
  const fd = openSync(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
    PRIVATE_FILE_MODE,
  );
  try {
    writeSync(fd, data);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

/**
 * Checks, before a library opens it, that `path` is missing or a regular file (not a symlink, FIFO or
 * device) of at most `maxBytes`; throws {@link UnsafeFileError} otherwise.
 */
export function checkPrivateFile(path: string, maxBytes: number): void {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (stat.isSymbolicLink()) throw new UnsafeFileError(`${path} is a symbolic link; not followed`);
  if (!stat.isFile()) throw new UnsafeFileError(`${path} is not a regular file`);
  if (stat.size > maxBytes)
    throw new UnsafeFileError(`${path} is ${stat.size} bytes, over the ${maxBytes}-byte limit; not read`);
}
