// Tests of the app's log file: time-stamped lines in the user-data folder, moved aside when large.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_FILE_MAX_BYTES, LogFile } from './log-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'why500-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('log file', () => {
  it('appends one time-stamped line per call to why500.log, creating the folder', () => {
    const log = new LogFile(join(dir, 'userData'), () => new Date('2026-12-01T15:00:00.000Z'));
    expect(log.path).toBe(join(dir, 'userData', 'why500.log'));
    expect(log.append('first')).toBe(true);
    expect(log.append('second\nline')).toBe(true);
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2026-12-01T15:00:00.000Z first\n2026-12-01T15:00:00.000Z second line\n',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'creates the folder 0700 and the log 0600, and never appends through a symlink planted under its name',
    () => {
      const log = new LogFile(join(dir, 'userData'));
      expect(log.append('first')).toBe(true);
      expect(statSync(join(dir, 'userData')).mode & 0o777).toBe(0o700);
      expect(statSync(log.path).mode & 0o777).toBe(0o600);
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious\n');
      rmSync(log.path);
      symlinkSync(victim, log.path);
      expect(log.append('second')).toBe(false);
      expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    },
  );

  it('moves a full log aside to why500.old.log and starts a new one', () => {
    const log = new LogFile(dir);
    writeFileSync(log.path, 'x'.repeat(LOG_FILE_MAX_BYTES + 1));
    log.append('fresh');
    expect(readFileSync(join(dir, 'why500.old.log'), 'utf8')).toHaveLength(LOG_FILE_MAX_BYTES + 1);
    expect(readFileSync(log.path, 'utf8')).toMatch(/ fresh\n$/);
  });

  it('answers false instead of throwing when it cannot write', () => {
    writeFileSync(join(dir, 'file'), '');
    const log = new LogFile(join(dir, 'file', 'sub'));
    expect(log.append('lost')).toBe(false);
    expect(existsSync(log.path)).toBe(false);
  });
});
