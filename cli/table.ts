// Plain-text tables and lines for the terminal: the check table, the diagnosis summary, event lines.

import type { Diagnosis } from '../shared/types/diagnosis';
import type { MonitorEvent, Round, TargetStatus } from '../shared/types/monitor';
import { formatMs, formatPercent, localDateTimeWithOffset } from '../core/report/format';
import { formatDuration } from '../shared/vocabulary/time';
import { displayWidth, padEndDisplay, padStartDisplay } from '../shared/text/width';
import { PROBE_OUTCOME_WORDS, VERDICT_WORDS, verdictTitle } from '../shared/vocabulary/words';
import { describeStatusReading } from '../core/report/status-words';
import { staleStatusSentences } from '../shared/vocabulary/stale-status';
import { alsoPossible, verdictHeadline } from '../shared/vocabulary/verdict';
import {
  eventTag,
  maintenanceEnd,
  STANDING_WORDS,
  standingOf,
  standingSentence,
} from '../shared/vocabulary/standing';
import { uncheckedCauses, uncheckedLine } from '../shared/vocabulary/not-checked';
import { heldBackLine, heldBackWords } from '../shared/vocabulary/held-back';
import { LOCAL_CHECK_LABELS, LOCAL_OUTCOME_WORDS, localCauseWords } from '../shared/local/words';

/** The machine's time zone. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Lays out rows as aligned columns (right-aligned where `right[i]`), measured in terminal columns so
 * CJK names (two columns a character) line up too.
 */
export function columns(rows: string[][], right: boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        right[i] ? padStartDisplay(cell, widths[i] ?? 0) : padEndDisplay(cell, widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The readable table of one check round. */
export function checkTable(round: Round, zone = localZone()): string[] {
  const lines = [`${round.target}, ${localDateTimeWithOffset(round.startedAt, zone)}`];
  const rows = [['endpoint', 'path', 'code', 'dns ms', 'connect', 'tls', 'first byte', 'total', 'outcome']];
  for (const p of round.probes) {
    // A token endpoint asked only without the token: its row says it was not checked, and why.
    if (p.path === 'anonymous' && !round.probes.some((q) => q.path === 'direct' && q.name === p.name))
      rows.push([`${p.name} (token)`, 'direct', '–', '–', '–', '–', '–', '–', 'not checked — no token']);
    const expected = p.path === 'anonymous' && (p.status === 401 || p.status === 403);
    const outcome =
      p.outcome === 'ok'
        ? 'ok'
        : expected
          ? `${p.status} without the token, as expected`
          : `${p.outcome}: ${p.error ?? PROBE_OUTCOME_WORDS[p.outcome].short}`;
    rows.push([
      p.auth ? `${p.name} (token)` : p.name,
      p.path,
      p.status === null ? '–' : String(p.status),
      formatMs(p.timings.dns),
      formatMs(p.timings.connect),
      formatMs(p.timings.tls),
      formatMs(p.timings.firstByte),
      formatMs(p.timings.total),
      outcome,
    ]);
  }
  // Endpoints left out because the service asked for a pause are listed, never dropped.
  for (const h of round.heldBack ?? [])
    rows.push([h.name, h.path, '–', '–', '–', '–', '–', '–', heldBackWords(h, round.startedAt)]);
  lines.push(
    ...columns(rows, [false, false, true, true, true, true, true, true, false]).map((l) => `  ${l}`),
  );
  lines.push(`  Status page: ${describeStatusReading(round.status)}`);
  return lines;
}

/** A short readable diagnosis. */
export function diagnosisText(d: Diagnosis, zone = localZone()): string[] {
  const label = VERDICT_WORDS[d.verdict];
  const until = maintenanceEnd(d);
  const lines = [
    // How the service stands, by the same rule as every surface (an account refusal is not "down").
    standingSentence(d.target, null, d.verdict, until ? localDateTimeWithOffset(until, zone) : null),
    `  ${d.verdict === 'healthy' ? 'Finding' : 'Likely cause'}: ${verdictHeadline(d)}: ${label.meaning}`,
    `  Observed ${localDateTimeWithOffset(d.observedFrom, zone)} for ${formatDuration(
      Date.parse(d.observedTo) - Date.parse(d.observedFrom),
    )}, ${d.evidence.rounds} round${d.evidence.rounds === 1 ? '' : 's'}`,
  ];
  const lead = d.ranking[0];
  if (lead) {
    if (lead.for.length) lines.push('  For:', ...lead.for.map((s) => `    - ${s}`));
    if (lead.against.length) lines.push('  Against:', ...lead.against.map((s) => `    - ${s}`));
  }
  const held = d.evidence.heldBack ?? [];
  if (held.length) {
    lines.push('  Held back:');
    for (const h of held) lines.push(`    - ${heldBackLine(h, d.observedTo)}`);
  }
  const stale = staleStatusSentences(d.evidence.statusPage.staleItems, d.observedTo);
  if (stale.length) lines.push('  Out of date on the status page:', ...stale.map((s) => `    - ${s}`));
  lines.push(...localLines(d));
  const unchecked = uncheckedCauses(d.evidence);
  if (unchecked.length) lines.push('  Not checked:', ...unchecked.map((u) => `    - ${uncheckedLine(u)}`));
  lines.push(`  Next step: ${d.nextStep}`);
  const others = alsoPossible(d).map((r) => `${verdictTitle(r.cause)} ${formatPercent(r.probability)}`);
  if (others.length) lines.push(`  Also possible: ${others.join(', ')}`);
  return lines;
}

/** The local checks, when they ran: the part of the connection at fault and one line per check. */
function localLines(d: Diagnosis): string[] {
  const local = d.evidence.local;
  if (!local) return [];
  const head = d.localCause
    ? `  Your connection: ${localCauseWords(d.localCause)}`
    : '  Your connection: no fault found';
  return [
    `${head} (checked because ${local.reason})`,
    ...local.checks.map(
      (c) =>
        `    ${LOCAL_CHECK_LABELS[c.check]}: ${LOCAL_OUTCOME_WORDS[c.outcome]} — ${c.detail} (${Math.round(c.ms)} ms)`,
    ),
  ];
}

/**
 * One event as a terminal line: time, the tag of how the target now stands (shared/vocabulary/standing.ts)
 * and the summary, which names the target itself.
 */
export function eventLine(e: MonitorEvent, zone = localZone()): string {
  return `${localDateTimeWithOffset(e.at, zone)}  ${eventTag(e).padEnd(13)}  ${e.summary}`;
}

/** A target's current standing in one sentence, by the shared rule ("Character.AI is up, but refuses your account."). */
export function statusSentence(s: TargetStatus, zone = localZone()): string {
  const until = maintenanceEnd(s.diagnosis);
  return standingSentence(s.target, s.state, s.cause, until ? localDateTimeWithOffset(until, zone) : null);
}

/** A target's current state as a `watch` line, after its first round: time, tag and sentence. */
export function stateLine(s: TargetStatus, zone = localZone()): string {
  const tag = STANDING_WORDS[standingOf(s.state, s.cause)].tag;
  return `${localDateTimeWithOffset(s.lastRoundAt ?? s.since, zone)}  ${tag.padEnd(13)}  ${statusSentence(s, zone)}`;
}
