// Daily segment files on disk: `samples-YYYY-MM-DD.jsonl` and `events-YYYY-MM-DD.jsonl` (UTC days).
// Append-only; retention deletes whole old files, so nothing is ever rewritten in place (no compaction
// to get wrong, and a crash can only ever tear the last line of today's file).

import { closeSync, fstatSync, readdirSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openPrivateAppend, readPrivateFile } from '../storage/private-files';

/**
 * Largest segment file read (a day of samples of a few targets is a few MB); a larger one is refused
 * whole rather than read into memory.
 */
export const MAX_SEGMENT_BYTES = 32 * 1024 * 1024;

/** The two kinds of segment. */
export type SegmentKind = 'samples' | 'events';

const NAME = /^(samples|events)-(\d{4}-\d{2}-\d{2})\.jsonl$/;
const DAY_MS = 86_400_000;

/** The UTC day (YYYY-MM-DD) of an epoch-ms time. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** One segment file found in the directory. */
export interface SegmentFile {
  kind: SegmentKind;
  day: string;
  file: string;
}

/** Lists the segment files of a kind, oldest first (unrelated files are ignored). */
export function listSegments(dir: string, kind: SegmentKind): SegmentFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: SegmentFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (m && m[1] === kind) out.push({ kind, day: m[2]!, file: join(dir, name) });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** True when every record a segment can hold is older than `keepMs` before `nowMs`. */
export function expired(day: string, keepMs: number, nowMs: number): boolean {
  const end = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  return Number.isFinite(end) && end <= nowMs - keepMs;
}

/** Deletes expired segments of a kind; returns how many were deleted. */
export function pruneSegments(dir: string, kind: SegmentKind, keepMs: number, nowMs: number): number {
  let deleted = 0;
  for (const seg of listSegments(dir, kind)) {
    if (!expired(seg.day, keepMs, nowMs)) continue;
    try {
      unlinkSync(seg.file);
      deleted++;
    } catch {
      // Already gone or not ours to delete: the next prune tries again.
    }
  }
  return deleted;
}

/** Calls `line` for every line of a file (the last one may lack its newline: a torn write). */
export function readLines(file: string, line: (text: string) => void): void {
  forEachLine(readSegment(file).toString('utf8'), line);
}

/** A segment's bytes: a regular file (no symlink, FIFO or device) of at most MAX_SEGMENT_BYTES. */
export function readSegment(file: string): Buffer {
  return readPrivateFile(file, MAX_SEGMENT_BYTES);
}

/** Calls `line` for every non-empty line of a text. */
function forEachLine(text: string, line: (text: string) => void): void {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      if (start < text.length) line(text.slice(start));
      return;
    }
    if (end > start) line(text.slice(start, end));
    start = end + 1;
  }
}

/**
 * Appends lines to the day's segment of one kind, keeping the file open between writes. One write per
 * record, so a kill mid-write tears at most that record. When a file is opened and its last byte is not a
 * newline (a torn earlier write), a newline is written first so the torn line stays alone and is skipped.
 */
export class SegmentWriter {
  private fd: number | null = null;
  private day: string | null = null;

  constructor(
    private readonly dir: string,
    private readonly kind: SegmentKind,
  ) {}

  /** Appends one line (no newline in it) to the segment of `day`. Throws on I/O errors. */
  append(day: string, line: string): void {
    if (this.day !== day || this.fd === null) this.open(day);
    writeSync(this.fd!, `${line}\n`);
  }

  /** Closes the open file. */
  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Closing a file we can no longer reach: nothing left to lose.
      }
    }
    this.fd = null;
    this.day = null;
  }

  private open(day: string): void {
    this.close();
    // Never through a symlink planted under today's name, never into a FIFO or device; created 0600.
    const fd = openPrivateAppend(join(this.dir, `${this.kind}-${day}.jsonl`));
    const size = fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) writeSync(fd, '\n');
    }
    this.fd = fd;
    this.day = day;
  }
}
