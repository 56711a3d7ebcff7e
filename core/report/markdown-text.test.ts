// The Markdown report stays text: remote text rendered by a real CommonMark renderer (markdown-it, with
// raw HTML allowed and linkify on) shows as its own characters, with no tag, link or image of its choosing.

import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { UNSAFE_CHAR, cleanText } from '../../shared/text/sanitize';
import { ALL_INJECTIONS, INJECTIONS, hostileSummary } from '../../tests/support/hostile-status';
import { atlassianProvider } from '../status/providers';
import { sampleDiagnosis, sampleInput, sampleProbe } from '../testing/report-inputs';
import { markdownCell, markdownText, markdownUrl } from './markdown-text';
import { renderReport } from './report';

const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];

/** Every token of a rendered document, inline children included. */
function tokens(source: string): Token[] {
  return md.parse(source, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}

/** Tokens that would be markup of the text's choosing. */
const MARKUP = new Set([
  'html_inline',
  'html_block',
  'image',
  'link_open',
  'code_block',
  'fence',
  'em_open',
  'strong_open',
  's_open',
  'heading_open',
  'blockquote_open',
  'bullet_list_open',
  'ordered_list_open',
  'hr',
]);

/** The plain text a paragraph or cell renders to. */
function textOf(source: string): string {
  return tokens(source)
    .filter((t) => t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

/** Asserts that escaped text renders as exactly the cleaned text, with no markup, wherever it stands. */
function expectInert(raw: string): void {
  const want = cleanText(raw, 4_000);
  const escaped = markdownText(raw);
  for (const [source, prefix] of [
    [escaped, ''],
    [`- ${escaped}`, ''],
    [`| head |\n|---|\n| ${markdownCell(raw)} |`, 'head'],
  ] as const) {
    const found = tokens(source).filter(
      (t) => MARKUP.has(t.type) && !(t.type === 'bullet_list_open' && source.startsWith('- ')),
    );
    expect(
      found.map((t) => t.type),
      source,
    ).toEqual([]);
    expect(textOf(source), source).toBe(`${prefix}${want}`);
  }
}

describe('markdownText', () => {
  it('reads well as plain text: risky words in code spans, no backslash escapes', () => {
    expect(markdownText('Character.AI is down')).toBe('`Character.AI` is down');
    expect(markdownText('see https://status.character.ai now')).toBe('see `https://status.character.ai` now');
    expect(markdownText('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('`ERR_TLS_CERT_ALTNAME_INVALID`');
    expect(markdownText('a `b` c')).toBe('a `` `b` `` c');
    expect(markdownText('x ``y`')).toBe('x ``` ``y` ```');
    expect(markdownCell('a|b')).toBe('`a\\|b`');
    expect(markdownText('Nothing to escape here, really (none).')).toBe(
      'Nothing to escape here, really (none).',
    );
    expect(markdownText('# heading')).toBe('`#` heading');
  });

  it.each(INJECTIONS.map((s) => [JSON.stringify(s), s]))('renders %s as its own characters', (_, s) => {
    expectInert(s);
  });

  it('holds for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.oneof(
            fc.constantFrom(
              ...INJECTIONS,
              '[',
              ']',
              '(',
              ')',
              '!',
              '<',
              '>',
              ':',
              '//',
              '.com',
              'www.',
              '#',
              '1.',
              '&',
              ';',
              '\\',
              '`',
              '*',
              '_',
              '|',
              '\n',
              '\r',
              ' ',
              '    ',
            ),
            fc.string({ maxLength: 5 }),
          ),
          { maxLength: 20 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(fc.property(text, expectInert), { numRuns: 400 });
  });
});

describe('the whole report with a hostile status page and hostile probe results', () => {
  const snapshot = atlassianProvider.parse(
    hostileSummary({ titleChars: 50_000, incidents: 80, components: 150 }),
    {
      pageUrl: 'https://status.example.test',
      sourceUrl: 'https://status.example.test/api/v2/summary.json',
      fetchedAt: '2026-11-26T00:05:00.000Z',
    },
  );
  const diagnosis = sampleDiagnosis();
  diagnosis.ranking[0]!.for.push(`The status page reports: ${snapshot.incidents[1]!.name}`);
  const input = sampleInput({
    diagnosis,
    statusReading: { snapshot, stale: false, unavailable: null },
    tried: [`Read ${ALL_INJECTIONS}`],
    recentEvents: [
      {
        event: 'outage',
        target: 'Example',
        at: '2026-11-26T00:01:00.000Z',
        cause: 'overload',
        summary: ALL_INJECTIONS,
      },
    ],
    lastRound: {
      target: 'Example',
      startedAt: '2026-11-26T00:05:00.000Z',
      finishedAt: '2026-11-26T00:05:00.200Z',
      probes: [sampleProbe({ error: ALL_INJECTIONS, headers: { 'cf-ray': '<img src=x>-FRA' } })],
      status: null,
    },
  });
  const report = renderReport(input, 'markdown');
  const configured = new Set([
    'https://example.test/',
    'https://status.example.test',
    'https://api.example.test/health',
  ]);

  it('holds no tag, image or link; the target’s own configured URLs are code', () => {
    const all = tokens(report);
    expect(all.filter((t) => ['html_inline', 'html_block', 'image', 'link_open'].includes(t.type))).toEqual(
      [],
    );
    const code = new Set(all.filter((t) => t.type === 'code_inline').map((t) => t.content));
    for (const url of configured) expect(code).toContain(new URL(url).href);
    expect(md.render(report)).not.toMatch(/<(script|img|a )/);
  });

  it('has no control character and no line over 2,000 characters', () => {
    expect(report).not.toMatch(UNSAFE_CHAR);
    for (const line of report.split('\n')) expect(line.length).toBeLessThanOrEqual(2_000);
    expect(report).toContain('and 75 more');
  });

  it('keeps the JSON report exact: the parsed page as it was read', () => {
    const json = JSON.parse(renderReport(input, 'json')) as { statusPage: { snapshot: unknown } };
    expect(json.statusPage.snapshot).toEqual(JSON.parse(JSON.stringify(snapshot)));
  });
});

describe('configured URLs in the report', () => {
  const HOSTILE_URLS = [
    'https://a.example/<img src=x onerror=alert(1)>',
    'https://a.example/x"><script>alert(1)</script>',
    'https://a.example/<iframe src="https://evil.example/">',
    'https://a.example/[click](https://evil.example/)',
    'https://a.example/path with spaces/``code``?q=`x`#`frag`',
    'https://a.example/![x](https://evil.example/beacon.png)',
    'https://a.example/?a=<b>&c=&lt;script&gt;',
  ];

  it.each(HOSTILE_URLS.map((u) => [u]))('%s renders as its serialised form in code, nothing else', (url) => {
    const href = new URL(url).href;
    for (const source of [markdownUrl(url), `- **Site:** ${markdownUrl(url)}`]) {
      const found = tokens(source);
      expect(
        found.filter(
          (t) =>
            MARKUP.has(t.type) &&
            t.type !== 'code_inline' &&
            t.type !== 'bullet_list_open' &&
            t.type !== 'strong_open',
        ),
      ).toEqual([]);
      expect(found.filter((t) => t.type === 'code_inline').map((t) => t.content)).toEqual([href]);
      expect(md.render(source)).not.toMatch(/<(img|script|iframe|a )/);
    }
  });

  it('the report prints the site, status page and endpoint URLs that way', () => {
    const [site, status, endpoint] = HOSTILE_URLS;
    const input = sampleInput({
      lastRound: {
        target: 'Example',
        startedAt: '2026-11-26T00:05:00.000Z',
        finishedAt: '2026-11-26T00:05:00.200Z',
        probes: [sampleProbe({ url: endpoint! })],
        status: null,
      },
    });
    input.target = { ...input.target, site: site!, statusPage: status! };
    const report = renderReport(input, 'markdown');
    const all = tokens(report);
    expect(all.filter((t) => ['html_inline', 'html_block', 'image', 'link_open'].includes(t.type))).toEqual(
      [],
    );
    const code = all.filter((t) => t.type === 'code_inline').map((t) => t.content);
    for (const url of [site!, status!, endpoint!]) expect(code).toContain(new URL(url).href);
    expect(md.render(report)).not.toMatch(/<(img|script|iframe|a )/);
  });
});
