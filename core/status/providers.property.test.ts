// Property tests: any JSON (biased towards each provider's shape, with hostile strings) either is
// refused with a StatusFormatError or parses into a snapshot with no control character and within caps.

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { INJECTIONS } from '../../tests/support/hostile-status';
import { expectBounded } from './bound.test-support';
import { StatusFormatError } from './provider';
import { STATUS_PROVIDERS, incidentioProvider } from './providers';

const ctx = {
  pageUrl: 'https://status.example.com',
  sourceUrl: 'https://status.example.com/api/v2/summary.json',
  fetchedAt: '2026-06-01T12:00:00.000Z',
};

/** Strings a page could send: arbitrary ones, injections, words the parsers look for, dates. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom('major', 'investigating', 'resolved', 'in_progress', 'scheduled', 'UP', 'HASISSUES'),
  fc.constantFrom('major_outage', 'OPERATIONAL', 'MAJOROUTAGE', 'downtime', 'maintenance', 'incident'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** JSON values with the keys the providers read, nested a few levels. */
const KEYS = [
  'page',
  'status',
  'components',
  'incidents',
  'scheduled_maintenances',
  'name',
  'time_zone',
  'indicator',
  'description',
  'incident_updates',
  'body',
  'shortlink',
  'impact',
  'group',
  'group_id',
  'id',
  'data',
  'attributes',
  'aggregate_state',
  'included',
  'type',
  'title',
  'report_type',
  'ongoing_incidents',
  'affected_components',
  'activeIncidents',
  'activeMaintenances',
  'url',
  'updates',
  'message_string',
  'last_update_message',
  'structure',
  'items',
  'public_name',
  'started_at',
  'created_at',
  'starts_at',
];
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 6 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('node'), { maxKeys: 8 }),
  ),
})).node;

/** Objects shaped like each provider's replies, with arbitrary values inside. */
const some = (keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
const list = (keys: string[]) => fc.array(some(keys), { maxLength: 8 });
const ITEM = [
  'id',
  'name',
  'status',
  'impact',
  'group',
  'group_id',
  'shortlink',
  'url',
  'created_at',
  'started_at',
];
const shaped = fc.record(
  {
    page: some(['name', 'time_zone', 'updated_at', 'status']),
    status: some(['indicator', 'description']),
    components: list(ITEM),
    incidents: fc.array(
      fc.record({
        name: text,
        status: text,
        incident_updates: list(['body', 'display_at', 'affected_components']),
      }),
      { maxLength: 5 },
    ),
    scheduled_maintenances: list([...ITEM, 'scheduled_for', 'scheduled_until']),
    ongoing_incidents: list([...ITEM, 'affected_components', 'updates', 'last_update_message', 'type']),
    activeIncidents: list(ITEM),
    activeMaintenances: list([...ITEM, 'start', 'duration']),
    data: fc.record({ attributes: some(['aggregate_state', 'company_name']) }),
    included: fc.array(
      fc.record({
        type: fc.constantFrom('status_page_resource', 'status_report', 'status_page_section'),
        id: text,
        attributes: some([
          'public_name',
          'title',
          'name',
          'status',
          'report_type',
          'aggregate_state',
          'starts_at',
          'ends_at',
        ]),
      }),
      { maxLength: 6 },
    ),
  },
  { requiredKeys: [] },
);

describe.each(STATUS_PROVIDERS.map((p) => [p.id, p] as const))(
  '%s parser on arbitrary input',
  (_, provider) => {
    it('throws only StatusFormatError and yields bounded, inert snapshots', () => {
      fc.assert(
        fc.property(fc.oneof(value, shaped), (json) => {
          try {
            expectBounded(provider.parse(json, ctx));
          } catch (err) {
            if (!(err instanceof StatusFormatError)) throw err;
          }
        }),
        { numRuns: 200 },
      );
    });
  },
);

describe('incident.io page reader on arbitrary HTML', () => {
  it('returns null or a bounded snapshot', () => {
    const page = fc
      .tuple(fc.string({ unit: 'binary', maxLength: 300 }), value)
      .map(
        ([junk, v]) =>
          `<html>${junk}<script>self.__next_f.push([1,${JSON.stringify(
            `x:${JSON.stringify({ summary: { ongoing_incidents: [v], components: [v] } })}`,
          )}])</script>`,
      );
    fc.assert(
      fc.property(page, (html) => {
        const s = incidentioProvider.parseHtml(html, ctx);
        if (s) expectBounded(s);
      }),
      { numRuns: 200 },
    );
  });
});
