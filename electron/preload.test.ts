import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiChannels, type Why500Api } from '../shared/ipc/contract';

// A fake of the parts of Electron the preload uses.
const exposed: Record<string, unknown> = {};
const invoked: { channel: string; payload: unknown }[] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      invoked.push({ channel, payload });
      return `reply:${channel}`;
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(fn);
    },
  },
}));

beforeEach(async () => {
  await import('./preload');
});

describe('preload', () => {
  it('exposes exactly one named method per contract entry, nothing generic', () => {
    const api = exposed.why500 as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['why500']);
    expect(Object.keys(api).sort()).toEqual(Object.keys(apiChannels).sort());
    for (const name of ['send', 'invoke', 'on', 'ipcRenderer', 'removeListener'])
      expect(api).not.toHaveProperty(name);
  });

  it('each method calls its own channel', async () => {
    const api = exposed.why500 as Why500Api;
    expect(await api.getSnapshot()).toBe('reply:snapshot:get');
    await api.setToken({ target: 'Character.AI', token: 'tokentoken' });
    await api.openLink({ target: 'Character.AI', which: 'site' });
    expect(await api.allowPlainTextTokens({ allow: true })).toBe('reply:token:allow-plain-text');
    expect(invoked.slice(-4)).toEqual([
      { channel: 'snapshot:get', payload: undefined },
      { channel: 'token:set', payload: { target: 'Character.AI', token: 'tokentoken' } },
      { channel: 'link:open', payload: { target: 'Character.AI', which: 'site' } },
      { channel: 'token:allow-plain-text', payload: { allow: true } },
    ]);
  });

  it('listeners get the payload only, and unsubscribe', () => {
    const api = exposed.why500 as Why500Api;
    const got: unknown[] = [];
    const off = api.onShowView((request) => got.push(request));
    const [fn] = [...listeners.get('view:show')!];
    fn!({ sender: 'the-event-object' }, { view: 'causes', target: 'Character.AI' });
    expect(got).toEqual([{ view: 'causes', target: 'Character.AI' }]);
    off();
    expect(listeners.get('view:show')!.size).toBe(0);
  });
});
