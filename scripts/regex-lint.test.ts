// The super-linear regex rule in eslint.config.js, tried the way a newcomer would break it: patterns
// whose backtracking or moving start costs more than linear time over strangers' bytes are refused in
// every folder that reads, words or shows remote text (the asset-name pattern that froze the app on a 64 KiB page among
// them); linear ones pass.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });
const RULES = new Set(['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move']);

/** The super-linear regex findings for `code` linted as if it were the file at `path`. */
async function findings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && RULES.has(m.ruleId))
    .map((m) => m.message);
}

const SUPER_LINEAR = [
  // The build-fingerprint asset scan (quadratic on `a.bbbb…`).
  String.raw`/[\w/.-]*?[.-]([A-Za-z0-9_]{8,})\.(?:js|css)\b/g`,
  // Adjacent quantifiers that can exchange characters.
  String.raw`/Error code\s*(?:<span[^>]*>)?\s*(\d{3,4})/i`,
  // Nested quantifiers.
  String.raw`/^(a+)+$/`,
  // A moving start over a long run with a rejecting suffix.
  String.raw`/\s*\([^)]*\)\s*$/`,
];
const FOLDERS = [
  'core/evidence/zz.ts',
  'core/status/zz.ts',
  'core/local/zz.ts',
  'core/probe/zz.ts',
  'core/report/zz.ts',
  'shared/text/zz.ts',
  'cli/zz.ts',
  'electron/app/zz.ts',
  'renderer/src/lib/zz.ts',
];

describe('super-linear regex lint rule', () => {
  for (const path of FOLDERS)
    for (const pattern of SUPER_LINEAR)
      it(`refuses in ${path}: ${pattern}`, async () => {
        expect(await findings(path, `export const re = ${pattern};\n`)).not.toEqual([]);
      });

  it('lets linear patterns pass', async () => {
    for (const pattern of [
      String.raw`/"buildId"\s*:\s*"([^"]{1,100})"/`,
      String.raw`/<title[^<>]{0,200}>([^<]*)<\/title>/i`,
    ])
      expect(await findings('core/evidence/zz.ts', `export const re = ${pattern};\n`)).toEqual([]);
  });
});
