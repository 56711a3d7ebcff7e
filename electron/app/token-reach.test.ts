// The token's reach through the real app: the controller with the real core (monitor, Test button,
// report renderer) behind the real IPC handlers and the fake Electron ports, against loopback servers
// that log every Authorization header they get. The token must reach only the origin it was saved
// for, and no spelling of it may reach the window or a report.

import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { renderReport } from '../../core/report/report';
import { defaultSettings } from '../../shared/config/settings';
import type { AppSettings } from '../../shared/types/settings';
import { startServer, type TestServer } from '../../tests/support/hostile';
import type { IpcSender } from '../ipc/sender';
import { Settings } from '../settings/settings';
import { MemoryStore } from '../settings/store';
import { fakePorts, FakeTimers } from '../testing/fakes';
import { utcClock } from '../tray/clock';
import type { Round } from '../../shared/types/monitor';
import { FakeAppCore, status } from '../testing/fakes';
import type { AppCoreFactory } from './app-deps';
import { AppController } from './controller';
import { createCore, testTarget } from './core-factory';

/** A token with characters URL-encoding changes, so its encoded copy differs from the raw one. */
const TOKEN = 'tok/en+with=odd:chars!0123456789abcdef';
const NAME = 'Svc';

interface Seen {
  path: string;
  auth: string | undefined;
}

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
const running: AppController[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.quit()));
});

/**
 * A service that logs each request's Authorization header. With `echo`, a request carrying one is
 * redirected to `/landing?echo=<the header, URL-encoded>` (a hostile server putting it in the URL).
 */
