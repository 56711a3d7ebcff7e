// Removes the user's credential from any text a probe returns (error, body, headers, URL), in every
// spelling the report's redactor knows (raw, URL-encoded, JSON-escaped, Base64, HTML entities, and
// percent or JSON escapes of any single character).

import { REDACTED, rawSecrets, secretForms } from '../report/redact';
import { redactSpellings } from '../report/spellings';

/**
 * A function that replaces every occurrence of the Authorization value, and of its credential part
 * (the text after the scheme, e.g. the token in `Token abc…`), with `[redacted]`, however escaped.
 * `cut`: the text is the kept start of something longer, so a credential's first part at its very end
 * (an echo straddling the cut) is removed too.
 */
export function makeRedactor(authorization: string | undefined): (text: string, cut?: boolean) => string {
  if (!authorization) return (text) => text;
  const credential = authorization.trim().split(/\s+/).slice(1).join(' ');
  const forms = secretForms([authorization, credential]);
  const raw = rawSecrets([authorization, credential]);
  return (text, cut = false) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return redactSpellings(out, raw, REDACTED, cut);
  };
}
