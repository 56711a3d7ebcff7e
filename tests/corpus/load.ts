// Loads the real-response corpus (tests/corpus/): every manifest under manifest/, each http entry
// parsed from its raw HTTP/1.1 text, each status entry read as text. The format is in README.md.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSIS_OUTCOMES, type Verdict } from '../../shared/types/diagnosis';
import {
  LAYERS as RECOGNITION_LAYERS,
  MEANINGS as RECOGNITION_MEANINGS,
} from '../../shared/types/recognition';

/** The folder that holds manifest/, http/ and status/. */
export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

/** Who answered the request: the recognisers' layers, plus the status pages of status entries. */
export const LAYERS = [...RECOGNITION_LAYERS, 'status-page'] as const;

/** What the response means: the recognisers' meanings, plus status data and plain success. */
export const MEANINGS = [...RECOGNITION_MEANINGS, 'status-data', 'ok'] as const;

/** What why500 should conclude when the watched service answers this on its failing endpoints: the app's verdicts. */
export const CAUSES = [...DIAGNOSIS_OUTCOMES, 'unknown'] as const satisfies readonly Verdict[];

/** How much of the entry was copied from its source. */
export const FIDELITIES = ['verbatim', 'body-verbatim', 'RECONSTRUCTED'] as const;

/** One manifest object, as written in manifest/<group>.json. */
export interface ManifestEntry {
  id: string;
  file: string;
  kind: 'http' | 'status';
  vendor: string;
  layer: (typeof LAYERS)[number];
  meaning: (typeof MEANINGS)[number];
  code?: string;
  cause: (typeof CAUSES)[number];
  fidelity: (typeof FIDELITIES)[number];
  source: string;
  date: string;
  note: string;
  /** The manifest file (e.g. "edge.json") the entry came from. */
  group: string;
}

/** A recorded HTTP response. */
export interface HttpCorpusEntry extends ManifestEntry {
  kind: 'http';
  status: number;
  reason: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Recorded status-page data. */
export interface StatusCorpusEntry extends ManifestEntry {
  kind: 'status';
  text: string;
}

/** Any corpus entry. */
export type CorpusEntry = HttpCorpusEntry | StatusCorpusEntry;

/** A raw HTTP/1.1 response split into its parts. */
export interface ParsedResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

const STATUS_LINE = /^HTTP\/1\.1 (\d{3}) (.*)$/;
const HEADER_LINE = /^([a-z0-9-]+): (.*)$/;

/**
 * Parses one corpus .http file: status line, lower-case "name: value" lines, one empty line, body.
 * Throws with the file name and the offending line when the text is not of that form.
 */
export function parseHttpResponse(raw: string, file = 'response'): ParsedResponse {
  const end = raw.indexOf('\n\n');
  if (end < 0) throw new Error(`${file}: no empty line between the headers and the body`);
  const [first = '', ...headerLines] = raw.slice(0, end).split('\n');
  const statusMatch = STATUS_LINE.exec(first);
  if (!statusMatch) throw new Error(`${file}: first line "${first}" is not "HTTP/1.1 <status> <reason>"`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const match = HEADER_LINE.exec(line);
    if (!match) throw new Error(`${file}: header line "${line}" is not "lower-case-name: value"`);
    const [, name = '', value = ''] = match;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return { status: Number(statusMatch[1]), reason: statusMatch[2] ?? '', headers, body: raw.slice(end + 2) };
}

/** Reads every manifest under manifest/ (sorted by file name) without opening the entries' files. */
export function loadManifests(dir = CORPUS_DIR): ManifestEntry[] {
  const manifestDir = join(dir, 'manifest');
  return readdirSync(manifestDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((group) => {
      const entries = JSON.parse(readFileSync(join(manifestDir, group), 'utf8')) as Omit<
        ManifestEntry,
        'group'
      >[];
      return entries.map((entry) => ({ ...entry, group }));
    });
}

/** Loads the whole corpus: http entries parsed, status entries as text. */
export function loadCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  return loadManifests(dir).map((entry): CorpusEntry => {
    const text = readFileSync(join(dir, entry.file), 'utf8');
    if (entry.kind === 'status') return { ...entry, kind: 'status', text };
    return { ...entry, kind: 'http', ...parseHttpResponse(text, entry.file) };
  });
}
