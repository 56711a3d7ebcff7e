// Removes secrets from any text before it leaves the main process (logs, errors, notifications, reports).

/** What a removed secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Replaces every known secret, and the credential in any "Authorization: <scheme> <value>" or
 * "Token <value>" header text, with `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(/(authorization["']?\s*[:=]\s*["']?[A-Za-z][\w.-]*\s+)[^\s"',;]+/gi, `$1${REDACTED}`)
    .replace(/\b(Token|Bearer)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
}

/** One line, at most `max` characters, secrets removed: the shape of every error the app shows. */
export function oneLine(text: string, secrets: readonly string[], max = 300): string {
  const line = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
