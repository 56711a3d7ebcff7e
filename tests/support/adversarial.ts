// Adversarial inputs for the CPU budget of every parser of strangers' bytes (the recognisers, the
// build-fingerprint extractor, the status parsers, the sanitiser): each regex in those modules is read
// from its source and turned into near-miss strings (a prefix of a match, then one of its repeated atoms
// run long, the whole repeated), beside long runs and nested brackets, all filled to a given size.

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');

/** The modules whose regexes run over remote text, relative to the repository root. */
export const PARSER_SOURCES: readonly string[] = [
  ...listTs('core/evidence/recognise'),
  'core/evidence/fingerprint.ts',
  'core/evidence/signals.ts',
  ...listTs('core/status/providers'),
  'core/status/body.ts',
  'core/status/json.ts',
  'shared/text/sanitize.ts',
];

function listTs(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`);
}

/** Every regex literal's pattern in a TypeScript file. */
export function regexSources(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      found.push(literal.slice(1, literal.lastIndexOf('/')));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A character a class escape stands for. */
const CLASS_SAMPLE: Record<string, string> = { d: '7', D: 'x', w: 'a', W: '-', s: ' ', S: 'x' };

/**
 * A regex pattern as a list of sample pieces, one per atom (a literal character, an escape, a class),
 * cut at alternations and groups: joined, the first k pieces are a prefix of a match.
 */
export function samplePieces(pattern: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = pattern[++i] ?? '';
      if (e === 'b' || e === 'B') continue;
      if (e === 'u' && pattern[i + 1] === '{') {
        const end = pattern.indexOf('}', i);
        pieces.push(String.fromCodePoint(parseInt(pattern.slice(i + 2, end), 16)));
        i = end;
      } else if (e === 'u' || e === 'x') {
        const len = e === 'u' ? 4 : 2;
        pieces.push(String.fromCharCode(parseInt(pattern.slice(i + 1, i + 1 + len), 16)));
        i += len;
      } else pieces.push(CLASS_SAMPLE[e] ?? (e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e));
    } else if (c === '[') {
      let j = i + 1;
      const negated = pattern[j] === '^';
      if (negated) j++;
      let first = pattern[j] ?? 'a';
      if (first === '\\') first = CLASS_SAMPLE[pattern[j + 1] ?? ''] ?? pattern[j + 1] ?? 'a';
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      pieces.push(negated ? (first === 'a' ? 'b' : 'a') : first);
      i = j;
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      i = pattern.indexOf('}', i);
    } else if (c === '(') {
      if (pattern[i + 1] === '?') i += pattern[i + 2] === '<' && /[=!]/.test(pattern[i + 3] ?? '') ? 3 : 2;
      if (pattern[i] === '<') i = pattern.indexOf('>', i);
    } else if (!'*+?)|^$.'.includes(c)) pieces.push(c);
    else if (c === '.') pieces.push('a');
  }
  return pieces.filter((p) => p.length > 0);
}

/** `unit` repeated and cut to exactly `size` characters. */
export function fill(unit: string, size: number): string {
  const u = unit.length > 0 ? unit : 'a';
  return u.repeat(Math.ceil(size / u.length)).slice(0, size);
}

/** A text builder that fast-check prints by what it builds (a counterexample then says which input). */
type Maker = (size: number) => string;
function maker(label: string, make: Maker): Maker {
  return Object.assign(make, { [fc.toStringMethod]: () => label });
}

/** Characters that start or end structures parsers look for. */
const META = [...'ab0Z.-/_":= \t\n\r<>[]{}()\\%&#;|,\'`*!?@', '\u0301', '\u00AD', '\u{E0041}', '\uFE0F'];

/** Near-miss strings for one pattern: prefix + long run of the next atom, or the prefix repeated. */
function nearMiss(pattern: string): fc.Arbitrary<Maker> {
  const pieces = samplePieces(pattern);
  if (pieces.length === 0) return fc.constant(maker('run of "a"', (size: number) => fill('a', size)));
  return fc
    .record({
      k: fc.nat({ max: pieces.length - 1 }),
      shape: fc.constantFrom('run', 'repeat', 'repeated-run'),
      runLength: fc.integer({ min: 2, max: 64 }),
      breaker: fc.constantFrom('', ...META),
    })
    .map(({ k, shape, runLength, breaker }) => {
      const prefix = pieces.slice(0, k).join('');
      const atom = pieces[k]!;
      const label = `${shape} of ${JSON.stringify(prefix)} + ${JSON.stringify(atom)} (x${runLength}) + ${JSON.stringify(breaker)} for /${pattern}/`;
      return maker(label, (size: number) =>
        shape === 'run'
          ? prefix + fill(atom, size - prefix.length)
          : shape === 'repeat'
            ? fill(prefix + atom + breaker, size)
            : fill(prefix + atom.repeat(runLength) + breaker, size),
      );
    });
}

/** Long runs of one character, nested brackets, and mixtures of structure characters. */
const generic: fc.Arbitrary<Maker> = fc.oneof(
  fc.constantFrom(...META).map((c) => maker(`run of ${JSON.stringify(c)}`, (size: number) => fill(c, size))),
  fc
    .constantFrom('[', '{', '(', '<', '"', '<a ', '{"a":')
    .map((open) =>
      maker(
        `nested ${JSON.stringify(open)}`,
        (size: number) => fill(open, Math.floor(size / 2)) + fill(closing(open), size - Math.floor(size / 2)),
      ),
    ),
  fc
    .array(fc.constantFrom(...META), { minLength: 2, maxLength: 8 })
    .map((parts) =>
      maker(`repeated ${JSON.stringify(parts.join(''))}`, (size: number) => fill(parts.join(''), size)),
    ),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 16 })
    .map((unit) => maker(`repeated ${JSON.stringify(unit)}`, (size: number) => fill(unit, size))),
);

