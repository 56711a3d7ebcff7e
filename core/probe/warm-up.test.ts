// Tests of the probe warm-up: it runs on a listener of its own and sends nothing to the watched service.

import { describe, it, expect, afterAll } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probe } from './http';
import { warmUpProbes } from './warm-up';

const hits: string[] = [];
const service = createServer((req, res) => {
  hits.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});

afterAll(() => {
  service.closeAllConnections();
  service.close();
});

describe('warmUpProbes', () => {
  it('sends nothing to the watched service, and the probe after it does reach the service', async () => {
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/health`;
    const first = warmUpProbes();
    expect(warmUpProbes()).toBe(first); // once per process
    await first;
    expect(hits).toEqual([]);
    const result = await probe({ name: 'health', url, path: 'direct', useEnvProxy: false });
    expect(result.outcome).toBe('ok');
    expect(hits).toEqual(['/health']);
  });
});
