import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/config/settings';
import { invokeChannels } from '../../shared/ipc/contract';
import { TokenVault } from '../secrets/token-vault';
import { MemoryStore } from '../settings/store';
import { FakeDesktop, FakeAppCore, FakeSafeStorage } from '../testing/fakes';
import { dispatchIpc, type DispatchContext } from './dispatch';
import { createIpcHandlers } from './handlers';
import type { IpcSender } from './sender';

const TOKEN = 'abcd1234abcd1234abcd1234abcd1234abcd1234';
const APP: IpcSender = { webContentsId: 7, frameUrl: 'app://why500/index.html', isMainFrame: true };

function setup(safe = new FakeSafeStorage()) {
  let settings = defaultSettings();
  const vault = new TokenVault(new MemoryStore(), safe);
  const desktop = new FakeDesktop();
  const monitor = new FakeAppCore();
  const logs: string[] = [];
  const pushed: { channel: string; payload: unknown }[] = [];
  const written: { path: string; text: string }[] = [];
  const handlers = createIpcHandlers({
    core: monitor,
    settings: {
      get: () => structuredClone(settings),
      save: (value) => {
        settings = value as typeof settings;
        return { ok: true };
      },
    },
    tokens: vault,
    snapshot: () => ({
      overall: 'healthy',
      paused: null,
      snoozedUntil: null,
      trayMissing: null,
      loginItem: null,
      offerLoginItem: false,
      outsideApplications: false,
      targets: [],
      notice: null,
      appVersion: '0',
      platform: 'linux',
    }),
    // A careless renderer that leaks the token: the handler must still redact it.
    renderReport: (input, format) =>
      `${format} report for ${input.target.name}; tried: ${input.tried.join(' / ')}; token ${TOKEN}`,
    clipboard: desktop,
    dialog: desktop,
    shell: desktop,
    openCleanSession: async () => undefined,
    push: (channel, payload) => pushed.push({ channel, payload }),
    writeFile: async (path, text) => {
      written.push({ path, text });
    },
    testTarget: null,
    onSettingsSaved: () => null,
    onTokensChanged: () => {},
    now: () => new Date('2026-11-25T14:00:00Z'),
  });
  const ctx: DispatchContext = {
    handlers,
    trustedIds: () => new Set([7]),
    secrets: () => vault.secrets(),
    log: (line) => logs.push(line),
  };
  return { ctx, vault, desktop, monitor, logs, pushed, written, settings: () => settings };
}

