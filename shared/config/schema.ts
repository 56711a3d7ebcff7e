// The configuration's schema: the one check used by the CLI's config file and the app's settings form.

import * as v from 'valibot';

const httpUrl = (what: string) =>
  v.pipe(
    v.string('a string'),
    v.check((s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s), `${what}`),
  );

const name = v.pipe(
  v.string('a string'),
  v.trim(),
  v.minLength(1, 'a non-empty name'),
  v.maxLength(80, 'a name of at most 80 characters'),
);

/** One endpoint. */
export const EndpointSchema = v.strictObject({
  name,
  url: httpUrl('an http(s) URL'),
  auth: v.optional(v.boolean('true or false')),
});

/** Token scheme and source. */
export const AuthSchema = v.strictObject({
  scheme: v.pipe(
    v.string('a string'),
    v.regex(/^[A-Za-z][A-Za-z0-9._-]{0,31}$/, 'a scheme word such as "Token" or "Bearer"'),
  ),
  tokenEnv: v.optional(
    v.pipe(
      v.string('a string'),
      // Only variables meant for why500: a config must not be able to send another secret
      // (AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN…) from the environment as the token.
      v.regex(
        /^WHY500_[A-Za-z0-9_]+$/,
        'a variable name starting with WHY500_, such as "WHY500_TOKEN" (only why500 variables are read, so a config cannot send another secret as the token)',
      ),
    ),
  ),
});

/** One target. */
export const TargetSchema = v.strictObject({
  name,
  site: httpUrl('an http(s) URL of the site page'),
  endpoints: v.optional(
    v.pipe(v.array(EndpointSchema, 'a list of endpoints'), v.maxLength(20, 'at most 20 endpoints')),
  ),
  statusPage: v.optional(httpUrl('an http(s) URL of the status page')),
  auth: v.optional(AuthSchema),
});

/** The whole configuration file. */
export const ConfigSchema = v.strictObject({
  /** The JSON Schema an editor completes and checks the file with (why500.schema.json). */
  $schema: v.optional(v.string('a string (the URL or path of why500.schema.json)')),
  intervalSeconds: v.optional(
    v.pipe(
      v.number('a number of seconds'),
      v.integer('a whole number of seconds'),
      v.minValue(10, 'at least 10 seconds (be polite to the service)'),
      v.maxValue(3600, 'at most 3600 seconds'),
    ),
  ),
  controls: v.optional(
    v.pipe(v.array(httpUrl('an http(s) URL'), 'a list of URLs'), v.maxLength(5, 'at most 5 controls')),
  ),
  alternatePath: v.optional(
    v.strictObject({
      proxy: v.pipe(
        v.string('a string'),
        v.check(
          (s) => /^https?:\/\/[^\s/]+/i.test(s) && URL.canParse(s),
          'a proxy URL such as "http://127.0.0.1:8888"',
        ),
      ),
    }),
  ),
  browserProfiles: v.optional(
    v.array(
      v.pipe(v.string('a string'), v.minLength(1, 'a folder path or "auto"')),
      'a list of folders or "auto"',
    ),
  ),
  targets: v.optional(
    v.pipe(v.array(TargetSchema, 'a list of targets'), v.maxLength(10, 'at most 10 targets')),
  ),
  /** Catalogue ids (shared/catalogue), each watched as a target beside `targets`; checked in parse.ts. */
  services: v.optional(
    v.pipe(
      v.array(v.pipe(v.string('a service id such as "chatgpt"'), v.trim()), 'a list of service ids'),
      v.maxLength(10, 'at most 10 services'),
    ),
  ),
  dohResolvers: v.optional(
    v.pipe(
      v.array(httpUrl('a DNS-over-HTTPS URL such as "https://1.1.1.1/dns-query"'), 'a list of URLs'),
      v.minLength(1, 'at least 1 resolver'),
      v.maxLength(4, 'at most 4 resolvers'),
    ),
  ),
});