function closing(open: string): string {
  return { '[': ']', '{': '}', '(': ')', '<': '>', '"': '"', '<a ': '>', '{"a":': '}' }[open] ?? open;
}

/**
 * Adversarial text builders for the given modules' regexes (and the generic shapes): each value makes a
 * string of any asked size, so the same shape can be timed at 8 KiB and at 64 KiB.
 */
export function adversarialText(
  sources: readonly string[] = PARSER_SOURCES,
): fc.Arbitrary<(size: number) => string> {
  const patterns = [...new Set(sources.flatMap(regexSources))];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...patterns).chain(nearMiss) },
    { weight: 1, arbitrary: generic },
  );
}

/** Header names the recognisers read (every quoted lower-case name with a dash in their sources, and a few more). */
export function recogniserHeaderNames(): string[] {
  const names = new Set([
    'server',
    'via',
    'content-type',
    'x-powered-by',
    'set-cookie',
    'location',
    'retry-after',
  ]);
  for (const file of listTs('core/evidence/recognise')) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/'([a-z][a-z0-9]*(?:-[a-z0-9]+)+)'/g)) names.add(m[1]!);
  }
  return [...names];
}

/** The status-page bodies of the corpus, as parsed JSON, to fill with hostile strings. */
export function statusTemplates(): unknown[] {
  const dir = join(ROOT, 'tests', 'corpus', 'status');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}

/**
 * A JSON value with every string replaced by the start of `text`, cut so that all strings together are
 * about as long as `text` (arrays cut to their first three items).
 */
export function withEveryString(value: unknown, text: string): unknown {
  const leaves = countStrings(value);
  return replaceStrings(value, text.slice(0, Math.max(64, Math.floor(text.length / Math.max(1, leaves)))));
}

function countStrings(value: unknown): number {
  if (typeof value === 'string') return 1;
  if (Array.isArray(value)) return value.slice(0, 3).reduce((n: number, v) => n + countStrings(v), 0);
  if (value !== null && typeof value === 'object')
    return Object.values(value).reduce((n: number, v) => n + countStrings(v), 0);
  return 0;
}

function replaceStrings(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.slice(0, 3).map((v) => replaceStrings(v, text));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, text)]));
  return value;
}

/** CPU time (user + system, ms) of one call, the lower of two runs (a GC pause is not the parser's). */
export function cpuMs(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const before = process.cpuUsage();
    try {
      run();
    } catch {
      // A parser refusing the input is an answer too; only its time counts here.
    }
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
