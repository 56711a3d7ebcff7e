// Where the CLI writes: stdout for results, stderr for problems, both passed through the redactor so
// no known token, Authorization value, cookie or URL credential is ever printed.

import { createRedactor, redactValue, type Redactor } from '../core/report/redact';

/** The streams and environment a command runs with (the real process's, or a test's). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdin is an interactive terminal. */
  stdinIsTTY?: boolean;
  /** Whether stderr is an interactive terminal (progress is shown only then). */
  stderrIsTTY?: boolean;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  // `why500 … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Redacting writers over a CliIo. */
export class Output {
  private redact: Redactor;
  private readonly secrets = new Set<string>();

  constructor(
    private readonly io: CliIo,
    secrets: Iterable<string | null | undefined> = [],
  ) {
    this.redact = createRedactor([]);
    this.addSecrets(secrets);
  }

  /** Adds secrets to remove (e.g. once the config, and so the token variables, are known). */
  addSecrets(secrets: Iterable<string | null | undefined>): void {
    for (const s of secrets) if (s) this.secrets.add(s);
    this.redact = createRedactor(this.secrets);
  }

  /** Writes text to stdout, redacted, with a trailing newline. */
  line(text = ''): void {
    this.io.stdout(`${this.redact(text)}\n`);
  }

  /** Writes a value as one line of JSON, every string in it redacted. */
  json(value: unknown): void {
    this.io.stdout(`${JSON.stringify(redactValue(value, this.redact))}\n`);
  }

  /** Writes already-rendered text as is after redaction (no newline added). */
  raw(text: string): void {
    this.io.stdout(this.redact(text));
  }

  /** Writes already-rendered text to stderr after redaction (no newline added). */
  rawError(text: string): void {
    this.io.stderr(this.redact(text));
  }

  /** Writes one line to stderr, redacted. */
  error(text: string): void {
    this.io.stderr(`${this.redact(text)}\n`);
  }

  /** The redactor in use (for callers that render text themselves). */
  get redactor(): Redactor {
    return this.redact;
  }
}
