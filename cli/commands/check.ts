// `why500 check`: one probe round per target, as a table or as JSON.

import { isFailure } from '../../shared/types/probe';
import { checkJson } from '../../core/report/contract';
import { parseCommandArgs } from '../args';
import type { CliIo, Output } from '../output';
import { COMMON_OPTIONS, appCoreFor, setUp } from '../setup';
import { checkTable } from '../table';
import { holdOpen } from '../signals';

const OPTIONS = { ...COMMON_OPTIONS, json: { type: 'boolean' } } as const;

/** Runs `why500 check`; 0 when every probe of the target answered, 1 when one failed. */
export async function runCheck(argv: string[], out: Output, io: CliIo): Promise<number> {
  const flags = parseCommandArgs('check', argv, OPTIONS);
  const setup = await setUp('check', flags, out, io);
  const core = await appCoreFor(setup, io);
  let problem = false;
  const letGo = holdOpen();
  try {
    for (const target of setup.targets) {
      const round = await core.check(target.name);
      if (flags.json) out.json(checkJson(round));
      else for (const line of checkTable(round)) out.line(line);
      // The tokenless twin of a token endpoint is refused by design: not a problem.
      if (round.probes.some((p) => p.path !== 'control' && p.path !== 'anonymous' && isFailure(p.outcome)))
        problem = true;
    }
  } finally {
    letGo();
    await core.stop();
  }
  return problem ? 1 : 0;
}
