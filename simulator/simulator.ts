// Starts one scenario's fake world on loopback — the service, its status page, two control sites,
// tinyproxy as the alternate path, fake browser profiles — and the config and environment the CLI needs.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig } from '../shared/config/parse';
import type { Config } from '../shared/types/config';
import type { Verdict } from '../shared/types/diagnosis';
import { CONTROL_PATHS, controlHandler } from './controls';
import { faultListener, listenHttp, type Listener } from './listeners';
import { writeProfiles } from './profiles';
import { SCENARIOS } from './scenarios/index';
import {
  ALTERNATE_SOURCE_ADDRESS,
  DEFAULT_ENDPOINTS,
  advanceStage,
  newServiceState,
  serviceHandler,
  type ServiceState,
} from './service';
import { statusPageHandler } from './status-pages';
import { startTinyproxy, type Tinyproxy } from './tinyproxy';
import { makeCertificate } from './tls';
import type { ScenarioDefinition, TransportMode } from './types';

/** The name of the simulated target in generated configs. */
export const SIM_TARGET = 'Character.AI (simulated)';

/** The env var the generated config names for the token. */
export const SIM_TOKEN_ENV = 'WHY500_TOKEN';

/** Options of `startSimulator`. */
export interface SimulatorOptions {
  /** A scenario name from `listScenarios()`, or a definition. */
  scenario: string | ScenarioDefinition;
  /** Port of the fake service (default: a free one). Other parts always take free ports. */
  port?: number;
  host?: '127.0.0.1';
  /** Scenario clock runs this many times slower than real time (the demo uses 10 so a deploy is watchable). */
  timeScale?: number;
}

/** A running simulator. */
export interface RunningSimulator {
  scenario: ScenarioDefinition;
  /** The fake site's URL. */
  url: string;
  /** A config ready for the CLI: targets, controls, alternatePath and browserProfiles point at the simulator. */
  config: Config;
  /** The same config written to a file in the simulator's temp folder. */
  configPath: string;
  /** Environment the CLI needs (the token in WHY500_TOKEN, NODE_EXTRA_CA_CERTS for TLS). Secret: never print it. */
  env: Record<string, string>;
  /** The scenario needs `--symptom`. */
  symptom: boolean;
  /** The service's clock, counters and request log. */
  state: ServiceState;
  /** Moves the scenario to its next stage (e.g. the deploy since the last run). */
  advance(): void;
  /** Stops every listener and tinyproxy and removes the temp folder. */
  stop(): Promise<void>;
}

/** A scenario as `--list` shows it. */
export interface ScenarioSummary {
  name: string;
  outcome: Verdict;
  description: string;
  signals: string[];
  decoyFor?: string;
}

/** Every scenario, grouped by outcome in the order of the outcome list. */
export function listScenarios(): ScenarioSummary[] {
  return SCENARIOS.map((s) => ({
    name: s.name,
    outcome: s.outcome,
    description: s.description,
    signals: s.signals,
    ...(s.decoyFor ? { decoyFor: s.decoyFor } : {}),
  }));
}

/** The definition of a scenario by name, or an error naming the choices. */
export function findScenario(name: string): ScenarioDefinition {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found)
    throw new Error(
      `unknown scenario "${name}"; run "why500 simulate --list" to see the ${SCENARIOS.length} scenarios`,
    );
  return found;
}

function token40(): string {
  return randomBytes(20).toString('hex');
}

async function partListener(
  mode: TransportMode,
  host: string,
  start: () => Promise<Listener>,
): Promise<Listener> {
  return (await faultListener(mode, host)) ?? start();
}

/** Starts the fake world of one scenario. */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const scenario = typeof options.scenario === 'string' ? findScenario(options.scenario) : options.scenario;
  const host = options.host ?? '127.0.0.1';
  const dir = mkdtempSync(join(tmpdir(), `why500-sim-${scenario.name}-`));
  const listeners: Listener[] = [];
  let proxy: Tinyproxy | null = null;
  const stopAll = async () => {
    await Promise.all(listeners.map((l) => l.close()));
    if (proxy) await proxy.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const state = newServiceState(token40(), options.timeScale ?? 1);
    const transport = scenario.transport ?? 'ok';
    const cert = scenario.tls ? await makeCertificate(dir) : null;
    const service = await partListener(transport, host, () =>
      listenHttp(serviceHandler(scenario, state), {
        host,
        port: options.port ?? 0,
        ...(cert ? { tls: { key: cert.key, cert: cert.cert } } : {}),
      }),
    );
    listeners.push(service);
    const scheme = cert ? 'https' : 'http';
    const url = `${scheme}://${host}:${service.port}`;

    const statusSpec = scenario.statusPage ?? { kind: 'none' };
    let statusUrl: string | null = null;
    if (statusSpec.kind !== 'none') {
      let base = '';
      const status = await partListener(transport, host, () =>
        listenHttp(
          statusPageHandler(statusSpec, () => base),
          { host },
        ),
      );
      listeners.push(status);
      base = `http://${host}:${status.port}`;
      statusUrl = base;
    }

    const controls: string[] = [];
    for (const path of CONTROL_PATHS) {
      const mode = scenario.controls ?? 'ok';
      const control = await partListener(mode === 'captive' ? 'ok' : mode, host, () =>
        listenHttp(controlHandler(mode === 'captive' ? 'captive' : 'ok'), { host }),
      );
      listeners.push(control);
      controls.push(`http://${host}:${control.port}${path}`);
    }

    if (scenario.alternatePath) proxy = await startTinyproxy({ bind: ALTERNATE_SOURCE_ADDRESS, via: true });

    const profiles = writeProfiles(join(dir, 'profiles'), scenario.browserProfiles ?? []);

    const config: Config = {
      intervalSeconds: 10,
      controls,
      ...(proxy ? { alternatePath: { proxy: proxy.url } } : {}),
      // Never "auto": a scenario must not scan the real browsers of the machine it runs on.
      browserProfiles: profiles,
      targets: [
        {
          name: SIM_TARGET,
          site: `${url}/`,
          endpoints: (scenario.endpoints ?? DEFAULT_ENDPOINTS).map((e) => ({
            name: e.name,
            url: `${url}${e.path}`,
            ...(e.auth ? { auth: true } : {}),
          })),
          ...(statusUrl ? { statusPage: statusUrl } : {}),
          auth: { scheme: 'Token', tokenEnv: SIM_TOKEN_ENV },
        },
      ],
    };
    const check = checkConfig(config);
    if (!check.ok) throw new Error(`scenario ${scenario.name} made a bad config: ${check.message}`);
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');

    const env: Record<string, string> = {};
    const tokenMode = scenario.token ?? 'none';
    if (tokenMode === 'valid') env[SIM_TOKEN_ENV] = state.token;
    if (tokenMode === 'expired') env[SIM_TOKEN_ENV] = token40();
    if (cert) env.NODE_EXTRA_CA_CERTS = cert.caFile;

    return {
      scenario,
      url,
      config,
      configPath,
      env,
      symptom: scenario.symptom === true,
      state,
      advance: () => advanceStage(state),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
