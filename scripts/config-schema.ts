// The published JSON Schema of the config file (why500.schema.json), generated from the one valibot
// schema the app checks configs with, so editors complete and check the file ("$schema"). Run
// `npm run schema` after changing shared/config/schema.ts; scripts/config-schema.test.ts fails until then.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { ConfigSchema } from '../shared/config/schema';

/** Where the schema is published, at the repository's root. */
export const SCHEMA_PATH = fileURLToPath(new URL('../why500.schema.json', import.meta.url));

/** The schema as written to why500.schema.json (then formatted by prettier, as `npm run schema` does). */
export function configSchemaText(): string {
  // Custom checks (URL shapes, unique names) have no JSON Schema form: the app still runs them.
  const { $schema, ...schema } = toJsonSchema(ConfigSchema, { errorMode: 'ignore' });
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const published = {
    $schema,
    title: 'why500 configuration',
    description:
      'The services why500 watches and how. Every key is optional but "targets"; see README.md ("The command line").',
    ...schema,
    // A config file must name what to watch (core/config/load.ts); the app's own settings always do.
    properties: { ...properties, targets: { ...properties['targets'], minItems: 1 } },
    required: ['targets'],
  };
  return `${JSON.stringify(published, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, configSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
