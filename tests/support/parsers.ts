// Every parser of strangers' bytes as one named call on a hostile text: each recogniser, the build
// fingerprint extractor, the response-signal reader, each status provider (on the corpus shapes with
// every string replaced, and on HTML), the status body classifier and the sanitiser. Shared by the
// CPU-budget property test and the parser benchmark.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFingerprint, hashedAssetNames } from '../../core/evidence/fingerprint';
import { RECOGNISERS } from '../../core/evidence/recognise';
import { readSignals } from '../../core/evidence/signals';
import { classifyBody } from '../../core/status/body';
import { STATUS_PROVIDERS } from '../../core/status/providers';
import { probe } from '../../core/testing/synthetic';
import { markdownCell, markdownText, markdownUrl } from '../../core/report/markdown-text';
import { createRedactor } from '../../core/report/redact';
import { cleanText, cleanUrl, TEXT_LIMITS } from '../../shared/text/sanitize';
import { displayWidth } from '../../shared/text/width';
import { recogniserHeaderNames, statusTemplates, withEveryString } from './adversarial';

/** One parser: its name and a call that feeds it `text` the way production does. */
export interface HostileParser {
  name: string;
  run(text: string): unknown;
}

const AT = '2026-06-01T12:00:00.000Z';
const CTX = {
  pageUrl: 'https://status.example.com',
  sourceUrl: 'https://status.example.com/x',
  fetchedAt: AT,
};
const HEADER_NAMES = recogniserHeaderNames();
const TEMPLATES = statusTemplates();
const STATUS_HTML = readFileSync(
  join(
    import.meta.dirname,
    '..',
    'corpus',
    'status',
    'incidentio-openai-status-page-html-ongoing-incident-2026-03-17.html',
  ),
  'utf8',
);

/** Headers as the probe keeps them (each value cut to the header limit), all set to `text`. */
function hostileHeaders(text: string): Record<string, string> {
  const value = text.slice(0, TEXT_LIMITS.header);
  return Object.fromEntries(HEADER_NAMES.map((name) => [name, value]));
}

/** Every parser of remote text. */
export const HOSTILE_PARSERS: readonly HostileParser[] = [
  ...RECOGNISERS.map((r) => ({
    name: `recognise: ${r.id}`,
    run: (text: string) =>
      [500, 503, 403].map((status) =>
        r.recognise({
          status,
          reason: text.slice(0, TEXT_LIMITS.reason),
          headers: hostileHeaders(text),
          body: text,
        }),
      ),
  })),
  { name: 'fingerprint: asset names', run: (text: string) => hashedAssetNames(text, 200) },
  {
    name: 'fingerprint: extract',
    run: (text: string) => extractFingerprint(probe(AT, { name: 'site', status: 200, body: text })),
  },
  {
    name: 'evidence: response signals',
    run: (text: string) =>
      readSignals(probe(AT, { name: 'site', status: 500, headers: hostileHeaders(text), body: text })),
  },
  ...STATUS_PROVIDERS.map((p) => ({
    name: `status: ${p.id} JSON`,
    run: (text: string) =>
      TEMPLATES.map((t) => {
        try {
          return p.parse(withEveryString(t, text), CTX);
        } catch {
          return null;
        }
      }),
  })),
  ...STATUS_PROVIDERS.filter((p) => p.parseHtml).map((p) => ({
    name: `status: ${p.id} HTML`,
    run: (text: string) => [
      p.parseHtml!(text, CTX),
      p.parseHtml!(STATUS_HTML.replace('</title>', `${text}</title>`), CTX),
    ],
  })),
  {
    name: 'status: body classifier',
    run: (text: string) => [classifyBody(text, 'application/json'), classifyBody(text, 'text/html')],
  },
  {
    name: 'sanitiser',
    run: (text: string) => [
      cleanText(text, TEXT_LIMITS.body, { lines: true }),
      cleanText(text, TEXT_LIMITS.title),
      cleanUrl(`https://example.com/${text}`),
    ],
  },
  {
    // A token-shaped secret, so every spelling (percent, JSON, HTML entities, Base64) is looked for.
    name: 'report: redactor',
    run: (text: string) => createRedactor(['ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12'])(text),
  },
  {
    name: 'report: Markdown text',
    run: (text: string) => [
      markdownText(text),
      markdownCell(text),
      markdownUrl(`https://example.com/${text}`),
    ],
  },
  { name: 'terminal: display width', run: (text: string) => displayWidth(text) },
];
