// A one-line progress display on stderr for the waits of `diagnose` and `watch`: what is being checked and
// how long is left, redrawn in place every second and cleared before any result is printed. Only on a
// terminal (never in a pipe, nor with --json), so scripted output stays clean.

import { formatDuration } from '../shared/vocabulary/time';

/** Erases the current terminal line and returns to its start. */
const ERASE_LINE = '\r\x1b[2K';

/** How often the line is redrawn, ms. */
const TICK_MS = 1000;

/** The progress line of one command. */
export class ProgressLine {
  private text: string | null = null;
  private endsAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /**
   * `write` is the raw stderr (our own words only: no remote text is ever shown here); `enabled` is
   * false in a pipe or with --json, and then nothing is ever written.
   */
  constructor(
    private readonly write: (text: string) => void,
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shows `text`, with the time left until `endsAt` (epoch ms) when given, kept up to date. */
  show(text: string, endsAt: number | null = null): void {
    if (!this.enabled) return;
    this.text = text;
    this.endsAt = endsAt;
    this.draw();
    if (!this.timer) {
      this.timer = setInterval(() => this.draw(), TICK_MS);
      this.timer.unref?.();
    }
  }

  /** Removes the line (before a result or a message is printed, and at the end). */
  clear(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.enabled && this.text !== null) this.write(ERASE_LINE);
    this.text = null;
  }

  /** The line as drawn now (for tests). */
  current(): string | null {
    if (this.text === null) return null;
    if (this.endsAt === null) return this.text;
    const left = Math.max(0, this.endsAt - this.now());
    return `${this.text} — at most ${formatDuration(left)} left`;
  }

  private draw(): void {
    const line = this.current();
    if (line !== null) this.write(`${ERASE_LINE}${line}`);
  }
}
