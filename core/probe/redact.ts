// Removes the user's credential from any text a probe returns (error, body, headers, URL).

const MASK = '[redacted]';

/**
 * A function that replaces every occurrence of the Authorization value, and of its credential part
 * (the text after the scheme, e.g. the token in `Token abc…`), with `[redacted]`.
 */
export function makeRedactor(authorization: string | undefined): (text: string) => string {
  if (!authorization) return (text) => text;
  const secrets = [authorization.trim()];
  const credential = authorization.trim().split(/\s+/).slice(1).join(' ');
  if (credential.length >= 4) secrets.push(credential);
  // Longest first, so the full header value is masked before its credential part.
  secrets.sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of secrets) {
      if (secret && out.includes(secret)) out = out.split(secret).join(MASK);
    }
    return out;
  };
}
