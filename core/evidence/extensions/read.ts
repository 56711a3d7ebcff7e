// Bounded, never-throwing file reads for the extension scanner: a budget of files, a size cap per
// file, and null for anything unreadable or unparsable.

import { readFile, readdir, stat } from 'node:fs/promises';

/** How many files the scan may still read. */
export interface ReadBudget {
  filesLeft: number;
}

/** Reads and parses a JSON file no bigger than `maxBytes`; null when missing, too big, unreadable or not JSON. */
export async function readJson(file: string, budget: ReadBudget, maxBytes = 1024 * 1024): Promise<unknown> {
  if (budget.filesLeft <= 0) return null;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > maxBytes) return null;
    budget.filesLeft--;
    const text = await readFile(file, 'utf8');
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return null;
  }
}

/** Reads a small text file; null on any problem. */
export async function readText(
  file: string,
  budget: ReadBudget,
  maxBytes = 256 * 1024,
): Promise<string | null> {
  if (budget.filesLeft <= 0) return null;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > maxBytes) return null;
    budget.filesLeft--;
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Names of the sub-folders of a folder (at most `max`); empty on any problem. */
export async function subdirs(dir: string, max = 500): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .slice(0, max);
  } catch {
    return [];
  }
}

/** True when the path exists (file or folder). */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A plain object view of parsed JSON, or an empty object. */
export function asRecord(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** An array view of parsed JSON, or an empty array. */
export function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}
