// `why500 services`: the catalogue of services `--service` and the config's "services" accept.

import { catalogue, serviceTokenEnv, type ServiceEntry } from '../../shared/catalogue/catalogue';
import { parseCommandArgs } from '../args';
import type { CliIo, Output } from '../output';
import { columns } from '../table';

const OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** Lists the catalogue: a table, or one JSON object per service (with its sources) per line. */
export async function runServices(argv: string[], out: Output, _io: CliIo): Promise<number> {
  const flags = parseCommandArgs('services', argv, OPTIONS);
  const { services } = catalogue();
  if (flags.json) {
    for (const entry of services) out.json(entry);
    return 0;
  }
  const rows = [['id', 'name', 'status page', 'front', 'token']];
  for (const s of services) rows.push([s.id, s.name, statusCell(s), s.cdn, tokenCell(s)]);
  for (const line of columns(rows)) out.line(line);
  out.line();
  out.line(
    `${services.length} services. Watch some with --service ID (repeatable) or "services": [...] in the config.`,
  );
  return 0;
}

function statusCell(s: ServiceEntry): string {
  if (s.status.provider === 'none') return 'none';
  const host = new URL(s.status.url).host;
  return `${host} (${s.status.provider}${s.status.fallback ? ', with a fallback origin' : ''})`;
}

function tokenCell(s: ServiceEntry): string {
  return s.auth ? `${s.auth.scheme} from $${serviceTokenEnv(s)}` : 'no';
}
