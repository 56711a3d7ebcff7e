// The shape every benchmark module returns, so `npm run bench` can print one table.

/** One measured figure. */
export interface BenchFigure {
  /** What was measured, e.g. "outage detection delay (median)". */
  name: string;
  value: number;
  unit: string;
  /** The target, in words, e.g. "< 25 s". */
  target?: string;
  /** Whether the figure meets its target (omit when there is none). */
  ok?: boolean;
}

/** A benchmark section: a title, figures, and optional extra lines (tables) to print. */
export interface BenchSection {
  title: string;
  figures: BenchFigure[];
  lines?: string[];
}

/** What each `bench/*.bench.ts` module exports. */
export type BenchModule = { run(): Promise<BenchSection[]> };