describe('IPC', () => {
  it('answers a valid request from the app window', async () => {
    const { ctx } = setup();
    expect(await dispatchIpc(ctx, 'settings:get', APP, undefined)).toEqual({
      ok: true,
      value: defaultSettings(),
    });
  });

  it('has a handler for every contract channel', () => {
    const { ctx } = setup();
    expect(Object.keys(ctx.handlers).sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it.each([
    ['timeline:get', { target: 'Character.AI', range: 'year' }, /at range/],
    ['timeline:get', { target: 'Character.AI', range: 'day', extra: 1 }, /invalid payload/],
    ['diagnose:start', { target: '', symptom: true }, /at target/],
    ['diagnose:start', 'Character.AI', /invalid payload/],
    ['settings:get', { sneaky: true }, /invalid payload/],
    ['settings:set', { targets: [] }, /invalid payload/],
    ['link:open', { target: 'Character.AI', which: 'file:///etc/passwd' }, /at which/],
    ['action:run', { target: 'Character.AI', action: 'rm -rf' }, /at action/],
    ['token:allow-plain-text', { allow: 'yes' }, /at allow/],
    ['token:allow-plain-text', undefined, /invalid payload/],
  ])('rejects a malformed %s payload', async (channel, payload, reason) => {
    const { ctx, logs } = setup();
    const out = await dispatchIpc(ctx, channel, APP, payload);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error).toMatch(reason);
      expect(out.error).not.toMatch(/\n/);
    }
    expect(logs).toHaveLength(1);
  });

  it('rejects unknown channels', async () => {
    const { ctx } = setup();
    expect(await dispatchIpc(ctx, 'shell:exec', APP, 'rm -rf /')).toEqual({
      ok: false,
      error: 'unknown channel shell:exec',
    });
  });

  it.each([
    ['another web contents', { ...APP, webContentsId: 8 }],
    ['a sub-frame', { ...APP, isMainFrame: false }],
    ['a remote page', { ...APP, frameUrl: 'https://evil.example/' }],
    ['a file page', { ...APP, frameUrl: 'file:///tmp/x.html' }],
    ['another app host', { ...APP, frameUrl: 'app://other/index.html' }],
    ['a destroyed frame', { ...APP, frameUrl: null }],
  ])('rejects %s as sender', async (_name, sender) => {
    const { ctx, vault } = setup();
    const out = await dispatchIpc(ctx, 'token:set', sender, { target: 'Character.AI', token: TOKEN });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(/^token:set refused: /);
    expect(vault.state().set).toEqual({});
  });

  it('takes the choice to store tokens with the public key only from the app window', async () => {
    const safe = new FakeSafeStorage(true, 'basic_text');
    const { ctx, settings } = setup(safe);
    const out = await dispatchIpc(
      ctx,
      'token:allow-plain-text',
      { ...APP, webContentsId: 8 },
      { allow: true },
    );
    expect(out).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^token:allow-plain-text refused: /),
    });
    expect(settings().allowPlainTextTokens).toBe(false);
    expect(safe.plainText).toBe(false);
  });

  it('stores tokens with the public key once the user chose it, keeps the choice on a form save, and removes them when turned off', async () => {
    const safe = new FakeSafeStorage(true, 'basic_text');
    const { ctx, vault, settings } = setup(safe);
    const refused = await dispatchIpc(ctx, 'token:set', APP, { target: 'Character.AI', token: TOKEN });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/built-in key, which is public/),
    });

    expect(await dispatchIpc(ctx, 'token:allow-plain-text', APP, { allow: true })).toEqual({
      ok: true,
      value: { set: {}, weakEncryption: true, available: true, plainTextOptIn: 'settings' },
    });
    expect(settings().allowPlainTextTokens).toBe(true);
    expect(safe.plainText).toBe(true);
    expect(await dispatchIpc(ctx, 'token:set', APP, { target: 'Character.AI', token: TOKEN })).toMatchObject({
      ok: true,
    });
    expect(vault.get('Character.AI')).toBe(TOKEN);

    // The settings form carries a copy of the choice that may be stale: saving it keeps the stored one.
    const stale = { ...defaultSettings(), intervalSeconds: 60, allowPlainTextTokens: false };
    expect(await dispatchIpc(ctx, 'settings:set', APP, stale)).toEqual({ ok: true, value: { ok: true } });
    expect(settings()).toMatchObject({ intervalSeconds: 60, allowPlainTextTokens: true });

    expect(await dispatchIpc(ctx, 'token:allow-plain-text', APP, { allow: false })).toEqual({
      ok: true,
      value: { set: {}, weakEncryption: true, available: false, plainTextOptIn: null },
    });
    expect(settings().allowPlainTextTokens).toBe(false);
    expect(vault.get('Character.AI')).toBeNull();
    expect(safe.plainText).toBe(false);
  });

  it('the token never reaches the renderer, a log line or an error', async () => {
    const { ctx, vault, logs, desktop, written } = setup();
    const set = await dispatchIpc(ctx, 'token:set', APP, { target: 'Character.AI', token: TOKEN });
    expect(set).toEqual({
      ok: true,
      value: { set: { 'Character.AI': true }, weakEncryption: false, available: true, plainTextOptIn: null },
    });
    expect(vault.get('Character.AI')).toBe(TOKEN);

    const outcomes = [
      set,
      await dispatchIpc(ctx, 'token:get-state', APP, undefined),
      await dispatchIpc(ctx, 'settings:get', APP, undefined),
      await dispatchIpc(ctx, 'snapshot:get', APP, undefined),
      await dispatchIpc(ctx, 'report:get', APP, { target: 'Character.AI', format: 'markdown' }),
      await dispatchIpc(ctx, 'report:copy', APP, { target: 'Character.AI', format: 'json' }),
      await dispatchIpc(ctx, 'report:save', APP, { target: 'Character.AI', format: 'markdown' }),
      // An invalid token (a space in it): the schema's message must not echo it back.
      await dispatchIpc(ctx, 'token:set', APP, { target: 'Character.AI', token: `${TOKEN} x` }),
      // A failing handler whose error text contains the token.
      await dispatchIpc(ctx, 'report:get', APP, { target: `x${TOKEN}`, format: 'markdown' }),
    ];
    const everything = JSON.stringify([outcomes, logs, desktop.clipboard, written]);
    expect(everything).not.toContain(TOKEN);
    expect(String(outcomes[4] && outcomes[4].ok && outcomes[4].value)).toContain(
      'markdown report for Character.AI',
    );
    expect(outcomes[7]).toMatchObject({ ok: false });
    expect(outcomes[8]).toMatchObject({ ok: false });
    expect(written[0]!.path).toBe('/tmp/report.md');
  });

  it('opens only the app-made http(s) links', async () => {
    const { ctx, desktop } = setup();
    expect(
      await dispatchIpc(ctx, 'link:open', APP, { target: 'Character.AI', which: 'status-page' }),
    ).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    expect(desktop.opened).toEqual(['https://status.character.ai']);
    expect((await dispatchIpc(ctx, 'link:open', APP, { target: 'Nope', which: 'site' })).ok).toBe(false);
  });

  it('runs a diagnosis with progress pushed to the window, and actions', async () => {
    const { ctx, monitor, pushed } = setup();
    expect(await dispatchIpc(ctx, 'diagnose:start', APP, { target: 'Character.AI', symptom: true })).toEqual({
      ok: true,
      value: null,
    });
    expect(monitor.calls).toContain('diagnose Character.AI symptom');
    expect(pushed[0]!.channel).toBe('diagnose:progress');
    const action = await dispatchIpc(ctx, 'action:run', APP, { target: 'Character.AI', action: 'add-token' });
    expect(action).toMatchObject({ ok: true, value: { ok: true } });
    expect(pushed.at(-1)).toEqual({
      channel: 'view:show',
      payload: { view: 'settings', target: 'Character.AI' },
    });
    const test = await dispatchIpc(ctx, 'target:test', APP, { name: 'X', site: 'https://x.example/' });
    expect(test).toEqual({
      ok: false,
      error: 'target:test failed: testing a target is not available in this build',
    });
  });
});
