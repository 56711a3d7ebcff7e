// A hostile status page on loopback (terminal escapes, HTML, Markdown links and images, lone CRs, a
// 1.9 MB title, 20 000 incidents) through the real CLI: `check`, `diagnose` and `diagnose --markdown`
// print inert, bounded text, in a few seconds.

import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileSummary } from '../tests/support/hostile-status';
import { useFakeWorld } from './testing/fake-world';
import { cleanEnv, runCli, type CliRun } from './testing/run-cli';

const TOKEN = 'feedbeeffeedbeeffeedbeeffeedbeeffeedbeef';
const world = useFakeWorld('why500-hostile-', TOKEN);

/** Controls a terminal acts on (tab and line feed are fine), C1 controls and bidi/invisible characters. */
const ACTS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;

async function timed(args: string[]): Promise<CliRun & { ms: number }> {
  const started = performance.now();
  const r = await runCli(
    [...args, '--config', world.configPath, '--data-dir', join(world.dir, 'data')],
    cleanEnv(world.dir, { WHY500_FAKE_TOKEN: TOKEN }),
  );
  return { ...r, ms: performance.now() - started };
}

function expectInert(r: CliRun): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toMatch(ACTS);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2_000);
  }
}

const PAGES = {
  'a 1.9 MB title': hostileSummary({ titleChars: 1_900_000, incidents: 5, components: 20, compact: true }),
  '20,000 incidents': hostileSummary({ titleChars: 100, incidents: 20_000, components: 10, compact: true }),
};

describe.each(Object.entries(PAGES))('a hostile status page with %s', (label, page) => {
  beforeAll(() => {
    world.fake.statusBody = JSON.stringify(page);
    // Under the reader's 2 MiB limit, so the page is read, not refused as too large.
    expect(Buffer.byteLength(world.fake.statusBody)).toBeLessThan(2 * 1024 * 1024);
  });

  it('check prints inert, bounded text', async () => {
    const r = await timed(['check']);
    console.log(`why500 check, hostile page with ${label}: ${r.ms.toFixed(0)} ms`);
    expectInert(r);
    expect(r.stdout).toMatch(/Status page: The status page says .*open incidents?: /);
    expect(r.stdout).toContain('<script>alert(1)</script>');
    expect(r.ms).toBeLessThan(20_000);
  });

  it('diagnose prints inert, bounded text', async () => {
    const r = await timed(['diagnose']);
    console.log(`why500 diagnose, hostile page with ${label}: ${r.ms.toFixed(0)} ms`);
    expectInert(r);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('diagnose --markdown has no tag, link or image of the page’s choosing', async () => {
    const r = await timed(['diagnose', '--markdown']);
    console.log(`why500 diagnose --markdown, hostile page with ${label}: ${r.ms.toFixed(0)} ms`);
    expectInert(r);
    expect(r.stdout).toMatch(/^# why500 report: Fake/);
    expect(r.stdout).toContain('open incidents');
    const md = new MarkdownIt({ html: true, linkify: true });
    const tokens = md.parse(r.stdout, {}).flatMap((t) => [t, ...(t.children ?? [])]);
    expect(
      tokens.filter((t) => ['html_inline', 'html_block', 'image', 'link_open'].includes(t.type)),
    ).toEqual([]);
    // The configured URLs are there, as code.
    const code = tokens.filter((t) => t.type === 'code_inline').map((t) => t.content);
    expect(code).toContain(`${world.fake.url}/status`);
    expect(r.ms).toBeLessThan(20_000);
  });
});

describe('hostile configured URLs', () => {
  it('diagnose --markdown prints them as their serialised form in code, with no tag or link', async () => {
    const site = `${world.fake.url}/<img src=x onerror=alert(1)>`;
    const statusPage = `${world.fake.url}/status/x"><script>alert(1)</script>`;
    const endpoint = `${world.fake.url}/health/<iframe src="https://evil.example/">[x](https://evil.example/)`;
    const config = world.write(
      'hostile-urls.json',
      world.fake.config({}, { site, statusPage, endpoints: [{ name: 'health', url: endpoint }] }),
    );
    world.fake.statusBody = JSON.stringify(hostileSummary({ titleChars: 100, incidents: 1, components: 1 }));
    const r = await runCli(
      ['diagnose', '--markdown', '--config', config, '--data-dir', join(world.dir, 'data-urls')],
      cleanEnv(world.dir, {}),
    );
    expect(r.stdout).toMatch(/^# why500 report: Fake/);
    const md = new MarkdownIt({ html: true, linkify: true });
    const tokens = md.parse(r.stdout, {}).flatMap((t) => [t, ...(t.children ?? [])]);
    expect(
      tokens.filter((t) => ['html_inline', 'html_block', 'image', 'link_open'].includes(t.type)),
    ).toEqual([]);
    const code = tokens.filter((t) => t.type === 'code_inline').map((t) => t.content);
    for (const url of [site, statusPage, endpoint]) expect(code).toContain(new URL(url).href);
    expect(md.render(r.stdout)).not.toMatch(/<(img|script|iframe|a )/);
  });
});
