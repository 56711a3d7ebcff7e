// Loopback worlds for the "Is it me?" local checks: a fake service, two fake control sites and a fake
// DNS-over-HTTPS resolver on 127.0.0.0/8 (and ::1), each world breaking one part of "the user's own
// connection": a resolver that fails or lies (through the CLI's test-only WHY500_TEST_HOSTS), IPv6 that
// is offered but dead, a Wi-Fi sign-in page, a proxy that refuses or wants a login (a real tinyproxy),
// a re-signing middlebox (an untrusted CA on every site), a clock hours behind. Every server counts the
// requests it receives, so tests and the bench can check that healthy worlds cost nothing extra.

import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalCause } from '../shared/types/local';
import { freePort, startTinyproxy, type Tinyproxy } from './tinyproxy';
import { makeCert, type PemCert } from './tls';

/** The worlds, each named for what it breaks. */
export const LOCAL_WORLDS = [
  'healthy',
  'dns-fails',
  'dns-bogus',
  'offline',
  'ipv6-broken',
  'captive-redirect',
  'captive-page',
  'proxy-refuses',
  'proxy-auth',
  'interception',
  'clock-behind',
] as const;

/** One world's name. */
export type LocalWorldName = (typeof LOCAL_WORLDS)[number];

/** The sub-cause each world must be diagnosed as (null: no local fault). */
const WORLD_CAUSE: Record<LocalWorldName, LocalCause | null> = {
  healthy: null,
  'dns-fails': 'dns',
  'dns-bogus': 'dns',
  offline: 'offline',
  'ipv6-broken': 'ipv6',
  'captive-redirect': 'captive-portal',
  'captive-page': 'captive-portal',
  'proxy-refuses': 'proxy',
  'proxy-auth': 'proxy',
  interception: 'interception',
  'clock-behind': 'clock',
};

/** A running world. */
export interface LocalWorld {
  name: LocalWorldName;
  expected: LocalCause | null;
  /** The why500 configuration (JSON-ready). */
  config: Record<string, unknown>;
  /** Extra environment for the CLI (WHY500_TEST_HOSTS, proxy variables, NODE_EXTRA_CA_CERTS). */
  env: Record<string, string>;
  /** Requests each server received so far. */
  counts(): { service: number; controls: number; doh: number };
  close(): Promise<void>;
}

/** How far ahead the servers' clocks run in the clock world, ms (their certificates start in 2 h). */
const CLOCK_AHEAD_MS = 3 * 3_600_000 + 14 * 60_000;

const PAGE = '<!doctype html><html><head><title>Fake service</title></head><body>Hello</body></html>';
const SIGN_IN =
  '<!doctype html><html><head><title>Hotel Wi-Fi sign-in</title></head><body><form>Room</form></body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Listening {
  server: Server;
  port: number;
  hits: number;
}

function listen(host: string, handler: Handler, tls: PemCert | null, port = 0): Promise<Listening> {
  const state = { hits: 0 } as Listening;
  const counted: Handler = (req, res) => {
    state.hits++;
    handler(req, res);
  };
  const server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, counted)
    : createHttpServer(counted);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      state.server = server;
      state.port = typeof address === 'object' && address ? address.port : 0;
      resolve(state);
    });
  });
}

function close(l: Listening): Promise<void> {
  return new Promise((resolve) => {
    l.server.closeAllConnections();
    l.server.close(() => resolve());
  });
}

/** The DoH answer to a wire-format query: the A records of `table` for the asked name. */
export function dohAnswer(query: Buffer, table: Record<string, string[]>): Buffer {
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const len = query[at] ?? 0;
    labels.push(query.subarray(at + 1, at + 1 + len).toString('ascii'));
    at += len + 1;
  }
  const questionEnd = at + 5;
  const type = query.readUInt16BE(at + 1);
  const name = labels.join('.').toLowerCase();
  const found = table[name];
  const addresses = type === 1 ? (found ?? []).filter((a) => /^[\d.]+$/.test(a)) : [];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(found ? 0x8180 : 0x8183, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(addresses.length, 6);
  const answers = addresses.map((a) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc00c, 0);
    rr.writeUInt16BE(1, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(4, 10);
    a.split('.').forEach((part, i) => rr.writeUInt8(Number(part), 12 + i));
    return rr;
  });
  return Buffer.concat([header, query.subarray(12, questionEnd), ...answers]);
}

/** A DNS-over-HTTPS (RFC 8484) resolver answering `table`'s names (or refusing every query). */
export function dohHandler(table: Record<string, string[]>, refuse: boolean): Handler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://doh');
    const dns = url.searchParams.get('dns');
    if (url.pathname !== '/dns-query' || !dns) {
      res.writeHead(400).end();
      return;
    }
    const query = Buffer.from(dns, 'base64url');
    if (refuse) {
      // RCODE 5: REFUSED.
      const header = Buffer.from(query.subarray(0, 12));
      header.writeUInt16BE(0x8185, 2);
      header.writeUInt16BE(0, 6);
      res.writeHead(200, { 'content-type': 'application/dns-message' }).end(header);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/dns-message' }).end(dohAnswer(query, table));
  };
}

function serviceHandler(world: LocalWorldName, signIn: () => string, date: () => string | null): Handler {
  return (req, res) => {
    const headers: Record<string, string> = {};
    const d = date();
    if (d) headers.date = d;
    if (world === 'captive-redirect' || world === 'captive-page') {
      // The sign-in page answers in the service's place.
      res.writeHead(302, { ...headers, location: signIn() }).end();
      return;
    }
    if (req.url === '/health') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(PAGE);
  };
}

