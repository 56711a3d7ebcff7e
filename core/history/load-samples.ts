// Reading one samples segment back into the sample columns: rows in the writer's shape are scanned in
// place, anything else goes through JSON.parse and the same checks.

import { isSampleRow, isSeriesDef } from './codec';
import { RowScanner } from './row-scan';
import type { SampleStore } from './sample-store';

/**
 * Loads one samples segment's bytes into `store`, keeping samples taken at or after `cutoff`; calls
 * `onCorrupt` once per corrupt, torn or foreign line. Returns the samples kept.
 */
export function loadSampleSegment(
  bytes: Buffer,
  cutoff: number,
  store: SampleStore,
  onCorrupt: () => void,
): number {
  const series = new Map<number, number>();
  let kept = 0;
  const take = (v: unknown): void => {
    if (isSampleRow(v)) {
      const id = series.get(v[1]);
      if (id === undefined) onCorrupt();
      else if (v[0] >= cutoff) {
        store.pushValues(v[0], id, v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        kept++;
      }
    } else if (isSeriesDef(v)) {
      series.set(v.series, store.seriesFor(v.target, v.name, v.path));
    } else {
      onCorrupt();
    }
  };
  // Rows in the shape the writer makes are read in place (no JSON.parse, no array per line); any
  // other line (series definitions, torn or foreign lines) goes through JSON.parse and the same checks.
  const scanner = new RowScanner();
  let start = 0;
  while (start < bytes.length) {
    let end = scanner.scan(bytes, start);
    if (end >= 0) {
      take(scanner.row);
    } else {
      end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      if (end > start) take(parseOrNull(bytes.toString('utf8', start, end)));
    }
    start = end + 1;
  }
  return kept;
}

function parseOrNull(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
