// The support-ready report: what was tried, what was observed, the verdict with its evidence and
// the next step, as Markdown for a support ticket or as JSON. Every secret is redacted from the
// output, whatever the input held.

import { localChecksMarkdown } from './local-section';
import type { Diagnosis } from '../../shared/types/diagnosis';
import type { ProbeResult } from '../../shared/types/probe';
import { diagnosisJson } from './contract';
import {
  formatMs,
  formatPercent,
  localDateTime,
  localDateTimeWithOffset,
  safeZone,
  utcOffset,
} from './format';
import { formatDuration } from '../../shared/vocabulary/time';
import { PROBE_OUTCOME_WORDS, VERDICT_WORDS, verdictTitle } from '../../shared/vocabulary/words';
import { createRedactor, redactValue, type Redactor } from './redact';
import { markdownCell, markdownText, markdownUrl } from './markdown-text';
import { describeStatusReading } from './status-words';
import { staleStatusSentences } from '../../shared/vocabulary/stale-status';
import { alsoPossible, verdictHeadline } from '../../shared/vocabulary/verdict';
import { leadsWith } from '../../shared/vocabulary/share';
import { uncheckedCauses, uncheckedLine } from '../../shared/vocabulary/not-checked';
import { heldBackLine } from '../../shared/vocabulary/held-back';
import {
  eventTag,
  maintenanceEnd,
  STANDING_WORDS,
  standingOf,
  standingSentence,
} from '../../shared/vocabulary/standing';
import type { ReportFormat, ReportInput } from './types';

/** Extra inputs to rendering. */
export interface RenderOptions {
  /** Known secret values (the user's tokens) removed wherever they appear. */
  secrets?: Iterable<string | null | undefined>;
}

/** Renders the report as Markdown or JSON, secrets redacted. */
export function renderReport(input: ReportInput, format: ReportFormat, options: RenderOptions = {}): string {
  const redact = createRedactor(options.secrets ?? []);
  if (format === 'json') return `${JSON.stringify(redactValue(reportJson(input), redact), null, 2)}\n`;
  return redact(reportMarkdown(input, redact));
}

/** The JSON report's shape: the diagnosis contract plus the context a support team needs. */
export function reportJson(input: ReportInput): Record<string, unknown> {
  const zone = safeZone(input.app.timeZone);
  const window = observationWindow(input);
  return {
    report: 'why500',
    generatedAt: input.generatedAt,
    app: { ...input.app, timeZone: zone, utcOffset: utcOffset(new Date(input.generatedAt), zone) },
    target: {
      name: input.target.name,
      site: input.target.site,
      endpoints: input.target.endpoints.map((e) => ({ name: e.name, url: e.url, auth: e.auth === true })),
      statusPage: input.target.statusPage,
      tokenScheme: input.target.auth?.scheme ?? null,
    },
    window,
    tried: input.tried,
    state: input.status
      ? {
          state: input.status.state,
          standing: standingOf(input.status.state, input.status.cause),
          since: input.status.since,
          cause: input.status.cause,
          confidence: input.status.confidence,
          lastRoundAt: input.status.lastRoundAt,
        }
      : null,
    diagnosis: input.diagnosis ? diagnosisJson(input.diagnosis) : null,
    lastRound: input.lastRound
      ? {
          startedAt: input.lastRound.startedAt,
          finishedAt: input.lastRound.finishedAt,
          probes: input.lastRound.probes.map(probeForReport),
        }
      : null,
    statusPage: input.statusReading,
    events: input.recentEvents,
  };
}

/** A probe without its body (it may hold personal data) but with what support needs. */
function probeForReport(p: ProbeResult): Record<string, unknown> {
  return {
    name: p.name,
    url: p.url,
    path: p.path,
    auth: p.auth,
    at: p.at,
    status: p.status,
    ...(p.reason !== undefined ? { reason: p.reason } : {}),
    outcome: p.outcome,
    error: p.error ?? null,
    ...(p.note ? { note: p.note } : {}),
    timings: p.timings,
    headers: p.headers,
    remoteAddress: p.remoteAddress,
    redirects: p.redirects,
    finalUrl: p.finalUrl,
  };
}

