// Loopback worlds with several catalogue services at once, at their real addresses: one HTTPS server on
// 127.x.y.z:443 answers every host a world's services, status pages, front vendor's status page and the
// default control sites use (one certificate naming them all, from a CA the CLI trusts through
// NODE_EXTRA_CA_CERTS), the CLI's test-only WHY500_TEST_HOSTS maps each of those names to that address,
// and a DNS-over-HTTPS fake gives the same answers to the local checks. Nothing leaves the machine:
// a name the world does not list fails to resolve. Binding port 443 needs root (as in .ci/run).

import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue, findService, type ServiceEntry } from '../shared/catalogue/catalogue';
import { DEFAULT_CONTROLS } from '../shared/config/defaults';
import { controlHandler } from './controls';
import { dohHandler } from './local-worlds';
import {
  atlassianIncident,
  atlassianOperational,
  incidentIoIncident,
  statusPageHandler,
} from './status-pages';
import { makeCert } from './tls';
import type { StatusPageSpec } from './types';

/** How a service's own pages answer. */
export type ServiceAnswer = 'ok' | 'cloudflare-500' | 'origin-503';

/** How a status host answers: a provider's documents, or a bot check (AWS WAF's 202 challenge). */
export type StatusAnswer = StatusPageSpec | { kind: 'bot-check' };

/** One world: the services watched (catalogue ids), how each answers, and its status hosts. */
export interface ServiceWorldSpec {
  name: string;
  services: string[];
  answers: Record<string, ServiceAnswer>;
  /** By host; every other status host answers 404 (no status information). */
  status: Record<string, StatusAnswer>;
}

/** Cloudflare's own 500 page (its error template: `cf-error-details`, Ray ID), as during its outages. */
const CLOUDFLARE_500 =
  '<!DOCTYPE html><html lang="en-US"><head><title>Internal server error | Cloudflare</title></head><body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">500</span></h1><h2>Internal server error</h2></div><div class="cf-error-footer">Cloudflare Ray ID: <strong>8e0c1d2e3a4b5c6d</strong></div></div></body></html>';

/** The four worlds of the multi-service suite. */
export const SERVICE_WORLDS: ServiceWorldSpec[] = [
  {
    // Three services behind Cloudflare fail with Cloudflare's own pages; Gemini (not behind it) answers;
    // Cloudflare's status page has an incident.
    name: 'shared-vendor-down',
    services: ['character-ai', 'chatgpt', 'claude', 'gemini'],
    answers: {
      'character-ai': 'cloudflare-500',
      chatgpt: 'cloudflare-500',
      claude: 'cloudflare-500',
      gemini: 'ok',
    },
    status: {
      'www.cloudflarestatus.com': {
        kind: 'atlassian',
        summary: atlassianIncident({
          name: 'Cloudflare Global Network issues',
          component: 'API',
          impact: 'critical',
        }),
      },
    },
  },
  {
    // Character.AI's own servers fail; three unrelated services answer from the same machine.
    name: 'one-alone',
    services: ['character-ai', 'chatgpt', 'claude', 'perplexity'],
    answers: { 'character-ai': 'origin-503', chatgpt: 'ok', claude: 'ok', perplexity: 'ok' },
    status: {},
  },
  {
    // Claude's public status page answers with a bot check; its statuspage.io origin serves an incident.
    name: 'status-bot-check',
    services: ['claude', 'chatgpt', 'poe'],
    answers: { claude: 'ok', chatgpt: 'ok', poe: 'ok' },
    status: {
      'status.claude.com': { kind: 'bot-check' },
      'tymt9n04zgry.statuspage.io': {
        kind: 'atlassian',
        summary: atlassianIncident({ name: 'Elevated errors on Claude.ai', component: 'Chat' }),
      },
      'status.poe.com': { kind: 'atlassian', summary: atlassianOperational() },
    },
  },
  {
    // OpenAI's incident.io page: its Statuspage-style summary has no incidents or maintenance keys; the
    // incident is only in the widget API. ChatGPT fails; the others answer.
    name: 'incidentio-page',
    services: ['chatgpt', 'claude', 'perplexity'],
    answers: { chatgpt: 'origin-503', claude: 'ok', perplexity: 'ok' },
    status: {
      'status.openai.com': withoutStatuspageKeys(
        incidentIoIncident({ name: 'Elevated error rates', impact: 'partial_outage' }),
      ),
    },
  },
];

/** An incident.io page whose compat summary lacks Statuspage's `incidents`/`scheduled_maintenances` keys, as OpenAI's. */
function withoutStatuspageKeys(spec: ReturnType<typeof incidentIoIncident>): StatusAnswer {
  return {
    kind: 'incidentio',
    summary: (now, base) => {
      const {
        incidents: _i,
        scheduled_maintenances: _m,
        ...rest
      } = spec.summary(now, base) as Record<string, unknown>;
      return rest;
    },
    widget: spec.widget,
  };
}

