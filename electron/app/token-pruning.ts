// Which stored tokens a settings change leaves without a home: those of removed or renamed targets,
// and those whose target's `auth` endpoints moved to other addresses.

import { unboundOrigins } from '../../core/config/token-origins';
import type { ResolvedConfig, TargetConfig } from '../../shared/types/config';
import type { TokenVault } from '../secrets/token-vault';

/**
 * Clears the tokens a new configuration no longer covers and returns the names of the targets whose
 * token was dropped because its address moved (the user is asked for those again). `keptTargets` are
 * targets whose tokens stay besides the configuration's (in config-file mode, the settings' own).
 */
export function pruneTokens(
  tokens: TokenVault,
  config: ResolvedConfig,
  keptTargets: readonly Pick<TargetConfig, 'name'>[],
): string[] {
  // A token belongs to a watched service: drop those of removed or renamed targets, so a stored
  // secret never lingers out of the user's reach or rides along to a later target of that name.
  const names = new Set([...config.targets, ...keptTargets].map((t) => t.name));
  for (const [name, isSet] of Object.entries(tokens.state().set)) {
    if (isSet && !names.has(name)) tokens.clear(name);
  }
  // A token is given for addresses: one whose `auth` endpoint moved elsewhere is dropped (the core
  // would withhold it anyway), and the user is asked for it again.
  const moved: string[] = [];
  for (const target of config.targets) {
    const saved = tokens.origins(target.name);
    if (saved && unboundOrigins(target, saved).length > 0) {
      tokens.clear(target.name);
      moved.push(target.name);
    }
  }
  return moved;
}
