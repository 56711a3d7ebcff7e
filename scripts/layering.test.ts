// The layering rule in eslint.config.js, tried the way a newcomer would break it: each planted import
// is linted as if it stood in that file, and must be refused (or allowed) by no-restricted-imports.
// Test support (testing/ folders, tests/, the simulator for tests) is for test files only.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

/** The no-restricted-imports messages for `code` linted as if it were the file at `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: [string, string][] = [
  ['shared/types/zz.ts', "import { x } from '../../core/app/app-info';"],
  ['shared/types/zz.ts', "import { readFileSync } from 'node:fs';"],
  ['core/probe/zz.ts', "import { x } from '../../cli/main';"],
  ['core/probe/zz.ts', "import { app } from 'electron';"],
  ['core/probe/zz.ts', "import Conf from 'conf';"],
  ['cli/zz.ts', "import Store from 'electron-store';"],
  ['simulator/zz.ts', "import { x } from '../electron/main';"],
  ['renderer/src/zz.ts', "import Conf from 'conf';"],
  ['renderer/src/zz.ts', "import { request } from 'undici';"],
  ['renderer/src/zz.ts', "import { x } from '../../core/app/app-info';"],
  ['electron/tray/zz.ts', "import { Tray } from 'electron';"],
  ['electron/app/zz.ts', "import { x } from '../../cli/main';"],
  ['electron/preload.ts', "import { x } from '../core/app/app-info';"],
  ['electron/preload.ts', "import { readFileSync } from 'node:fs';"],
  ['core/probe/zz.ts', "import { probe } from '../testing/synthetic';"],
  ['core/probe/zz.ts', "import { makeCert } from '../../simulator/tls';"],
  ['shared/classifier/zz.ts', "import { evidence } from '../testing/evidence';"],
  ['electron/app/zz.ts', "import { fakeElectron } from '../testing/fakes';"],
  ['renderer/src/views/Zz.svelte.ts', "import { healthySnapshot } from '../testing/fixtures';"],
  ['cli/zz.ts', "import { hostile } from '../tests/support/hostile';"],
  ['simulator/zz.ts', "import { hostile } from '../tests/support/hostile';"],
  ['cli/zz.ts', "import sample from '../tests/corpus/status/x.json';"],
  ['core/probe/zz.test.ts', "import { x } from '../../cli/main';"],
];

const allowed: [string, string][] = [
  ['core/probe/zz.ts', "import { x } from '../../shared/types/probe';"],
  ['electron/platform/zz.ts', "import { Tray } from 'electron';"],
  ['electron/main.ts', "import Store from 'electron-store';"],
  ['electron/settings/zz.ts', "import Conf from 'conf';"],
  ['electron/preload.ts', "import { contextBridge } from 'electron';"],
  ['renderer/src/zz.ts', "import { x } from '../../shared/ipc/contract';"],
  ['core/probe/zz.test.ts', "import { makeCert } from '../../simulator/tls';"],
  ['core/probe/zz.test.ts', "import { probe } from '../testing/synthetic';"],
  ['core/testing/zz.ts', "import { probe } from './synthetic';"],
  ['simulator/zz.ts', "import sample from '../tests/corpus/status/x.json';"],
  ['renderer/src/views/Zz.test.ts', "import { healthySnapshot } from '../testing/fixtures';"],
];

describe('layering lint rule', () => {
  for (const [path, code] of refused) {
    it(`refuses in ${path}: ${code}`, async () => {
      expect(await restricted(path, code)).not.toEqual([]);
    });
  }
  for (const [path, code] of allowed) {
    it(`allows in ${path}: ${code}`, async () => {
      expect(await restricted(path, code)).toEqual([]);
    });
  }
});
