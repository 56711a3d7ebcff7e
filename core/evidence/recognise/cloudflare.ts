// Cloudflare: its own error pages (`cf-error-details` markup, "Error code NNN"), the plain-text
// `error code: NNNN` bodies it sends non-browser clients, bot challenges and the Waiting Room.

import { header, jsonObject, title } from './read';
import { found, type Meaning, type Recogniser, type ResponseView } from './types';

/** What each Cloudflare error code means (1xxx: the edge's own refusals; 5xx: the origin behind it). */
const CODES: Record<string, Meaning> = {
  '1000': 'origin-error',
  '1001': 'origin-unreachable',
  '1002': 'origin-error',
  '1003': 'firewall-block',
  '1004': 'origin-error',
  '1005': 'ip-ban',
  '1006': 'ip-ban',
  '1007': 'ip-ban',
  '1008': 'ip-ban',
  '1009': 'geo-block',
  '1010': 'bot-check',
  '1011': 'firewall-block',
  '1012': 'firewall-block',
  '1014': 'origin-error',
  '1015': 'rate-limited',
  '1016': 'origin-unreachable',
  '1018': 'origin-unreachable',
  '1019': 'app-crash',
  '1020': 'firewall-block',
  '1101': 'app-crash',
  '1102': 'app-crash',
  '1104': 'origin-error',
  '1200': 'rate-limited',
  '500': 'origin-error',
  '502': 'origin-error',
  '503': 'origin-unreachable',
  '504': 'origin-timeout',
  '520': 'origin-error',
  '521': 'origin-unreachable',
  '522': 'origin-timeout',
  '523': 'origin-unreachable',
  '524': 'origin-timeout',
  '525': 'origin-tls',
  '526': 'origin-tls',
  '527': 'origin-error',
  '530': 'origin-unreachable',
};

const CHALLENGE_BODY =
  /<title>\s*just a moment\.\.\.\s*<\/title>|\/cdn-cgi\/challenge-platform\/|\bcf-chl-|challenges\.cloudflare\.com|id="cf-captcha-container"/i;

/** The error code a Cloudflare-made page or plain-text body shows, or null. */
function errorCode(r: ResponseView): string | null {
  const text = r.body.trim();
  const plain = /^error code: (\d{3,4})$/i.exec(text);
  if (plain?.[1]) return plain[1];
  // The JSON form (RFC 9457 problem details) sent to clients that ask for JSON.
  const json = jsonObject(r);
  if (json?.cloudflare_error === true && typeof json.error_code === 'number') return String(json.error_code);
  const head = r.body.slice(0, 32_768);
  if (
    !/id="cf-error-details"|id="cf-wrapper"|class="cf-error-code"|cf-error-type|class="cf-error-title"|class="cf-code-label"/i.test(
      head,
    )
  )
    return null;
  const m =
    /class="cf-error-code"[^<>]{0,200}>\s*(\d{3,4})/i.exec(head) ??
    /data-translate="error">\s*Error\s*<\/span>\s*<span[^<>]{0,200}>\s*(\d{3,4})/i.exec(head) ??
    /Error code\s*(?:<span[^<>]{0,200}>\s*)?(\d{3,4})/i.exec(head) ??
    /\|\s*(\d{3,4}):/.exec(title(head)) ??
    /\bError\s+(\d{3,4})\b/.exec(head);
  return m?.[1] ?? null;
}

function isWaitingRoom(r: ResponseView): boolean {
  if (Object.keys(r.headers).some((n) => /waiting-?room/.test(n))) return true;
  const json = jsonObject(r);
  if (json && typeof json.cfWaitingRoom === 'object' && json.cfWaitingRoom !== null) return true;
  return (
    /waiting room powered by cloudflare/i.test(title(r.body)) ||
    /\bcf-waiting-room\b/i.test(r.body.slice(0, 32_768))
  );
}

/** Cloudflare (CDN, firewall, bot management, Waiting Room). */
export const cloudflare = {
  id: 'cloudflare',
  name: 'Cloudflare',
  recognise(r) {
    const fromCloudflare = header(r, 'server') === 'cloudflare' || 'cf-ray' in r.headers;
    if (
      header(r, 'cf-mitigated')
        .split(/[\s,]+/)
        .includes('challenge')
    )
      return found(this, 'cdn', 'bot-check');
    if ([403, 429, 503].includes(r.status) && CHALLENGE_BODY.test(r.body.slice(0, 32_768)))
      return found(this, 'cdn', 'bot-check');
    if (isWaitingRoom(r)) return found(this, 'queue', 'queue');
    const code =
      errorCode(r) ?? // 520–527 are Cloudflare's own codes; 530 only with its marks.
      ((r.status >= 520 && r.status <= 527) || (fromCloudflare && r.status === 530)
        ? String(r.status)
        : null);
    if (!code) return null;
    const meaning = CODES[code];
    if (!meaning) return r.status >= 400 ? found(this, 'cdn', 'origin-error', code) : null;
    return found(this, 'cdn', meaning, code);
  },
} satisfies Recogniser;