function observationWindow(input: ReportInput): { from: string; to: string } {
  const d = input.diagnosis;
  if (d) return { from: d.observedFrom, to: d.observedTo };
  const r = input.lastRound;
  if (r) return { from: r.startedAt, to: r.finishedAt };
  return { from: input.generatedAt, to: input.generatedAt };
}

function reportMarkdown(input: ReportInput, redact: Redactor): string {
  const zone = safeZone(input.app.timeZone);
  const at = (iso: string) => localDateTimeWithOffset(iso, zone);
  const lines: string[] = [];
  const d = input.diagnosis;
  const window = observationWindow(input);

  lines.push(`# why500 report: ${esc(input.target.name)}`, '');
  // The zone's name only where the time does not already say it ("… UTC", not "… UTC (UTC)").
  const zoneName = zone === 'UTC' ? '' : zone;
  lines.push(`- **Generated:** ${at(input.generatedAt)}${zoneName ? ` (${zoneName})` : ''}`);
  const span = [
    zoneName,
    formatDuration(Date.parse(window.to) - Date.parse(window.from)),
    d ? `${d.evidence.rounds} round${d.evidence.rounds === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  lines.push(`- **Observed:** ${at(window.from)} to ${localDateTime(window.to, zone)} (${span.join(', ')})`);
  lines.push(`- **App:** ${esc(input.app.name)} ${esc(input.app.version)}`);
  lines.push(`- **OS:** ${esc(input.app.os)}`);
  lines.push(`- **Site:** ${markdownUrl(input.target.site)}`);
  if (input.target.statusPage) lines.push(`- **Status page:** ${markdownUrl(input.target.statusPage)}`);
  lines.push('');

  lines.push('## Verdict', '');
  if (d || input.status) {
    // The same rule as the tray, the notification and the window: an account refusal is not "down".
    const until = maintenanceEnd(d);
    const sentence = standingSentence(
      input.target.name,
      input.status?.state ?? null,
      d?.verdict ?? input.status?.cause ?? null,
      until ? at(until) : null,
    );
    lines.push(esc(sentence), '');
  }
  if (d) {
    const label = VERDICT_WORDS[d.verdict];
    lines.push(
      d.verdict === 'unknown'
        ? `**${esc(verdictHeadline(d))}**: ${label?.meaning ?? ''}.`
        : `**${label?.title ?? d.verdict}**: ${label?.meaning ?? ''}. It ${leadsWith(d.confidence)}.`,
      '',
    );
    const others = alsoPossible(d).map((r) => `${verdictTitle(r.cause)} ${formatPercent(r.probability)}`);
    if (others.length) lines.push(`**Also possible:** ${others.join(', ')}`, '');
    const stale = staleStatusSentences(d.evidence.statusPage.staleItems, d.observedTo);
    if (stale.length)
      lines.push('**Out of date on the status page:**', '', ...stale.map((s) => `- ${esc(s)}`), '');
    const unchecked = uncheckedCauses(d.evidence);
    if (unchecked.length)
      lines.push('**Not checked:**', '', ...unchecked.map((u) => `- ${esc(uncheckedLine(u))}`), '');
    lines.push(`**Next step:** ${esc(d.nextStep)}`, '');
    lines.push(...evidenceLists(d));
    lines.push('### All outcomes', '', '| Outcome | Probability |', '|---|---:|');
    for (const r of d.ranking) lines.push(`| ${verdictTitle(r.cause)} | ${formatPercent(r.probability)} |`);
    lines.push('');
  } else {
    lines.push('No diagnosis has been made yet.', '');
  }

  if (input.status) {
    const standing = standingOf(input.status.state, input.status.cause);
    lines.push(
      `Monitor state: **${STANDING_WORDS[standing].badge}** since ${at(input.status.since)}${
        input.status.cause ? ` (cause: ${verdictTitle(input.status.cause)})` : ''
      }.`,
      '',
    );
  }

  lines.push('## What was tried', '');
  if (input.tried.length === 0) lines.push('- Nothing recorded.');
  for (const t of input.tried) lines.push(`- ${esc(t)}`);
  lines.push('');

  lines.push('## What was observed', '');
  const round = input.lastRound;
  if (round) {
    lines.push(`### Probes (last round, ${at(round.startedAt)})`, '');
    lines.push(
      '| Probe | Path | Code | Outcome | DNS ms | Connect ms | TLS ms | First byte ms | Total ms | Edge |',
      '|---|---|---:|---|---:|---:|---:|---:|---:|---|',
    );
    for (const p of round.probes) {
      const outcome =
        p.error && p.outcome !== 'ok'
          ? `${PROBE_OUTCOME_WORDS[p.outcome].short} (${p.error})`
          : PROBE_OUTCOME_WORDS[p.outcome].short;
      lines.push(
        `| ${cell(p.name)}${p.auth ? ' (with token)' : ''} | ${p.path} | ${p.status ?? '–'} | ${cell(outcome)} | ${formatMs(
          p.timings.dns,
        )} | ${formatMs(p.timings.connect)} | ${formatMs(p.timings.tls)} | ${formatMs(p.timings.firstByte)} | ${formatMs(
          p.timings.total,
        )} | ${cell(edgeOf(p) ?? '–')} |`,
      );
    }
    lines.push('');
    const held = round.heldBack?.length ? round.heldBack : (d?.evidence.heldBack ?? []);
    if (held.length) {
      lines.push('Held back:', '');
      for (const h of held) lines.push(`- ${esc(heldBackLine(h, round.startedAt))}`);
      lines.push('');
    }
    lines.push('Probed URLs:', '');
    for (const p of round.probes) lines.push(`- ${esc(p.name)}: ${markdownUrl(redact(p.url))}`);
    lines.push('');
  } else {
    lines.push('No probe round has run yet.', '');
  }
  lines.push('### Status page', '', esc(describeStatusReading(input.statusReading)), '');
  lines.push(...localChecksMarkdown(d, esc));

  if (input.recentEvents.length > 0) {
    lines.push('### Recent events', '');
    for (const e of input.recentEvents) {
      const duration = e.durationMs != null ? ` after ${formatDuration(e.durationMs)}` : '';
      lines.push(`- ${at(e.at)}: **${eventTag(e).toLowerCase()}**${duration}: ${esc(e.summary)}`);
    }
    lines.push('');
  }

  lines.push(
    '---',
    '',
    '_Tokens, cookies, Authorization values and credentials in URLs are redacted from this report._',
    '',
  );
  return lines.join('\n');
}

