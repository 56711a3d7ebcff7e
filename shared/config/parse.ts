// Parses configuration text or values into a checked Config, or one clear line saying what is wrong.

import * as v from 'valibot';
import type { Config } from '../types/config';
import { cleanText } from '../text/sanitize';
import { ConfigSchema } from './schema';
import { oneLine, toProblems, type FieldProblem } from '../validate/issues';

/** Result of checking a configuration. */
export type ConfigCheck =
  { ok: true; config: Config } | { ok: false; problems: FieldProblem[]; message: string };

/** Checks an already-parsed value against the config schema. */
export function checkConfig(value: unknown): ConfigCheck {
  const result = v.safeParse(ConfigSchema, value);
  if (result.success) {
    const names = new Set<string>();
    for (const [i, t] of (result.output.targets ?? []).entries()) {
      if (names.has(t.name.toLowerCase())) {
        const problems = [
          {
            path: `targets[${i}].name`,
            message: `expected a unique target name, found ${JSON.stringify(t.name)} twice`,
          },
        ];
        return { ok: false, problems, message: oneLine(problems) };
      }
      names.add(t.name.toLowerCase());
    }
    return { ok: true, config: result.output };
  }
  const problems = toProblems(result.issues);
  return { ok: false, problems, message: oneLine(problems) };
}

/** Parses JSON text (a config file) and checks it. */
export function parseConfigText(text: string): ConfigCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // The engine's message quotes the file's text, which may hold control characters.
    const detail = cleanText(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err), 200);
    const problems = [{ path: '(file)', message: `expected JSON, found a syntax error (${detail})` }];
    return { ok: false, problems, message: oneLine(problems) };
  }
  return checkConfig(value);
}
