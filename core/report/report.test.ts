// Tests of the support report in Markdown and JSON, secrets redacted.

import { describe, it, expect } from 'vitest';
import { renderReport } from './report';
import { sampleDiagnosis, sampleEvidence, sampleInput, sampleProbe } from '../testing/report-inputs';

const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

describe('renderReport (markdown)', () => {
  const md = renderReport(sampleInput(), 'markdown');

  it('states the time window with its time zone, the OS and the app version', () => {
    expect(md).toContain('**Generated:** 2026-11-26 01:06:00 UTC+01:00 (Europe/Berlin)');
    expect(md).toContain(
      '**Observed:** 2026-11-26 01:00:00 UTC+01:00 to 2026-11-26 01:05:00 (Europe/Berlin, 5 min, 10 rounds)',
    );
    expect(md).toContain('**OS:** Linux 6.1 (x64)');
    expect(md).toContain('**App:** why500 0.1.0');
  });

  it('reads as plain text when pasted into a support form: code spans, not backslash escapes', () => {
    const base = sampleInput();
    const text = renderReport(
      {
        ...base,
        target: { ...base.target, name: 'Character.AI' },
        lastRound: {
          ...base.lastRound!,
          probes: [sampleProbe({ outcome: 'tls-cert', error: 'ERR_TLS_CERT_ALTNAME_INVALID' })],
        },
      },
      'markdown',
    );
    expect(text).toContain('# why500 report: `Character.AI`');
    expect(text).toContain('bad certificate `(ERR_TLS_CERT_ALTNAME_INVALID)`');
    expect(text).not.toMatch(/\\[.:_#[\]()-]/);
  });

  it('names the zone once when the times are in UTC', () => {
    const utc = renderReport(sampleInput({ app: { ...sampleInput().app, timeZone: 'UTC' } }), 'markdown');
    expect(utc).toContain('**Generated:** 2026-11-26 00:06:00 UTC\n');
    expect(utc).toContain('**Observed:** 2026-11-26 00:00:00 UTC to 2026-11-26 00:05:00 (5 min, 10 rounds)');
    expect(utc).not.toContain('UTC (UTC)');
  });

  it('gives the verdict, confidence, evidence both ways and the next step', () => {
    expect(md).toContain('Example is down, most likely because of too much traffic on their servers.');
    expect(md).toContain(
      "**Overload**: the servers are overwhelmed by traffic. It leads with 82% of the model's weight.",
    );
    expect(md).toContain('- Error rate rose to 45% while latency tripled.');
    expect(md).toContain('### Evidence against Overload');
    expect(md).toContain('- No Retry-After was sent.');
    expect(md).toContain('**Next step:** Set an alternate path to test whether this is regional.');
    expect(md).toContain('### Runner-up: Regional outage (10%)');
    expect(
      md.match(
        /^\| (Overload|Bad update|Account or session|Regional outage|Maintenance|Browser extension|Server permissions|Your own connection|Working normally) \|/gm,
      ),
    ).toHaveLength(9);
  });

  it('lists what was tried and what was observed: probes table, status page word, events', () => {
    expect(md).toContain('- Probed 2 endpoints every 30 s for 5 min');
    expect(md).toContain('| health | direct | 503 | server error | 0.4 | 1.3 | 4.6 | 150 | 151 | FRA |');
    expect(md).toContain('| site | direct | 200 | ok |');
    expect(md).toContain('No status information: the status page is inactive (its API needs a key).');
    expect(md).toMatch(/- 2026-11-26 01:01:00 UTC\+01:00: \*\*down\*\*: Example is down/);
  });

  it('names the leaders of an unknown verdict, every other likely cause, and stale status items with dates', () => {
    const base = sampleDiagnosis();
    const evidence = sampleEvidence();
    const d = {
      ...base,
      verdict: 'unknown' as const,
      confidence: 0.5,
      ranking: base.ranking.map((r) =>
        r.cause === 'overload'
          ? { ...r, probability: 0.5 }
          : r.cause === 'regional'
            ? { ...r, probability: 0.3 }
            : r,
      ),
      evidence: {
        ...evidence,
        statusPage: {
          ...evidence.statusPage,
          staleItems: [
            { kind: 'maintenance-overrun' as const, name: 'DB move', at: '2021-03-03T22:30:00.000Z' },
          ],
        },
      },
    };
    const text = renderReport(sampleInput({ diagnosis: d }), 'markdown');
    expect(text).toContain('**Unknown — Overload 50%, Regional outage 30%**');
    expect(text).toContain('planned to end 3 Mar 2021, 22:30 UTC');
  });

  it('falls back to UTC for an unknown time zone', () => {
    const out = renderReport(
      sampleInput({ app: { name: 'why500', version: '1', os: 'x', timeZone: 'Mars/Olympus' } }),
      'markdown',
    );
    expect(out).toContain('**Generated:** 2026-11-26 00:06:00 UTC\n');
  });

  it('redacts secrets wherever they appear in the input', () => {
    const input = sampleInput();
    input.tried.push(`Compared with a token (${TOKEN})`);
    input.lastRound!.probes.push(
      sampleProbe({
        name: 'user',
        auth: true,
        url: `https://api.example.test/user?token=${TOKEN}&x=1`,
        error: `server echoed Authorization: Token ${TOKEN}`,
        outcome: 'http-4xx',
        status: 401,
        reason: `Bad token ${TOKEN}`,
      }),
    );
    input.recentEvents[0]!.summary = `cookie: __cf_bm=${TOKEN}`;
    const out = renderReport(input, 'markdown', { secrets: [TOKEN] });
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('?token=[redacted]&x=1');
    expect(out).toContain('| user (with token) | direct | 401 |');
    const json = renderReport(input, 'json', { secrets: [TOKEN] });
    expect(json).not.toContain(TOKEN);
    expect(json).toContain('"reason": "Bad token [redacted]"');
  });

  it('works with nothing observed yet', () => {
    const out = renderReport(
      sampleInput({
        diagnosis: null,
        lastRound: null,
        status: null,
        statusReading: null,
        recentEvents: [],
        tried: [],
      }),
      'markdown',
    );
    expect(out).toContain('No diagnosis has been made yet.');
    expect(out).toContain('No probe round has run yet.');
    expect(out).toContain('No status page is configured.');
    expect(out).toContain('- Nothing recorded.');
  });
});

describe('renderReport (json)', () => {
  it('holds the diagnosis contract and the context, without probe bodies', () => {
    const json = JSON.parse(renderReport(sampleInput(), 'json')) as {
      diagnosis: object;
      app: object;
      window: object;
      lastRound: { probes: { timings: { total: number } }[] };
      events: unknown[];
    };
    expect(Object.keys(json.diagnosis)).toEqual([
      'target',
      'verdict',
      'confidence',
      'ranking',
      'nextStep',
      'observedFrom',
      'observedTo',
      'evidence',
      'localCause',
      'notChecked',
    ]);
    expect(json.app).toMatchObject({
      timeZone: 'Europe/Berlin',
      utcOffset: 'UTC+01:00',
      os: 'Linux 6.1 (x64)',
    });
    expect(json.window).toEqual({ from: '2026-11-26T00:00:00.000Z', to: '2026-11-26T00:05:00.000Z' });
    expect(json.lastRound.probes[0]).not.toHaveProperty('body');
    // A standard reason phrase is never kept on the probe, so none is reported.
    expect(json.lastRound.probes[0]).not.toHaveProperty('reason');
    expect(json.lastRound.probes[0]!.timings.total).toBe(151.04);
    expect(json.events).toHaveLength(1);
  });
});
