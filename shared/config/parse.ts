// Parses configuration text or values into a checked Config, or one clear line saying what is wrong.

import * as v from 'valibot';
import type { Config } from '../types/config';
import { cleanText } from '../text/sanitize';
import { ConfigSchema } from './schema';
import { closeMatches, findService } from '../catalogue/catalogue';
import { oneLine, toProblems, type FieldProblem } from '../validate/issues';

/** Result of checking a configuration. */
export type ConfigCheck =
  { ok: true; config: Config } | { ok: false; problems: FieldProblem[]; message: string };

/** Checks an already-parsed value against the config schema. */
export function checkConfig(value: unknown): ConfigCheck {
  const result = v.safeParse(ConfigSchema, value);
  if (result.success) {
    const names = new Set<string>();
    const fail = (path: string, message: string): ConfigCheck => {
      const problems = [{ path, message }];
      return { ok: false, problems, message: oneLine(problems) };
    };
    for (const [i, t] of (result.output.targets ?? []).entries()) {
      if (names.has(t.name.toLowerCase()))
        return fail(
          `targets[${i}].name`,
          `expected a unique target name, found ${JSON.stringify(t.name)} twice`,
        );
      names.add(t.name.toLowerCase());
    }
    for (const [i, id] of (result.output.services ?? []).entries()) {
      const entry = findService(id);
      if (!entry) return fail(`services[${i}]`, unknownServiceMessage(id));
      if (names.has(entry.name.toLowerCase()))
        return fail(
          `services[${i}]`,
          `expected each service once, found ${JSON.stringify(id)} (${entry.name}) twice or also in targets`,
        );
      names.add(entry.name.toLowerCase());
    }
    return { ok: true, config: result.output };
  }
  const problems = toProblems(result.issues);
  return { ok: false, problems, message: oneLine(problems) };
}

/** "expected a catalogue id, found …" with up to three close matches, for the config and the CLI alike. */
export function unknownServiceMessage(id: string): string {
  const close = closeMatches(id);
  const hint = close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : '';
  const shown = cleanText(id, 40);
  return `expected a service id from 'why500 services', found ${JSON.stringify(shown)}${hint}`;
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
