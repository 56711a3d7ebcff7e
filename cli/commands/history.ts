// `why500 history`: the uptime over 24 h, 7 d and 30 d and the last rounds of each target, read from
// the stored history (the same folder the desktop app uses). Probes nothing.

import type { UptimeSummary } from '../../shared/types/uptime';
import { uptimeLine, uptimePercent } from '../../shared/vocabulary/uptime';
import { formatDuration } from '../../shared/vocabulary/time';
import { localDateTimeWithOffset } from '../../core/report/format';
import { parseCommandArgs } from '../args';
import type { CliIo, Output } from '../output';
import { COMMON_OPTIONS, appCoreFor, setUp } from '../setup';
import { localZone } from '../table';

const OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' } } as const;

/** The uptime of one target as readable lines. */
export function historyLines(u: UptimeSummary, zone = localZone()): string[] {
  const lines = [`${u.target}, uptime as seen from here:`];
  for (const w of u.windows) lines.push(`  ${uptimeLine(w)}`);
  const longest = u.windows.at(-1);
  if (longest && u.keptMs < longest.spanMs)
    lines.push(`  (rounds are kept ${formatDuration(u.keptMs)}, so older time counts as not watched)`);
  if (u.heartbeat.length === 0) {
    lines.push('  No rounds stored yet.');
  } else {
    const strip = u.heartbeat.map((b) => (b.failed > 0 ? 'x' : '+')).join('');
    const last = u.heartbeat.at(-1)!;
    lines.push(
      `  Last ${u.heartbeat.length} rounds (+ answered, x failed), newest ${localDateTimeWithOffset(last.at, zone)}:`,
      `  ${strip}`,
    );
  }
  return lines;
}

/** The uptime of one target as the JSON line `--json` prints. */
export function historyJson(u: UptimeSummary): unknown {
  return {
    target: u.target,
    at: u.at,
    keptMs: u.keptMs,
    windows: u.windows.map((w) => ({ ...w, uptime: uptimePercent(w) })),
    heartbeat: u.heartbeat,
  };
}

/** Runs `why500 history`; 0 once printed. */
export async function runHistory(argv: string[], out: Output, io: CliIo): Promise<number> {
  const flags = parseCommandArgs('history', argv, OPTIONS);
  const setup = await setUp('history', flags, out, io);
  const core = await appCoreFor(setup, io);
  try {
    for (const target of setup.targets) {
      const uptime = core.uptime(target.name);
      if (flags.json) out.json(historyJson(uptime));
      else for (const line of historyLines(uptime)) out.line(line);
    }
  } finally {
    await core.stop();
  }
  return 0;
}