/** A running world. */
export interface ServiceWorld {
  spec: ServiceWorldSpec;
  /** A config file: loopback DoH, the world's services. */
  configPath: string;
  /** The CLI's environment additions (WHY500_TEST_HOSTS, NODE_EXTRA_CA_CERTS). */
  env: Record<string, string>;
  /** Requests by host. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}

/** Every host a service uses, with what it is for. */
function serviceHosts(entry: ServiceEntry): string[] {
  return [entry.site, ...entry.endpoints.map((e) => e.url)].map(hostOf);
}

function statusHosts(entry: ServiceEntry): string[] {
  if (entry.status.provider === 'none') return [];
  return [entry.status.url, ...(entry.status.fallback ? [entry.status.fallback] : [])].map(hostOf);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Starts a world; throws with a clear line when port 443 cannot be bound (not root). */
export async function startServiceWorld(spec: ServiceWorldSpec): Promise<ServiceWorld> {
  const entries = spec.services.map((id) => {
    const entry = findService(id);
    if (!entry) throw new Error(`service world ${spec.name}: no catalogue entry ${id}`);
    return entry;
  });
  const owner = new Map<string, ServiceEntry>();
  for (const e of entries) for (const h of serviceHosts(e)) owner.set(h, e);
  const hosts = new Set<string>([
    ...owner.keys(),
    ...entries.flatMap(statusHosts),
    ...catalogue().vendors.map((v) => hostOf(v.statusPage)),
    ...Object.keys(spec.status),
    ...DEFAULT_CONTROLS.map(hostOf),
  ]);
  const address = `127.${100 + Math.floor(Math.random() * 100)}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const dir = await mkdtemp(join(tmpdir(), `why500-world-${spec.name}-`));
  const cert = await makeCert({ hosts: [...hosts] });
  const caFile = join(dir, 'ca.pem');
  await writeFile(caFile, cert.ca);

  const hits = new Map<string, number>();
  const controls = controlHandler('ok');
  const statusHandlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  for (const [host, answer] of Object.entries(spec.status)) {
    statusHandlers.set(
      host,
      answer.kind === 'bot-check' ? botCheck : (statusPageHandler(answer, () => `https://${host}`) as never),
    );
  }
  const https = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    hits.set(host, (hits.get(host) ?? 0) + 1);
    if (DEFAULT_CONTROLS.some((c) => hostOf(c) === host)) return controls(req, res);
    const status = statusHandlers.get(host);
    if (status) return status(req, res);
    const entry = owner.get(host);
    if (entry) return servicePage(entry, spec.answers[entry.id] ?? 'ok', req, res);
    req.resume();
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  const table = Object.fromEntries([...hosts].map((h) => [h, [address]]));
  const doh = createHttpServer(dohHandler(table, false));
  try {
    await listen(https, address, 443);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `service world ${spec.name}: cannot listen on ${address}:443 (${(err as Error).message}); these worlds need root, as in .ci/run`,
    );
  }
  const dohPort = await listen(doh, '127.0.0.1', 0);
  const configPath = join(dir, 'config.json');
  await writeFile(
    configPath,
    JSON.stringify(
      { dohResolvers: [`http://127.0.0.1:${dohPort}/dns-query`], services: spec.services },
      null,
      2,
    ),
  );
  return {
    spec,
    configPath,
    env: {
      WHY500_TEST_HOSTS: [...hosts].map((h) => `${h}=${address}`).join(','),
      NODE_EXTRA_CA_CERTS: caFile,
    },
    hits,
    close: async () => {
      await Promise.all([shut(https), shut(doh)]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** AWS WAF's challenge in front of CloudFront: 202, `x-amzn-waf-action: challenge`, a script page. */
function botCheck(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  res
    .writeHead(202, { 'content-type': 'text/html', 'x-amzn-waf-action': 'challenge', server: 'CloudFront' })
    .end(
      '<!DOCTYPE html><html><head><title></title></head><body><script src="/challenge.js"></script></body></html>',
    );
}

function servicePage(
  entry: ServiceEntry,
  answer: ServiceAnswer,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  req.resume();
  const url = `https://${req.headers.host ?? ''}${req.url ?? '/'}`;
  if (answer === 'cloudflare-500') {
    res
      .writeHead(500, {
        'content-type': 'text/html; charset=UTF-8',
        server: 'cloudflare',
        'cf-ray': '8e0c1d2e3a4b5c6d-FRA',
      })
      .end(CLOUDFLARE_500);
    return;
  }
  if (answer === 'origin-503') {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    return;
  }
  const endpoint = entry.endpoints.find((e) => e.url === url);
  if (endpoint?.auth) {
    res
      .writeHead(401, { 'content-type': 'application/json' })
      .end('{"detail":"Authentication credentials were not provided."}');
    return;
  }
  if (endpoint?.name === 'health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"redis":"UP"}');
    return;
  }
  if (endpoint?.name === 'robots') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!DOCTYPE html><html><head><title>${entry.name}</title></head><body>${entry.name}</body></html>`);
}
