// The catalogue's schema: what every entry of services.json must say, checked once when it is loaded.

import * as v from 'valibot';

const https = (what: string) =>
  v.pipe(
    v.string('a string'),
    v.check((s) => /^https:\/\/[^\s/]+/i.test(s) && URL.canParse(s), `${what} (an https URL)`),
  );

const text = (what: string, max: number) =>
  v.pipe(
    v.string('a string'),
    v.minLength(1, `a non-empty ${what}`),
    v.maxLength(max, `a ${what} of at most ${max} characters`),
  );

/** Where one fact came from and when it was seen. */
export const SourceSchema = v.strictObject({
  ref: text('reference', 600),
  date: v.pipe(v.string('a date'), v.isoDate('a date such as "2026-09-28"')),
});

/** The status-page providers an entry may name (`none`: it has no public status page). */
export const STATUS_PROVIDERS = [
  'statuspage',
  'incidentio',
  'instatus',
  'betterstack',
  'other',
  'none',
] as const;

/** The front vendors (CDNs) an entry may name; `unknown` when no public evidence shows one. */
export const FRONT_VENDORS = ['cloudflare', 'cloudfront', 'fastly', 'akamai', 'google', 'unknown'] as const;

const StatusSchema = v.variant('provider', [
  v.strictObject({ provider: v.literal('none') }),
  v.strictObject({
    provider: v.picklist(['statuspage', 'incidentio', 'instatus', 'betterstack', 'other'] as const),
    url: https('the status page'),
    /** Another origin serving the same page, for when the public one sits behind a bot check. */
    fallback: v.optional(https('the fallback origin')),
    note: v.optional(text('note', 200)),
  }),
]);

/** One catalogue entry. */
export const ServiceEntrySchema = v.strictObject({
  id: v.pipe(
    v.string('a string'),
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as "character-ai"'),
  ),
  name: text('name', 80),
  site: https('the site page'),
  endpoints: v.pipe(
    v.array(
      v.strictObject({
        name: v.pipe(v.string('a string'), v.regex(/^[a-z][a-z0-9-]{0,30}$/, 'a short lower-case name')),
        url: https('the endpoint'),
        auth: v.optional(v.literal(true)),
        why: text('reason', 300),
      }),
    ),
    v.minLength(1, 'at least 1 endpoint'),
    v.maxLength(2, 'at most 2 endpoints'),
  ),
  status: StatusSchema,
  cdn: v.picklist(FRONT_VENDORS, `one of ${FRONT_VENDORS.join(', ')}`),
  auth: v.nullable(
    v.strictObject({
      scheme: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9._-]{0,31}$/, 'a scheme word')),
    }),
  ),
  sources: v.strictObject({
    site: SourceSchema,
    endpoints: SourceSchema,
    status: SourceSchema,
    cdn: SourceSchema,
    auth: SourceSchema,
  }),
});

/** The vendors' own status pages, for checking a shared-vendor failure against them. */
export const VendorSchema = v.strictObject({
  id: v.picklist(FRONT_VENDORS),
  name: text('name', 40),
  statusPage: https('the vendor status page'),
  source: SourceSchema,
});

/** The whole catalogue file. */
export const CatalogueSchema = v.strictObject({
  services: v.pipe(v.array(ServiceEntrySchema), v.minLength(1, 'at least 1 service')),
  vendors: v.array(VendorSchema),
});

/** One checked catalogue entry. */
export type ServiceEntry = v.InferOutput<typeof ServiceEntrySchema>;
/** A front vendor with its status page. */
export type FrontVendorEntry = v.InferOutput<typeof VendorSchema>;
/** A front vendor id. */
export type FrontVendor = (typeof FRONT_VENDORS)[number];
/** The checked catalogue. */
export type Catalogue = v.InferOutput<typeof CatalogueSchema>;
