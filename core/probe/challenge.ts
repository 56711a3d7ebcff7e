// Recognises bot-protection challenge pages (Cloudflare's "Just a moment..." interstitial): the probe
// could not see the real page, which is neither an outage nor a permission error.

/** Statuses Cloudflare serves its challenge pages with. */
const CHALLENGE_STATUSES = new Set([403, 429, 503]);

/**
 * True when the response is a bot-protection challenge: `cf-mitigated: challenge` (Cloudflare) or
 * `x-amzn-waf-action: challenge`/`captcha` (AWS WAF in front of CloudFront, which answers 202) on any status,
 * or a 403/429/503 page titled "Just a moment..." or loading `/cdn-cgi/challenge-platform/` scripts.
 * `headers` has lower-cased names; `bodyStart` is the start of the body as text.
 */
export function isChallenge(status: number, headers: Record<string, string>, bodyStart: string): boolean {
  if (
    (headers['cf-mitigated'] ?? '')
      .toLowerCase()
      .split(/[\s,]+/)
      .includes('challenge')
  )
    return true;
  if (/^(challenge|captcha)$/i.test((headers['x-amzn-waf-action'] ?? '').trim())) return true;
  if (!CHALLENGE_STATUSES.has(status)) return false;
  return (
    /<title>\s*just a moment\.{3}\s*<\/title>/i.test(bodyStart) ||
    bodyStart.includes('/cdn-cgi/challenge-platform/')
  );
}
