// The app's config-file mode: WHY500_CONFIG loaded with the CLI's loader, its targets on top of the
// settings, and tokens falling back to the environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/load';
import { defaultSettings } from '../../shared/config/settings';
import { effectiveConfig, loadConfigFile, tokensWithEnvFallback } from './config-file';

const dir = mkdtempSync(join(tmpdir(), 'why500-config-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = 'e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4';

function writeConfig(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('loadConfigFile', () => {
  it('is null without WHY500_CONFIG', async () => {
    expect(await loadConfigFile({}, loadConfig)).toBeNull();
  });

  it('loads the named file and says it is used', async () => {
    const path = writeConfig('ok.json', {
      controls: ['https://127.0.0.1:1/'],
      targets: [
        {
          name: 'Sim',
          site: 'https://127.0.0.1:2/',
          auth: { scheme: 'Token', tokenEnv: 'WHY500_SIM_TOKEN' },
        },
      ],
    });
    const file = await loadConfigFile({ WHY500_CONFIG: path }, loadConfig);
    expect(file?.config?.targets.map((t) => t.name)).toEqual(['Sim']);
    expect(file?.notice).toContain(`Using the configuration file ${path} (WHY500_CONFIG)`);
  });

  it('a broken file gives its one-line error as the notice and no config', async () => {
    const path = writeConfig('bad.json', { targets: [{ name: 'x' }] });
    const file = await loadConfigFile({ WHY500_CONFIG: path }, loadConfig);
    expect(file?.config).toBeNull();
    expect(file?.notice).toContain(path);
    expect(file?.notice).toContain('using the targets from Settings instead');
    expect(file?.notice).not.toContain('\n');
    const missing = await loadConfigFile({ WHY500_CONFIG: join(dir, 'none.json') }, loadConfig);
    expect(missing?.config).toBeNull();
    expect(missing?.notice).toContain('no file at that path');
  });
});

describe('effectiveConfig', () => {
  it('takes targets, controls, alternate path and browser profiles from the file, the rest from settings', async () => {
    const path = writeConfig('full.json', {
      intervalSeconds: 15,
      controls: ['https://127.0.0.1:1/'],
      alternatePath: { proxy: 'http://127.0.0.1:3128' },
      browserProfiles: [],
      targets: [{ name: 'Sim', site: 'https://127.0.0.1:2/' }],
    });
    const file = await loadConfigFile({ WHY500_CONFIG: path }, loadConfig);
    const settings = { ...defaultSettings(), intervalSeconds: 90 };
    const config = effectiveConfig(settings, file);
    expect(config.targets.map((t) => t.name)).toEqual(['Sim']);
    expect(config.controls).toEqual(['https://127.0.0.1:1/']);
    expect(config.alternatePath).toEqual({ proxy: 'http://127.0.0.1:3128' });
    expect(config.browserProfiles).toEqual([]);
    expect(config.intervalSeconds).toBe(90);
    // No file, or a file that failed: the settings alone.
    expect(effectiveConfig(settings, null).targets[0]!.name).toBe(settings.targets[0]!.name);
    expect(effectiveConfig(settings, { path, config: null, notice: 'x' }).targets[0]!.name).toBe(
      settings.targets[0]!.name,
    );
  });
});

describe('tokensWithEnvFallback', () => {
  const targets = () =>
    effectiveConfig(defaultSettings(), {
      path: 'x',
      notice: 'x',
      config: {
        intervalSeconds: 60,
        controls: [],
        alternatePath: null,
        browserProfiles: [],
        targets: [
          {
            name: 'A',
            site: 'https://a.test/',
            endpoints: [],
            statusPage: null,
            auth: { scheme: 'Token', tokenEnv: 'WHY500_A_TOKEN' },
          },
          { name: 'B', site: 'https://b.test/', endpoints: [], statusPage: null, auth: null },
        ],
      },
    }).targets;

  it('prefers the vault, then the variable the target names, and redacts both', () => {
    const vault = new Map<string, string>();
    const source = tokensWithEnvFallback(
      { get: (t) => vault.get(t) ?? null, secrets: () => [...vault.values()] },
      targets,
      { WHY500_A_TOKEN: TOKEN, B_TOKEN: 'unused' },
    );
    expect(source.get('A')).toBe(TOKEN);
    expect(source.get('B')).toBeNull();
    expect(source.secrets()).toEqual([TOKEN]);
    vault.set('A', 'vault-token-value');
    expect(source.get('A')).toBe('vault-token-value');
    expect(source.secrets().sort()).toEqual([TOKEN, 'vault-token-value'].sort());
  });
});