async function loggingServer(seen: Seen[], echo = false): Promise<TestServer> {
  const server = await startServer((req, res) => {
    const headers: IncomingHttpHeaders = req.headers;
    seen.push({ path: req.url ?? '', auth: headers.authorization });
    if (echo && headers.authorization && !req.url?.startsWith('/landing')) {
      res.writeHead(302, { location: `/landing?echo=${encodeURIComponent(headers.authorization)}` });
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
  });
  servers.push(server);
  return server;
}

function settingsFor(apiBase: string, site: string): AppSettings {
  return {
    ...defaultSettings(),
    controls: [`${site}/control`],
    targets: [
      {
        name: NAME,
        site: `${site}/`,
        endpoints: [{ name: 'user', url: `${apiBase}/user`, auth: true }],
        auth: { scheme: 'Token' },
      },
    ],
  };
}

/** The app (with the real core unless `makeCore` is given), started on `initial` settings. */
async function startApp(initial: AppSettings, makeCore: AppCoreFactory = createCore) {
  const settings = Settings.open({
    open: () => new MemoryStore('/x/settings.json'),
    filePath: '/x/settings.json',
    fs: { exists: () => false, rename: () => {} },
    now: () => new Date(),
  });
  expect(settings.save(initial)).toEqual({ ok: true });
  const ports = fakePorts();
  const logs: string[] = [];
  const controller = new AppController({
    ports,
    settings,
    createCore: makeCore,
    renderReport,
    testTarget,
    paths: { preload: '/app/preload.cjs', trayDir: '/app/tray', dataDir: null },
    devTools: false,
    timers: new FakeTimers(),
    now: () => new Date(),
    clock: utcClock,
    writeFile: async () => {},
    log: (line) => logs.push(line),
    env: {},
  });
  running.push(controller);
  await controller.start();
  await controller.windows.openDiagnostic();
  const sender: IpcSender = {
    webContentsId: ports.windows.windows[0]!.webContentsId,
    frameUrl: 'app://why500/index.html',
    isMainFrame: true,
  };
  const ask = async (channel: string, payload: unknown): Promise<unknown> => {
    const outcome = await controller.dispatch(channel, sender, payload);
    if (!outcome.ok) throw new Error(`${channel}: ${outcome.error}`);
    return outcome.value;
  };
  return { controller, ports, logs, ask };
}

const withToken = (seen: Seen[]) => seen.filter((s) => s.auth !== undefined);

describe('the token reaches only the origins it was saved for', () => {
  it('across the monitor, the Test button and a settings change that moves the endpoint', async () => {
    const home: Seen[] = [];
    const elsewhere: Seen[] = [];
    const api = await loggingServer(home);
    const other = await loggingServer(elsewhere);
    const { controller, ask, ports, logs } = await startApp(settingsFor(api.url, api.url));

    await ask('token:set', { target: NAME, token: TOKEN });
    expect(controller.tokens.origins(NAME)).toEqual([api.url]);
    await ask('diagnose:start', { target: NAME, symptom: false });
    expect(withToken(home).map((s) => [s.path, s.auth])).toContainEqual(['/user', `Token ${TOKEN}`]);

    // The Test button with an edited target of the same name on another address: probed without it.
    const moved = settingsFor(other.url, api.url).targets[0]!;
    const test = (await ask('target:test', moved)) as { probes: { name: string; note?: string }[] };
    expect(elsewhere.map((s) => s.path)).toContain('/user');
    expect(test.probes.find((p) => p.name === 'user')?.note).toBe(
      `token not sent: ${other.url} is not an address the token was saved for; enter the token again in Settings`,
    );

    // Saving that move drops the token and says so; the next rounds never send it there.
    const saved = await ask('settings:set', settingsFor(other.url, api.url));
    expect(saved).toEqual({
      ok: true,
      notice: `The token for ${NAME} was removed because the address changed; enter it again.`,
    });
    expect(await ask('token:get-state', undefined)).toMatchObject({ set: {} });
    expect(controller.tokens.get(NAME)).toBeNull();
    await ask('diagnose:start', { target: NAME, symptom: false });

    expect(withToken(elsewhere)).toEqual([]);
    expect(JSON.stringify([ports.windows.windows[0]!.sent, logs])).not.toContain(TOKEN);
  });

  it('a settings change that keeps the token’s origin keeps the token', async () => {
    const home: Seen[] = [];
    const api = await loggingServer(home);
    const { ask, controller } = await startApp(settingsFor(api.url, api.url));
    await ask('token:set', { target: NAME, token: TOKEN });
    const next = settingsFor(api.url, api.url);
    next.targets[0]!.endpoints!.push({ name: 'me', url: `${api.url}/me`, auth: true });
    expect(await ask('settings:set', next)).toEqual({ ok: true });
    expect(controller.tokens.get(NAME)).toBe(TOKEN);
  });
});

describe('one redactor for the app', () => {
  it('a URL-encoded copy of the token in a redirect’s final URL reaches neither the JSON report nor the snapshot', async () => {
    const seen: Seen[] = [];
    const api = await loggingServer(seen, true);
    const { ask, ports } = await startApp(settingsFor(api.url, api.url));
    await ask('token:set', { target: NAME, token: TOKEN });
    await ask('diagnose:start', { target: NAME, symptom: false });
    // The server did put it in the URL it redirected to.
    const landing = seen.find((s) => s.path.startsWith('/landing'));
    expect(landing?.path).toContain(encodeURIComponent(`Token ${TOKEN}`));

    const report = (await ask('report:get', { target: NAME, format: 'json' })) as string;
    const snapshot = await ask('snapshot:get', undefined);
    const pushed = ports.windows.windows[0]!.sent;
    const user = (
      JSON.parse(report) as { lastRound: { probes: { name: string; finalUrl: string }[] } }
    ).lastRound.probes.find((p) => p.name === 'user');
    expect(user?.finalUrl).toMatch(/\/landing\?echo=.*\[redacted\]/);
    for (const text of [report, JSON.stringify(snapshot), JSON.stringify(pushed)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encodeURIComponent(TOKEN));
    }
  });
});

/** A monitor whose last round carries the token in every spelling a careless core might leave. */
class LeakyCore extends FakeAppCore {
  override lastRound(target: string): Round {
    const base64 = Buffer.from(TOKEN).toString('base64');
    return {
      target,
      startedAt: '2026-11-25T14:00:00.000Z',
      finishedAt: '2026-11-25T14:00:01.000Z',
      status: null,
      probes: [
        {
          name: 'user',
          url: 'http://127.0.0.1:9/user',
          path: 'direct',
          auth: true,
          at: '2026-11-25T14:00:00.000Z',
          status: 200,
          outcome: 'ok',
          timings: { dns: null, connect: 1, tls: null, firstByte: 1, total: 2 },
          headers: { 'x-echo': JSON.stringify(TOKEN).slice(1, -1) },
          body: `seen ${base64}`,
          bodyBytes: 10,
          remoteAddress: '127.0.0.1',
          redirects: 1,
          finalUrl: `http://127.0.0.1:9/landing?echo=${encodeURIComponent(TOKEN)}`,
          error: `echo ${encodeURIComponent(encodeURIComponent(TOKEN))}`,
        },
      ],
    };
  }
}

describe('the app redacts what the core gives it', () => {
  it('URL-encoded, JSON-escaped and Base64 copies of the token reach neither the report nor the snapshot', async () => {
    const monitor = new LeakyCore([status(NAME, 'healthy')]);
    const { ask, ports, controller } = await startApp(
      settingsFor('http://127.0.0.1:9', 'http://127.0.0.1:9'),
      () => monitor,
    );
    await ask('token:set', { target: NAME, token: TOKEN });
    controller.refresh();
    const outputs = [
      (await ask('report:get', { target: NAME, format: 'json' })) as string,
      (await ask('report:get', { target: NAME, format: 'markdown' })) as string,
      JSON.stringify(await ask('snapshot:get', undefined)),
      JSON.stringify(ports.windows.windows[0]!.sent),
    ];
    expect(outputs[2]).toContain('landing?echo=[redacted]');
    for (const text of outputs) {
      expect(text).not.toContain(encodeURIComponent(TOKEN));
      expect(text).not.toContain(Buffer.from(TOKEN).toString('base64').replace(/=+$/, ''));
      expect(text).not.toContain(JSON.stringify(TOKEN).slice(1, -1));
    }
  });
});
