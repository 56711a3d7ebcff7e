// Hostile status-page content shared by the unit, CLI and window tests: an injection list (terminal
// escapes, HTML, Markdown and CommonMark tricks) and an Atlassian-shaped summary built from it, with a
// huge title and as many incidents as asked.

/** Strings a hostile page might put in any text field. */
export const INJECTIONS: readonly string[] = [
  'clear\u001b[2J\u001b[Hscreen',
  'hidden \u001b]8;;http://evil.example/\u0007link\u001b]8;;\u0007 here',
  'title \u001b]0;pwned\u0007 change',
  'bell\u0007\u0007',
  'start\roverwritten',
  'c1 \u009b31m csi \u0085 nel',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="http://evil.example/a">a</a>',
  '<!-- comment --> <?php ?> <![CDATA[x]]>',
  '[click](javascript:alert(1))',
  '![x](http://evil.example/beacon.png)',
  '<http://evil.example/auto> <mailto:evil@example.com>',
  'bare http://evil.example/bare www.evil.example evil@example.com',
  '[ref][1]\n\n[1]: http://evil.example/ref',
  '[x]: http://evil.example/def',
  '[[nested](http://evil.example/n)](http://evil.example/m)',
  '[a](<http://evil.example/angle>) [b]( http://evil.example/sp "t")',
  '\\[escaped\\](http://evil.example/e) \\',
  '&lt;script&gt; &#60;img src=x&#62; &amp; &#x3C;',
  'Setext\n===',
  'Setext\r---',
  '# heading',
  '- item',
  '+ item',
  '> quote',
  '1. item',
  '2) item',
  '    indented code',
  '`code` ``` fence ~~~',
  '*em* **strong** _u_ __uu__ ~~s~~',
  'a | b | c',
  'rtl \u202Egnp.exe\u202C and \u2066iso\u2069',
  'zero\u200Bwidth\u200D\uFEFF',
  'line\u2028sep\u2029para',
];

/** One string holding every injection. */
export const ALL_INJECTIONS = INJECTIONS.join(' ');

/** Options of {@link hostileSummary}. */
export interface HostileSummaryOptions {
  /** Characters in the first incident's title (default 1.9 million). */
  titleChars?: number;
  /** Open incidents (default 20 000). */
  incidents?: number;
  /** Components (default 2 000). */
  components?: number;
  /** Keep each incident small (name and stage only, no updates), so many fit under a size limit. */
  compact?: boolean;
}

/**
 * An Atlassian Statuspage `summary.json` whose every text field is hostile: the page name, description,
 * components, incidents (names, updates, shortlinks) and maintenance windows.
 */
export function hostileSummary(options: HostileSummaryOptions = {}): Record<string, unknown> {
  const titleChars = options.titleChars ?? 1_900_000;
  const incidentCount = options.incidents ?? 20_000;
  const componentCount = options.components ?? 2_000;
  const pick = (i: number): string => INJECTIONS[i % INJECTIONS.length]!;
  // Mostly plain filler, so 1.9 million characters stay under the status reader's 2 MiB limit as JSON.
  const filler = `${'x'.repeat(40)}<b>y</b>\r`;
  const huge = `${ALL_INJECTIONS} ${filler.repeat(Math.ceil(titleChars / filler.length))}`.slice(
    0,
    titleChars,
  );
  const components = Array.from({ length: componentCount }, (_, i) => ({
    id: `c${i}`,
    name: `${pick(i)} ${i}`,
    status: i % 3 === 0 ? 'major_outage' : 'operational',
    group_id: null,
    group: false,
  }));
  const compact = (i: number) => ({
    name: i === 0 ? huge : `${pick(i).slice(0, 40)}${i}`,
    status: 'investigating',
    impact: 'major',
  });
  const full = (i: number) => ({
    id: `i${i}`,
    name: i === 0 ? huge : `${pick(i)} ${i}`,
    status: 'investigating',
    impact: 'major',
    created_at: '2026-11-26T00:00:00.000Z',
    updated_at: '2026-11-26T00:05:00.000Z',
    shortlink: i % 2 ? 'javascript:alert(1)' : `http://evil.example/\u001b[2J${i}`,
    incident_updates: [
      {
        body: `${ALL_INJECTIONS}\r\n${pick(i + 1)}`,
        display_at: '2026-11-26T00:05:00.000Z',
        affected_components: [{ name: pick(i + 2) }],
      },
    ],
    components: [{ name: pick(i + 3) }],
  });
  const incidents = Array.from({ length: incidentCount }, (_, i) => (options.compact ? compact(i) : full(i)));
  return {
    page: {
      id: 'evil',
      name: `Evil ${ALL_INJECTIONS}`,
      url: 'http://evil.example',
      time_zone: 'Etc/UTC',
      updated_at: '2026-11-26T00:05:00.000Z',
    },
    status: { indicator: 'major', description: `Down ${ALL_INJECTIONS}` },
    components,
    incidents,
    scheduled_maintenances: Array.from({ length: 200 }, (_, i) => ({
      id: `m${i}`,
      name: `${pick(i)} window`,
      status: i % 2 ? 'scheduled' : 'in_progress',
      scheduled_for: '2026-11-27T00:00:00.000Z',
      scheduled_until: '2026-11-27T01:00:00.000Z',
      components: [{ name: pick(i) }],
    })),
  };
}
