// The published JSON Schema is up to date with the valibot schema, and README's example config is valid
// both by that schema and by the app's own loader (it works as printed).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../shared/config/parse';
import { configSchemaText, SCHEMA_PATH } from './config-schema';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** The example config under "The command line" in README.md. */
function readmeExample(): string {
  const section = README.slice(README.indexOf('## The command line'));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block?.[1]) throw new Error('README has no JSON example under "The command line"');
  return block[1];
}

describe('why500.schema.json', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('is generated from the valibot schema (run `npm run schema` after changing it)', () => {
    // Compared as JSON: the file is prettier-formatted like the rest of the repository.
    expect(schema).toEqual(JSON.parse(configSchemaText()));
  });

  it("validates README's example config, which the app's loader accepts too", () => {
    const text = readmeExample();
    const value = JSON.parse(text) as Record<string, unknown>;
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfigText(text).ok).toBe(true);
    // No dead proxy: an alternate path that does not run would fail every check through it.
    expect(value).not.toHaveProperty('alternatePath');
  });

  it('accepts "$schema" and rejects what the loader rejects: no targets, unknown keys', () => {
    const example = JSON.parse(readmeExample()) as Record<string, unknown>;
    expect(validate({ ...example, $schema: './why500.schema.json' })).toBe(true);
    expect(validate({})).toBe(false);
    expect(validate({ targets: [] })).toBe(false);
    expect(validate({ ...example, colour: 'red' })).toBe(false);
  });
});
