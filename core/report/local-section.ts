// The report's list of the "Is it me?" local checks: every check with its outcome, timing and what it saw.

import type { Diagnosis } from '../../shared/types/diagnosis';
import { LOCAL_CHECK_LABELS, LOCAL_OUTCOME_WORDS, localCauseWords } from '../../shared/local/words';
import { markdownCell } from './markdown-text';

/** Markdown lines for the local checks of a diagnosis (none when they did not run). */
export function localChecksMarkdown(d: Diagnosis | null, esc: (text: string) => string): string[] {
  const local = d?.evidence.local;
  if (!d || !local) return [];
  const lines = ['### Checks of your own connection', ''];
  if (d.localCause) lines.push(`Found: **${localCauseWords(d.localCause)}**.`, '');
  lines.push(
    `Run because ${esc(local.reason)}; ${local.requests} extra request${local.requests === 1 ? '' : 's'} in all.`,
    '',
    '| Check | Result | Time ms | Requests | What it saw |',
    '|---|---|---:|---:|---|',
  );
  for (const c of local.checks) {
    lines.push(
      `| ${LOCAL_CHECK_LABELS[c.check]} | ${LOCAL_OUTCOME_WORDS[c.outcome]} | ${Math.round(c.ms)} | ${c.requests} | ${markdownCell(c.detail)} |`,
    );
  }
  lines.push('');
  return lines;
}
