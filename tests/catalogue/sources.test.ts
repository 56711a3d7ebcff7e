// SOURCES.md beside the catalogue holds a row for every service and fact, with the same date as the data.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../shared/catalogue/catalogue';

const FACTS = ['site', 'endpoints', 'status', 'cdn', 'auth'] as const;

/** SOURCES.md's table rows as trimmed cells (prettier pads the columns). */
const sourceRows = readFileSync(new URL('../../shared/catalogue/SOURCES.md', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('|'))
  .map((line) =>
    line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe('shared/catalogue/SOURCES.md', () => {
  it.each(catalogue().services.map((s) => [s.id, s] as const))('has a dated row per fact of %s', (id, s) => {
    for (const fact of FACTS) {
      const row = sourceRows.find((cells) => cells[0] === id && cells[1] === fact);
      expect(row, `SOURCES.md row for ${id} ${fact}`).toBeDefined();
      expect(row?.[4]).toBe(s.sources[fact].date);
    }
  });

  it("lists each front vendor's status page", () => {
    for (const vendor of catalogue().vendors) {
      expect(sourceRows.some((cells) => cells[0] === vendor.id && cells[1] === vendor.statusPage)).toBe(true);
    }
  });
});
