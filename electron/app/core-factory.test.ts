// The app's factory of the real core (no Electron): a one-off target test and an app core start/stop,
// against a loopback server only.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../shared/config/defaults';
import { createCore, testTarget } from './core-factory';

let server: Server;
let base: string;
let dir: string;
const seen: { path: string | undefined; auth: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url, auth: req.headers.authorization });
    if (req.url === '/broken') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>ok</title></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'why500-core-factory-'));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const noTokens = { get: () => null };
const direct = { url: null, note: null };

describe('the app core factory', () => {
  it('tests an unsaved target once and reports each probe', async () => {
    const ok = await testTarget(
      { name: 'Local', site: `${base}/` },
      { tokens: noTokens, proxy: direct, controls: [] },
    );
    expect(ok.ok).toBe(true);
    expect(ok.probes.length).toBeGreaterThan(0);
    expect(ok.probes[0]).toMatchObject({ url: `${base}/`, status: 200 });
    const broken = await testTarget(
      { name: 'Local', site: `${base}/`, endpoints: [{ name: 'api', url: `${base}/broken` }] },
      { tokens: noTokens, proxy: direct, controls: [] },
    );
    expect(broken.ok).toBe(false);
    expect(broken.probes.find((p) => p.name === 'api')).toMatchObject({ status: 500 });
  });

  it('creates an app core that starts and stops cleanly with history in the data folder', async () => {
    const core = createCore({
      config: resolveConfig({
        targets: [{ name: 'Local', site: `${base}/` }],
        controls: [],
        intervalSeconds: 60,
      }),
      tokens: noTokens,
      envFor: () => ({}),
      dataDir: dir,
      onError: () => {},
    });
    core.start();
    expect(core.statuses().map((s) => s.target)).toEqual(['Local']);
    await core.stop();
  });
});
