// The one error type the CLI turns into exit code 2 and a single line on stderr.

/** Bad usage or bad configuration: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
