// Turns a schema failure into one line naming the field by its path, what was expected and what was found.

import type * as v from 'valibot';
import { UNSAFE_CHAR } from '../text/sanitize';

/** A validation problem: the field's path (`targets[0].site`) and a readable message. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Formats an issue path the way a user writes it: `targets[0].endpoints[1].url`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (!/^[\w$-]+$/.test(String(key))) out += `[${quoted(String(key))}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** A key that is not a plain word, quoted with every control or invisible character written as `\uXXXX`. */
function quoted(key: string): string {
  return JSON.stringify(key).replace(
    new RegExp(UNSAFE_CHAR.source, 'g'),
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function describeFound(issue: v.BaseIssue<unknown>): string {
  const input = issue.input;
  if (typeof input === 'string') return quoted(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  return issue.received;
}

/** Every problem of a failed parse, each with its path and an "expected …, found …" message. */
export function toProblems(issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      return { path, message: `unknown key (remove it or check its spelling)` };
    }
    if (issue.type === 'strict_object' && issue.input === undefined) {
      return { path, message: `missing (this field is required)` };
    }
    const expected = issue.message.startsWith('Invalid ')
      ? (issue.expected ?? 'a valid value')
      : issue.message;
    return { path, message: `expected ${expected}, found ${describeFound(issue)}` };
  });
}

/** One line for the first problem, e.g. `targets[0].site: expected an http(s) URL, found "ftp://x"`. */
export function oneLine(problems: readonly FieldProblem[]): string {
  const first = problems[0];
  if (!first) return 'invalid value';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${first.path}: ${first.message}${more}`;
}
