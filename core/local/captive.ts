// Captive-portal check: asks a "no content" control (one that must answer 204 with an empty body, such
// as Google's generate_204) over plain HTTP, without following redirects. A redirect or a page with
// content means a Wi-Fi sign-in page is answering in its place.

import { cleanText } from '../../shared/text/sanitize';
import { errorWord, fault, verdict, type LocalCheck } from './check';
import { smallRequest } from './fetch';
import { isFailure, type ProbeResult } from '../../shared/types/probe';

/** True for a control URL that must answer 204 with an empty body. */
export function isNoContentUrl(url: string): boolean {
  try {
    return /(^|[/_-])204$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Why a control's answer shows a sign-in page in its place, or null: it was sent to another host (the
 * redirect was followed and looked like success), or a "no content" address answered with content.
 */
export function interceptedControl(p: ProbeResult): string | null {
  if (p.path !== 'control' || isFailure(p.outcome)) return null;
  if (p.redirects > 0 && hostOf(p.finalUrl) !== hostOf(p.url)) return 'an unrelated site was sent elsewhere';
  if (isNoContentUrl(p.url) && p.status !== 204) return 'a "no content" address answered with content';
  return null;
}

/**
 * The URL to ask: the control itself, over plain HTTP when it uses the default HTTPS port (sign-in
 * pages intercept plain HTTP; over HTTPS they only break the handshake).
 */
export function plainUrl(url: string): string {
  const u = new URL(url);
  if (u.protocol === 'https:' && u.port === '') u.protocol = 'http:';
  return u.toString();
}

function titleOf(html: string): string | null {
  const m = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(html);
  return m?.[1] ? cleanText(m[1], 60) : null;
}

/** See the file header. */
export const captiveCheck: LocalCheck = {
  id: 'captive',
  async run(context) {
    const control = context.controls.find(isNoContentUrl);
    if (!control)
      return verdict('skipped', 'No control is a "no content" (204) address to test for a sign-in page');
    const url = plainUrl(control);
    const host = new URL(url).host;
    let answer;
    try {
      answer = await smallRequest(url, context);
    } catch (err) {
      return verdict(
        'inconclusive',
        `The “no content” address ${host} did not answer (${errorWord(err)})`,
        1,
        { host },
      );
    }
    const facts: Record<string, string | number | null> = { host, status: answer.status };
    if (answer.status === 204 && answer.body.length === 0) {
      return verdict(
        'ok',
        `The “no content” address ${host} answered 204 with nothing, as it should: no sign-in page is in the way`,
        1,
        facts,
      );
    }
    if (answer.status >= 300 && answer.status < 400) {
      const location = answer.headers.location;
      let to: string | null = null;
      try {
        to = location ? cleanText(new URL(location, url).host, 60) : null;
      } catch {
        to = null;
      }
      facts.redirectHost = to;
      return fault(
        'captive-redirect',
        `A sign-in page is intercepting: the “no content” address ${host} sent you to ${to ?? 'another page'} (${answer.status}) instead of answering 204`,
        1,
        facts,
      );
    }
    if (answer.status === 200 && answer.body.trim().length > 0) {
      const title = titleOf(answer.body);
      facts.title = title;
      return fault(
        'captive-page',
        `A sign-in page is intercepting: the “no content” address ${host} answered with a page${title ? ` titled “${title}”` : ''} (200) instead of 204`,
        1,
        facts,
      );
    }
    return verdict(
      'inconclusive',
      `The “no content” address ${host} answered ${answer.status} instead of 204`,
      1,
      facts,
    );
  },
};
