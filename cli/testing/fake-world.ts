// One fake service and one scratch folder for a CLI test file: started before its tests, closed and
// removed after them, with a config file pointing at the service.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startFakeService, type FakeService } from './fake-service';

/** What a test file gets; the fields are set before its first test runs. */
export interface FakeWorld {
  /** The scratch folder (removed after the file's tests). */
  dir: string;
  fake: FakeService;
  /** `fake.json` in the scratch folder: the service's default config. */
  configPath: string;
  /** Writes `value` as JSON to `name` in the scratch folder and returns its path. */
  write(name: string, value: unknown): string;
  /** The stderr line a run with the token set prints: where the token goes (the service's origin). */
  tokenNotice(): string;
}

/** Registers the world's set-up and tear-down with vitest; `token` is the one the service accepts. */
export function useFakeWorld(prefix: string, token: string): FakeWorld {
  const world: FakeWorld = {
    dir: '',
    fake: undefined as unknown as FakeService,
    configPath: '',
    write(name, value) {
      const path = join(world.dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    },
    tokenNotice: () =>
      `why500: the token in WHY500_FAKE_TOKEN (target "Fake") goes only to ${new URL(world.fake.url).origin}\n`,
  };
  beforeAll(async () => {
    world.dir = mkdtempSync(join(tmpdir(), prefix));
    world.fake = await startFakeService(token);
    world.configPath = world.write('fake.json', world.fake.config());
  });
  afterAll(async () => {
    await world.fake?.close();
    if (world.dir) rmSync(world.dir, { recursive: true, force: true });
  });
  return world;
}
