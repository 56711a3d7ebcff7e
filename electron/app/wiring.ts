// The one place that connects the Electron app to the monitoring core's composition root
// (core/app/create.ts): the monitor itself, and the settings form's one-off target test.

import { createMonitorService } from '../../core/app/create';
import { resolveConfig } from '../../shared/config/defaults';
import { isFailure } from '../../shared/types/probe';
import type { MonitorServiceFactory, TargetTester } from './controller';
import { proxyEnv, type ProxySetting } from './proxy';

/** The probes' environment: the process's, with the session's proxy on top when it uses one. */
function probeEnv(proxy: ProxySetting): Record<string, string | undefined> {
  return { ...process.env, ...proxyEnv(proxy) };
}

/** Creates the monitor with history in the app's data folder. */
export const createMonitor: MonitorServiceFactory = ({ config, tokens, proxy, dataDir, onError }) =>
  createMonitorService({ config, tokens, dataDir, env: probeEnv(proxy), onError });

/** Probes an unsaved target once with a throwaway, in-memory service. */
export const testTarget: TargetTester = async (target, { tokens, proxy, controls }) => {
  const config = resolveConfig({ targets: [target], controls });
  const name = config.targets[0]?.name ?? target.name;
  const service = createMonitorService({ config, tokens, dataDir: null, env: probeEnv(proxy) });
  try {
    const round = await service.check(name);
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
    await service.stop();
  }
};
