// Where the CLI writes: stdout for results, stderr for problems, both passed through the redactor so
// no known token, Authorization value, cookie or URL credential is ever printed, and through the
// terminal guard so no escape sequence, bell or lone CR from remote text ever reaches the terminal.

import { writeSync } from 'node:fs';
import { createRedactor, redactValue, type Redactor } from '../core/report/redact';
import { UNSAFE_CHAR } from '../shared/text/sanitize';

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

/** Control and invisible characters other than tab and line feed (a CR too: CRLF is handled first). */
const TERMINAL_UNSAFE = new RegExp(UNSAFE_CHAR.source, 'g');

const hex = (ch: string): string => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
/** `\uXXXX`, or `\u{XXXXX}` for a character past U+FFFF (a tag character). */
const visible = (ch: string): string => {
  const code = ch.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${hex(ch)}`;
};

/**
 * Text made safe for a terminal: CRLF becomes LF, and any other control character (ESC, BEL, a lone
 * CR, C1 controls, bidi overrides, zero-width characters) is shown as a visible `\uXXXX` instead of acting.
 * Tab and line feed pass.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(TERMINAL_UNSAFE, visible);
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal may act on (C1 controls, bidi
 * and invisible characters, line separators) written as `\uXXXX` escapes: the same JSON value.
 */
export function terminalSafeJson(json: string): string {
  // Each UTF-16 unit of its own, so an astral match (a tag character) stays a valid surrogate pair.
  return json.replace(TERMINAL_UNSAFE, (ch) =>
    ch
      .split('')
      .map((unit) => `\\u${hex(unit).toLowerCase()}`)
      .join(''),
  );
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

/**
 * The process's stdout and stderr written with `fs.writeSync`, for the answers the bin gives before the
 * rest of the CLI loads (help, version, usage mistakes): a few lines need no stream objects set up.
 */
export function directIo(): CliIo {
  return { stdout: (text) => writeDirect(1, text), stderr: (text) => writeDirect(2, text), env: process.env };
}

function writeDirect(fd: 1 | 2, text: string): void {
  let rest = Buffer.from(text);
  try {
    while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The reader went away (`why500 --help | head`): stop quietly, as processIo does.
    if (code === 'EPIPE') return;
    // A non-blocking pipe that is full: the stream waits for it to drain.
    if (code === 'EAGAIN') (fd === 1 ? process.stdout : process.stderr).write(rest);
    else throw err;
  }
}

/** Redacting, terminal-safe writers over a CliIo. */
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
    this.io.stdout(`${terminalSafe(this.redact(text))}\n`);
  }

  /** Writes a value as one line of JSON, every string in it redacted. */
  json(value: unknown): void {
    this.io.stdout(`${terminalSafeJson(JSON.stringify(redactValue(value, this.redact)))}\n`);
  }

  /** Writes already-rendered text as is after redaction (no newline added). */
  raw(text: string): void {
    this.io.stdout(terminalSafe(this.redact(text)));
  }

  /**
   * Writes the CLI's own text (a help text, the version) as is, terminal-guarded but not searched for
   * secrets: it holds none, and the search would cost more than the rest of `why500 --help`.
   */
  ownText(text: string): void {
    this.io.stdout(terminalSafe(text));
  }

  /** Writes already-rendered text to stderr after redaction (no newline added). */
  rawError(text: string): void {
    this.io.stderr(terminalSafe(this.redact(text)));
  }

  /** Writes one line to stderr, redacted. */
  error(text: string): void {
    this.io.stderr(`${terminalSafe(this.redact(text))}\n`);
  }

  /** The redactor in use (for callers that render text themselves). */
  get redactor(): Redactor {
    return this.redact;
  }
}
