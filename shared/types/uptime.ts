// Uptime over the stored rounds: per window (24 h, 7 d, 30 d) the time watched, the time failing and
// the rounds behind them, and the last rounds as a heartbeat strip.

/** One uptime window, measured over the rounds stored in it. */
export interface UptimeWindow {
  /** The window's name, e.g. `24 h`. */
  label: string;
  /** Its length, ms. */
  spanMs: number;
  /** Time covered by rounds (each round covers until the next, within a gap limit), ms. */
  watchedMs: number;
  /** Of `watchedMs`, the time covered by failing rounds, ms. */
  failingMs: number;
  rounds: number;
  failedRounds: number;
}

/** One round in the heartbeat strip. */
export interface Beat {
  /** When the round started (ISO-8601). */
  at: string;
  /** Probes of the watched service in the round, and how many of them failed. */
  probes: number;
  failed: number;
}

/** Uptime of one target. */
export interface UptimeSummary {
  target: string;
  /** When it was computed (ISO-8601). */
  at: string;
  windows: UptimeWindow[];
  /** The last rounds, oldest first. */
  heartbeat: Beat[];
  /** How long rounds are kept, ms: windows longer than this can only be partly watched. */
  keptMs: number;
}
