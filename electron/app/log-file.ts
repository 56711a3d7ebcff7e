// The app's log file, `why500.log` in the user-data folder: a packaged app has no console, so this is
// where its log lines (already redacted by their callers) and a failed start end up. It is kept
// small: past LOG_FILE_MAX_BYTES the file moves to `why500.old.log` and a new one starts.

import { closeSync, lstatSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makePrivateDir, openPrivateAppend } from '../../core/storage/private-files';

/** The log file's name in the user-data folder. */
export const LOG_FILE_NAME = 'why500.log';

/** Size at which the log moves aside to `why500.old.log`. */
export const LOG_FILE_MAX_BYTES = 1_000_000;

/** Appends time-stamped lines to the log file; never throws (a log must not break the app). */
export class LogFile {
  /** The file's full path (what README and the error box point to). */
  readonly path: string;

  constructor(
    userDataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = join(userDataDir, LOG_FILE_NAME);
  }

  /** Appends one line; false when it could not be written. */
  append(line: string): boolean {
    try {
      makePrivateDir(dirname(this.path));
      if (sizeOf(this.path) > LOG_FILE_MAX_BYTES) {
        renameSync(this.path, this.path.replace(/\.log$/, '.old.log'));
      }
      // Never through a symlink planted under the log's name; created 0600.
      const fd = openPrivateAppend(this.path);
      try {
        writeSync(fd, `${this.now().toISOString()} ${line.replace(/\s+/g, ' ')}\n`);
      } finally {
        closeSync(fd);
      }
      return true;
    } catch {
      return false;
    }
  }
}

function sizeOf(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}
