// Every cause through every surface that names a state: the tray icon and tooltip, the notification, the
// `watch` line and its JSON event, the window's badge and headline, and the report. They must agree with
// the one rule in shared/vocabulary/standing.ts, and never call a refusal for one account, a planned
// maintenance, a browser extension or the user's own network "down" or an "outage".

import { describe, expect, it } from 'vitest';
import { eventJson } from '../../cli/commands/watch';
import { diagnosisText, eventLine } from '../../cli/table';
import { TargetHealth } from '../../core/monitor/state';
import { renderReport } from '../../core/report/report';
import { sampleDiagnosis, sampleEvidence, sampleInput } from '../../core/testing/report-inputs';
import { roundOf } from '../../core/testing/test-rounds';
import { NotificationPolicy } from '../../electron/notify/policy';
import { utcClock } from '../../electron/tray/clock';
import { trayState } from '../../electron/tray/state';
import { statusLine } from '../../electron/tray/tooltip';
import { verdictSentence } from '../../renderer/src/lib/texts';
import { bandLabel } from '../../renderer/src/lib/timeline-model';
import { defaultSettings } from '../../shared/config/settings';
import { DIAGNOSIS_OUTCOMES, type Diagnosis, type Verdict } from '../../shared/types/diagnosis';
import type { MonitorEvent, TargetStatus } from '../../shared/types/monitor';
import { STANDING_WORDS, standingClause, standingOf, type Standing } from '../../shared/vocabulary/standing';
import { VERDICT_WORDS } from '../../shared/vocabulary/words';

const TARGET = 'Example';
const T0 = Date.UTC(2026, 10, 26, 14, 2);
const UNTIL = '2026-11-26T15:30:00.000Z';
const CAUSES: Verdict[] = [...DIAGNOSIS_OUTCOMES, 'unknown'];
/** Standings that must never read as "down" or "outage". */
const NOT_DOWN: ReadonlySet<Standing> = new Set([
  'refuses-account',
  'maintenance',
  'browser',
  'your-network',
]);

const failing = [
  { name: 'site', outcome: 'http-5xx' as const },
  { name: 'health', outcome: 'http-5xx' as const },
  { name: 'control', path: 'control' as const, outcome: 'ok' as const },
];

/** The monitor's own outage event for `cause`, from rounds that keep failing. */
function outageEvent(cause: Verdict): { event: MonitorEvent; status: TargetStatus } {
  const health = new TargetHealth({ target: TARGET, startedAt: T0 });
  for (let i = 0; i < 10; i++) {
    const events = health.observe(roundOf(TARGET, T0 + i * 30_000, failing), {
      verdict: cause,
      confidence: 0.92,
      maintenanceUntil: UNTIL,
    });
    const event = events.find((e) => e.event === 'outage' || e.event === 'local-network');
    if (event) return { event, status: { ...health.status(), diagnosis: diagnosisFor(cause) } };
  }
  throw new Error(`no outage event for ${cause}`);
}

function diagnosisFor(cause: Verdict): Diagnosis {
  const base = sampleDiagnosis();
  const evidence = sampleEvidence();
  return {
    ...base,
    target: TARGET,
    verdict: cause,
    confidence: 0.92,
    evidence: { ...evidence, statusPage: { ...evidence.statusPage, maintenanceUntil: UNTIL } },
  };
}

/** What each surface says for one cause. */
function surfaces(cause: Verdict) {
  const { event, status } = outageEvent(cause);
  const policy = new NotificationPolicy(
    () => defaultSettings().notifications,
    utcClock,
    () => 600,
  );
  const note = policy.decide(event, new Date(event.at));
  if (!note.show) throw new Error(`no notification: ${note.reason}`);
  const input = sampleInput({ status, diagnosis: status.diagnosis, recentEvents: [event] });
  const report = renderReport(input, 'markdown');
  const reportJson = JSON.parse(renderReport(input, 'json')) as { state: { standing: string } };
  const verdictSection = report.slice(report.indexOf('## Verdict'), report.indexOf('### Evidence for'));
  const events = report.slice(report.indexOf('### Recent events'));
  return {
    event,
    status,
    icon: trayState([status], false),
    tooltip: statusLine(status, utcClock),
    notification: `${note.title}\n${note.body}`,
    title: note.title,
    watch: eventLine(event, 'UTC'),
    json: eventJson(event),
    headline: verdictSentence(TARGET, status.state, cause, utcClock(UNTIL)),
    // `why500 diagnose`: a one-off diagnosis, worded without a monitor state.
    cli: diagnosisText(status.diagnosis!, 'UTC')[0]!,
    // The timeline's band for this outage, with the cause its event named.
    band: bandLabel({ state: status.state, from: event.at, to: null, cause: event.cause }),
    reportStanding: reportJson.state.standing,
    report: [verdictSection, /^Monitor state: .*$/m.exec(report)?.[0], events.split('\n')[2]].join('\n'),
  };
}

describe('one cause reads the same on every surface', () => {
  for (const cause of CAUSES) {
    it(`cause ${cause}`, () => {
      const s = surfaces(cause);
      const standing = standingOf(s.status.state, cause);
      const words = STANDING_WORDS[standing];
      const clause = standingClause(TARGET, standing, utcClock(UNTIL));
      expect(s.icon).toBe(words.icon);
      expect(s.tooltip).toContain(`${TARGET} — ${words.short}`);
      expect(s.title.startsWith(standingClause(TARGET, standing))).toBe(true);
      expect(s.watch).toContain(`  ${words.tag} `);
      expect(s.watch).not.toContain(`${TARGET}: ${TARGET}`);
      expect(s.json['standing']).toBe(standing);
      expect(s.json['summary']).toBe(s.event.summary);
      expect(s.headline.startsWith(clause)).toBe(true);
      expect(s.report).toContain(STANDING_WORDS[standing].badge);
      expect(s.reportStanding).toBe(standing);
      expect(s.report.replace(/\\/g, '')).toContain(standingClause(TARGET, standing));
      expect(s.band).toBe(words.badge);
      expect(s.cli.startsWith(standingClause(TARGET, standingOf(null, cause)))).toBe(true);
      if (NOT_DOWN.has(standing)) {
        for (const [surface, text] of Object.entries({
          tooltip: s.tooltip,
          notification: s.notification,
          watch: s.watch,
          json: `${String(s.json['standing'])} ${String(s.json['summary'])}`,
          headline: s.headline,
          badge: words.badge,
          report: s.report,
          cli: s.cli,
          band: s.band,
        })) {
          // Another cause's name ("Also possible: Regional outage 10%") is not a word about this state.
          const own = text.replaceAll(VERDICT_WORDS.regional.title, '');
          expect(own, `${cause} on the ${surface}: ${text}`).not.toMatch(/\bdown\b|outage/i);
        }
      }
    });
  }

  it('words each cause as the issue asks', () => {
    const read = (cause: Verdict) => standingClause(TARGET, standingOf('outage', cause), '15:30');
    expect(read('account')).toBe('Example is up, but refuses your account');
    expect(read('maintenance')).toBe('Example is in planned maintenance until 15:30');
    expect(read('local-network')).toBe('Your network has a problem, not Example');
    expect(read('overload')).toBe('Example is down');
    expect(trayState([{ ...outageEvent('account').status }], false)).toBe('degraded');
  });
});