function controlHandler(world: LocalWorldName, date: () => string | null): Handler {
  return (req, res) => {
    const headers: Record<string, string> = {};
    const d = date();
    if (d) headers.date = d;
    const path = new URL(req.url ?? '/', 'http://control').pathname;
    if (path === '/login') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(SIGN_IN);
      return;
    }
    if (path === '/generate_204') {
      if (world === 'captive-redirect') {
        res.writeHead(302, { ...headers, location: '/login' }).end();
        return;
      }
      if (world === 'captive-page') {
        res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(SIGN_IN);
        return;
      }
      res.writeHead(204, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end('fl=1\nh=control\n');
  };
}

/** Starts one world; `dir` is a scratch folder for the CA file. */
export async function startLocalWorld(name: LocalWorldName, dir: string): Promise<LocalWorld> {
  const secure = name === 'interception' || name === 'clock-behind';
  const cert = secure
    ? await makeCert({
        hosts: ['127.0.0.1', 'localhost'],
        ...(name === 'clock-behind' ? { notYetValid: true } : {}),
      })
    : null;
  const date = (): string | null =>
    name === 'clock-behind' ? new Date(Date.now() + CLOCK_AHEAD_MS).toUTCString() : null;
  // The bogus-DNS world serves on 127.0.0.3: the lie (0.0.0.0) then reaches nothing.
  const serviceHost = name === 'dns-bogus' ? '127.0.0.3' : '127.0.0.1';
  const servers: Listening[] = [];
  let proxy: Tinyproxy | null = null;
  try {
    let controlPort = 0;
    const signIn = (): string => `http://127.0.0.1:${controlPort}/login`;
    const ports =
      name === 'offline' ? await Promise.all([freePort('127.0.0.1'), freePort('127.0.0.1')]) : null;
    const controlA = ports ? null : await listen('127.0.0.1', controlHandler(name, date), cert);
    const controlB = ports ? null : await listen('127.0.0.1', controlHandler(name, date), cert);
    controlPort = controlA?.port ?? 0;
    if (controlA) servers.push(controlA);
    if (controlB) servers.push(controlB);
    const service = await listen(serviceHost, serviceHandler(name, signIn, date), cert);
    servers.push(service);
    const doh = await listen('127.0.0.1', dohHandler({ 'svc.test': [serviceHost] }, false), null);
    servers.push(doh);

    const scheme = secure ? 'https' : 'http';
    const named =
      name.startsWith('dns-') || name === 'offline' || name === 'ipv6-broken' || name === 'healthy';
    const siteHost = named ? 'svc.test' : serviceHost;
    const site = `${scheme}://${siteHost}:${service.port}/`;
    const controls = ports
      ? [`http://127.0.0.1:${ports[0]}/generate_204`, `http://127.0.0.1:${ports[1]}/trace`]
      : [
          `${scheme}://127.0.0.1:${controlA?.port}/generate_204`,
          `${scheme}://127.0.0.1:${controlB?.port}/trace`,
        ];
    // In the offline world nothing answers, the DoH resolver included (its port is closed).
    const dohUrl =
      name === 'offline'
        ? `http://127.0.0.1:${await freePort('127.0.0.1')}/dns-query`
        : `http://127.0.0.1:${doh.port}/dns-query`;

    const env: Record<string, string> = {};
    const hosts: Record<LocalWorldName, string> = {
      healthy: `svc.test=${serviceHost}`,
      'dns-fails': 'svc.test=fail',
      'dns-bogus': 'svc.test=0.0.0.0',
      offline: 'svc.test=fail',
      // IPv6 first, as the system offers it; nothing listens on [::1] at the service's port.
      'ipv6-broken': `svc.test=::1+${serviceHost}`,
      'captive-redirect': '',
      'captive-page': '',
      'proxy-refuses': '',
      'proxy-auth': '',
      interception: '',
      'clock-behind': '',
    };
    if (hosts[name]) env.WHY500_TEST_HOSTS = hosts[name];
    if (name === 'proxy-refuses' || name === 'proxy-auth') {
      proxy = await startTinyproxy(
        name === 'proxy-auth' ? { basicAuth: { user: 'corp', password: 'secret' } } : { allow: '192.0.2.1' },
      );
      env.HTTP_PROXY = proxy.url;
      env.HTTPS_PROXY = proxy.url;
    }
    if (name === 'clock-behind' && cert) {
      // The CA is trusted: only the dates are wrong.
      const caFile = join(dir, `${name}-ca.pem`);
      await writeFile(caFile, cert.ca);
      env.NODE_EXTRA_CA_CERTS = caFile;
    }
    const config = {
      intervalSeconds: 10,
      controls,
      dohResolvers: [dohUrl],
      targets: [
        {
          name: 'Svc',
          site,
          endpoints: [{ name: 'health', url: `${scheme}://${siteHost}:${service.port}/health` }],
        },
      ],
    };
    const own = proxy;
    return {
      name,
      expected: WORLD_CAUSE[name],
      config,
      env,
      counts: () => ({
        service: service.hits,
        controls: (controlA?.hits ?? 0) + (controlB?.hits ?? 0),
        doh: doh.hits,
      }),
      close: async () => {
        await Promise.all(servers.map(close));
        await own?.stop();
      },
    };
  } catch (err) {
    await Promise.all(servers.map(close));
    await proxy?.stop();
    throw err;
  }
}
