// The one place that connects the Electron app to the app core's composition root (core/app/create.ts):
// the app core itself, and the settings form's one-off target test.

import { createAppCore } from '../../core/app/create';
import { resolveConfig } from '../../shared/config/defaults';
import { isFailure } from '../../shared/types/probe';
import type { AppCoreFactory, TargetTester } from './app-deps';
import { proxyEnv, type ProxySetting } from './proxy';

/** The probes' environment: the process's, with the session's proxy on top when it uses one. */
function probeEnv(proxy: ProxySetting): Record<string, string | undefined> {
  return { ...process.env, ...proxyEnv(proxy) };
}

/** Creates the app core with history in the app's data folder. */
export const createCore: AppCoreFactory = ({ config, tokens, envFor, dataDir, onError }) =>
  createAppCore({ config, tokens, dataDir, env: process.env, envFor, onError });

/** Probes an unsaved target once with a throwaway, in-memory app core. */
export const testTarget: TargetTester = async (target, { tokens, proxy, controls }) => {
  const config = resolveConfig({ targets: [target], controls });
  const name = config.targets[0]?.name ?? target.name;
  const core = createAppCore({ config, tokens, dataDir: null, env: probeEnv(proxy) });
  try {
    const round = await core.check(name);
    const probes = round.probes.map(({ name: probe, url, status, outcome, error, note, timings }) => ({
      name: probe,
      url,
      status,
      outcome,
      error,
      ...(note ? { note } : {}),
      timings,
    }));
    return {
      ok: probes.length > 0 && probes.every((p) => !isFailure(p.outcome)),
      probes,
      statusPage: round.status,
    };
  } finally {
    await core.stop();
  }
};
