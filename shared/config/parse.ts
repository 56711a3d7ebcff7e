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
    const problems = [syntaxProblem(text, err)];
    return { ok: false, problems, message: oneLine(problems) };
  }
  return checkConfig(value);
}

/**
 * A JSON syntax error as a problem at its line and column ("line 3, column 5"), not the engine's byte
 * offset. The engine's message quotes the file's text, which may hold control characters: cleaned.
 */
function syntaxProblem(text: string, err: unknown): FieldProblem {
  const raw = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(raw);
  const position = /at position (\d+)/.exec(raw);
  let where: { line: number; column: number } | null = null;
  if (lineCol) where = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (position) where = lineAndColumn(text, Number(position[1]));
  else if (/end of JSON input/i.test(raw)) where = lineAndColumn(text, text.length);
  const detail = cleanText(
    raw.replace(/ ?\(line \d+ column \d+\)/, '').replace(/ ?(?:in JSON )?at position \d+/, ''),
    200,
  );
  return {
    path: where ? `line ${where.line}, column ${where.column}` : '(file)',
    message: `expected JSON, found a syntax error (${detail})`,
  };
}

/** The 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
