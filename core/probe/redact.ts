// Removes the user's credential from any text a probe returns (error, body, headers, URL), in every
// spelling the report's redactor knows (raw, URL-encoded, JSON-escaped, Base64).

import { REDACTED, secretForms } from '../report/redact';

/**
 * A function that replaces every occurrence of the Authorization value, and of its credential part
 * (the text after the scheme, e.g. the token in `Token abc…`), with `[redacted]`.
 */
export function makeRedactor(authorization: string | undefined): (text: string) => string {
  if (!authorization) return (text) => text;
  const credential = authorization.trim().split(/\s+/).slice(1).join(' ');
  const forms = secretForms([authorization, credential]);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}
