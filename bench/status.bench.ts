// Status-page figures: parse cost per real sample, and a full read against a local server (fresh and 304).

import { readFileSync } from 'node:fs';
import type { BenchSection } from './types';
import { ProviderMemory } from '../core/status/detect';
import { StatusPageReader } from '../core/status/reader';
import { atlassianProvider, incidentioProvider } from '../core/status/providers';
import { jsonReply, startStatusServer } from '../core/testing/status-server';

const FIXTURES = new URL('../tests/corpus/status/', import.meta.url);

function perCall(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 20; i++) fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - start) / runs;
}

/** Runs the status-page benchmark. */
export async function run(): Promise<BenchSection[]> {
  const ctx = { pageUrl: 'https://x', sourceUrl: 'https://x', fetchedAt: new Date().toISOString() };
  const github = readFileSync(
    new URL('statuspage-github-summary-incident-partial-outage-2022-11-25.json', FIXTURES),
    'utf8',
  );
  const html = readFileSync(
    new URL('incidentio-openai-status-page-html-ongoing-incident-2026-03-17.html', FIXTURES),
    'utf8',
  );
  const parseMs = perCall(() => atlassianProvider.parse(JSON.parse(github), ctx), 500);
  const htmlMs = perCall(() => incidentioProvider.parseHtml(html, ctx), 50);

  const server = await startStatusServer({
    '/api/v2/summary.json': jsonReply(github, { headers: { etag: '"b"' } }),
  });
  let t = Date.now();
  const reader = new StatusPageReader({
    baseUrl: server.url,
    now: () => t,
    memory: new ProviderMemory(),
    fetchOptions: { env: {} },
  });
  let start = performance.now();
  await reader.read();
  const firstMs = performance.now() - start;
  const rounds = 50;
  start = performance.now();
  for (let i = 0; i < rounds; i++) {
    t += 61_000;
    await reader.read();
  }
  const conditionalMs = (performance.now() - start) / rounds;
  await server.close();

  return [
    {
      title: 'Status pages',
      figures: [
        { name: 'parse GitHub summary.json (12 KB)', value: parseMs, unit: 'ms' },
        { name: 'extract incident.io summary from HTML (255 KB)', value: htmlMs, unit: 'ms' },
        { name: 'first read incl. detection, loopback', value: firstMs, unit: 'ms' },
        { name: 'later read answered 304, loopback', value: conditionalMs, unit: 'ms' },
      ],
    },
  ];
}
