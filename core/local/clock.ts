// Clock check: this computer's clock against the `Date` header of the target and the controls. A clock
// more than a few minutes off, together with certificates refused as "not yet valid" or "expired" on
// several sites, means the clock is what breaks HTTPS.

import { isFailure } from '../../shared/types/probe';
import { skewWords } from '../../shared/local/words';
import { errorWord, fault, newestProbes, siteOf, verdict, type LocalCheck } from './check';
import { smallRequest } from './fetch';

/** Past this, seconds, the clock counts as off. */
const CLOCK_OFF_SECONDS = 5 * 60;

const DATE_CODES = /\((CERT_NOT_YET_VALID|CERT_HAS_EXPIRED)\)$/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** See the file header. */
export const clockCheck: LocalCheck = {
  id: 'clock',
  async run(context) {
    const probes = newestProbes(context).filter((p) => p.path !== 'alternate');
    const skews: number[] = [];
    const dateHosts = new Set<string>();
    const httpsHosts = new Set<string>();
    for (const p of probes) {
      const host = siteOf(p.url) ?? p.url;
      if (p.url.startsWith('https:')) httpsHosts.add(host);
      if (p.outcome === 'tls-cert' && DATE_CODES.test(p.error ?? '')) dateHosts.add(host);
      const date = Date.parse(p.headers.date ?? '');
      if (!Number.isNaN(date)) skews.push((date - Date.parse(p.at)) / 1000);
    }
    let requests = 0;
    if (skews.length === 0) {
      // Nothing answered with a date (HTTPS refused everywhere): ask the site once, certificate unchecked.
      requests = 1;
      const started = context.now().getTime();
      try {
        const answer = await smallRequest(context.target.site, context, { method: 'HEAD', verify: false });
        const date = Date.parse(String(answer.headers.date ?? ''));
        if (!Number.isNaN(date)) skews.push((date - started) / 1000);
        if (answer.tlsError === 'CERT_NOT_YET_VALID' || answer.tlsError === 'CERT_HAS_EXPIRED') {
          dateHosts.add(siteOf(context.target.site) ?? context.target.site);
        }
      } catch (err) {
        return verdict('inconclusive', `No server told the time (${errorWord(err)})`, requests);
      }
    }
    if (skews.length === 0)
      return verdict('inconclusive', 'No server sent its time (a Date header)', requests);
    const skew = Math.round(median(skews));
    const facts = { skewSeconds: skew, sources: skews.length, certificateDateErrors: dateHosts.size };
    if (Math.abs(skew) <= CLOCK_OFF_SECONDS) {
      return verdict(
        'ok',
        `Your clock agrees with the servers' (within ${Math.max(1, Math.abs(skew))} s)`,
        requests,
        facts,
      );
    }
    const needed = Math.min(2, Math.max(1, httpsHosts.size));
    const failing = probes.some((p) => isFailure(p.outcome));
    if (dateHosts.size >= needed || (failing && skews.length >= 2 && dateHosts.size > 0)) {
      return fault(
        'clock-off',
        `Your computer's clock is ${skewWords(skew)} the servers' (${skews.length} ${skews.length === 1 ? 'server' : 'servers'} told the time), and ${dateHosts.size} ${dateHosts.size === 1 ? 'site' : 'sites'} refused as “not yet valid” or “expired”`,
        requests,
        facts,
      );
    }
    return verdict(
      'inconclusive',
      `Your computer's clock is ${skewWords(skew)} the servers', but no certificate was refused for it`,
      requests,
      facts,
    );
  },
};