function evidenceLists(d: Diagnosis): string[] {
  const lead = d.ranking[0];
  if (!lead) return [];
  const out: string[] = [];
  out.push(`### Evidence for ${verdictTitle(lead.cause)}`, '');
  if (lead.for.length === 0) out.push('- Nothing specific.');
  for (const s of lead.for) out.push(`- ${esc(s)}`);
  out.push('', `### Evidence against ${verdictTitle(lead.cause)}`, '');
  if (lead.against.length === 0) out.push('- Nothing specific.');
  for (const s of lead.against) out.push(`- ${esc(s)}`);
  out.push('');
  const second = d.ranking[1];
  if (second && second.probability > 0.05) {
    out.push(`### Runner-up: ${verdictTitle(second.cause)} (${formatPercent(second.probability)})`, '');
    for (const s of second.for) out.push(`- For: ${esc(s)}`);
    for (const s of second.against) out.push(`- Against: ${esc(s)}`);
    if (second.for.length + second.against.length === 0) out.push('- Nothing specific.');
    out.push('');
  }
  return out;
}

/** Cloudflare edge airport code from a cf-ray header (`8a1b2c3d4e5f-FRA` → `FRA`). */
export function edgeOf(p: Pick<ProbeResult, 'headers'>): string | null {
  const ray = p.headers['cf-ray'];
  const m = ray ? /-([A-Z]{3})$/i.exec(ray.trim()) : null;
  return m?.[1]?.toUpperCase() ?? null;
}

/** Remote or user text on one Markdown line (table cells included), rendered as its own characters. */
const esc = markdownText;

/** The same for a table cell (a pipe is escaped even inside a code span). */
const cell = markdownCell;
