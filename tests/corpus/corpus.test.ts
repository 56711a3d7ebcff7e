// Self-check of the real-response corpus: every manifest entry is complete, uses the shared
// vocabulary, names an existing file, and every .http file parses as a raw HTTP/1.1 response.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CAUSES,
  CORPUS_DIR,
  FIDELITIES,
  LAYERS,
  MEANINGS,
  loadCorpus,
  loadManifests,
  parseHttpResponse,
} from './load';

const REQUIRED = [
  'id',
  'file',
  'kind',
  'vendor',
  'layer',
  'meaning',
  'cause',
  'fidelity',
  'source',
  'date',
  'note',
];
const manifests = loadManifests();

describe('corpus manifests', () => {
  it('list entries', () => {
    expect(manifests.length).toBeGreaterThan(0);
  });

  it('give every entry the required fields, non-empty', () => {
    for (const entry of manifests) {
      for (const field of REQUIRED) {
        const value = (entry as unknown as Record<string, unknown>)[field];
        expect(typeof value === 'string' && value.length > 0, `${entry.id ?? '?'}: ${field}`).toBe(true);
      }
    }
  });

  it('use the shared vocabulary', () => {
    for (const entry of manifests) {
      expect(['http', 'status'], entry.id).toContain(entry.kind);
      expect(LAYERS, entry.id).toContain(entry.layer);
      expect(MEANINGS, entry.id).toContain(entry.meaning);
      expect(CAUSES, entry.id).toContain(entry.cause);
      expect(FIDELITIES, entry.id).toContain(entry.fidelity);
      expect(entry.date, entry.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('never repeat an id', () => {
    const seen = new Set<string>();
    for (const entry of manifests) {
      expect(seen.has(entry.id), `duplicate id ${entry.id}`).toBe(false);
      seen.add(entry.id);
    }
  });

  it('mark a rebuilt entry RECONSTRUCTED in its id, and only a rebuilt one', () => {
    for (const entry of manifests) {
      expect(entry.id.includes('RECONSTRUCTED'), entry.id).toBe(entry.fidelity === 'RECONSTRUCTED');
    }
  });

  it('name an existing file of the right kind, named after the id', () => {
    for (const entry of manifests) {
      const folder = entry.kind === 'http' ? 'http/' : 'status/';
      expect(entry.file.startsWith(folder), entry.id).toBe(true);
      expect(entry.file.slice(folder.length).replace(/\.(http|json|html)$/, ''), entry.id).toBe(entry.id);
      expect(existsSync(join(CORPUS_DIR, entry.file)), entry.file).toBe(true);
    }
  });

  it('list every file under http/ and status/', () => {
    const listed = new Set(manifests.map((entry) => entry.file));
    for (const folder of ['http', 'status']) {
      if (!existsSync(join(CORPUS_DIR, folder))) continue;
      for (const name of readdirSync(join(CORPUS_DIR, folder))) {
        expect(listed.has(`${folder}/${name}`), `${folder}/${name} is in no manifest`).toBe(true);
      }
    }
  });
});

describe('corpus http entries', () => {
  const corpus = loadCorpus();

  it('parse as HTTP/1.1 responses with lower-case header names', () => {
    const http = corpus.filter((entry) => entry.kind === 'http');
    expect(http.length).toBeGreaterThan(0);
    for (const entry of http) {
      expect(entry.status, entry.id).toBeGreaterThanOrEqual(100);
      expect(entry.status, entry.id).toBeLessThan(600);
      for (const name of Object.keys(entry.headers)) expect(name, entry.id).toBe(name.toLowerCase());
    }
  });

  it('load status entries as text', () => {
    for (const entry of corpus) {
      if (entry.kind === 'status') expect(entry.text.length, entry.id).toBeGreaterThan(0);
    }
  });
});

describe('parseHttpResponse', () => {
  it('splits status line, headers and body, keeping the body byte for byte', () => {
    const parsed = parseHttpResponse(
      'HTTP/1.1 403 Forbidden\nserver: cloudflare\nset-cookie: a=1\nset-cookie: b=2\n\nerror code: 1020\n\n',
    );
    expect(parsed).toEqual({
      status: 403,
      reason: 'Forbidden',
      headers: { server: 'cloudflare', 'set-cookie': 'a=1, b=2' },
      body: 'error code: 1020\n\n',
    });
  });

  it('accepts a response without headers or body', () => {
    expect(parseHttpResponse('HTTP/1.1 500 Internal Server Error\n\n')).toEqual({
      status: 500,
      reason: 'Internal Server Error',
      headers: {},
      body: '',
    });
  });

  it('names the file and the bad line', () => {
    expect(() => parseHttpResponse('HTTP/2 403\n\n', 'http/x.http')).toThrow(
      /http\/x\.http: first line "HTTP\/2 403"/,
    );
    expect(() => parseHttpResponse('HTTP/1.1 403 Forbidden\nServer: cloudflare\n\n', 'y')).toThrow(
      /y: header line "Server: cloudflare"/,
    );
    expect(() => parseHttpResponse('HTTP/1.1 200 OK\nserver: x', 'z')).toThrow(/z: no empty line/);
  });
});
