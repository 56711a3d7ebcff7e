// After start: errors nothing caught are logged (redacted) instead of vanishing, and a window whose
// renderer went away is destroyed and opened again, with a cap against crash loops.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { setup } from '../testing/controller-rig';
import type { FakeWindow } from '../testing/fakes';
import { RENDERER_RESTART_MAX } from '../windows/app-windows';
import { describeError, logProcessErrors, type ProcessErrorEvents } from './process-errors';

const TOKEN = 'f00df00df00df00df00df00df00df00df00df00d';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('errors after start', () => {
  it('an uncaught exception and an unhandled rejection each become a log line without secrets', async () => {
    const { controller, logs } = await setup();
    controller.tokens.set('Character.AI', TOKEN, ['https://plus.character.ai']);
    const proc = new EventEmitter();
    logProcessErrors(proc as unknown as ProcessErrorEvents, (line) => controller.logLine(line));
    logs.length = 0;
    proc.emit('uncaughtException', new TypeError(`cannot read x of undefined (token ${TOKEN})`));
    proc.emit('unhandledRejection', 'the keyring went away');
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(
      /^uncaught exception \(the app carries on\): TypeError: cannot read x of undefined/,
    );
    expect(logs[0]).toMatch(/after-start\.test\.ts/);
    expect(logs[1]).toBe(
      'unhandled promise rejection (the app carries on): a thrown value that is not an Error: the keyring went away',
    );
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('keeps a stack to its first lines', () => {
    const error = new Error('deep');
    error.stack = ['Error: deep', ...Array.from({ length: 40 }, (_, i) => `    at f${i} (x.js:${i})`)].join(
      '\n',
    );
    expect(describeError(error).split(' | ')).toHaveLength(6);
  });
});

describe('a renderer that went away', () => {
  it('is destroyed and the window opened again, at most a few times in a row', async () => {
    const { controller, ports, logs } = await setup();
    await controller.windows.openDiagnostic();
    const windows = ports.windows.windows as FakeWindow[];
    expect(windows).toHaveLength(1);
    for (let i = 1; i <= RENDERER_RESTART_MAX; i++) {
      windows.at(-1)!.emitRenderGone('crashed');
      await flush();
      expect(windows[i - 1]!.isDestroyed()).toBe(true);
      expect(windows).toHaveLength(i + 1);
      expect(windows[i]!.shown).toBe(1);
      expect(controller.windows.trustedContentsIds()).toEqual(new Set([windows[i]!.webContentsId]));
    }
    // A crash loop: the next one is not reopened.
    windows.at(-1)!.emitRenderGone('oom');
    await flush();
    expect(windows).toHaveLength(RENDERER_RESTART_MAX + 1);
    expect(windows.at(-1)!.isDestroyed()).toBe(true);
    expect(logs.at(-1)).toMatch(/stopped \(oom\) again.*stays closed until opened again/);
    // The user can still open it.
    await controller.windows.openDiagnostic();
    expect(windows).toHaveLength(RENDERER_RESTART_MAX + 2);
  });

  it('a hidden window is only destroyed, and a clean exit is left alone', async () => {
    const { controller, ports } = await setup();
    await controller.windows.openDiagnostic();
    const windows = ports.windows.windows as FakeWindow[];
    windows[0]!.emitRenderGone('clean-exit');
    expect(windows[0]!.isDestroyed()).toBe(false);
    windows[0]!.shown = 0; // hidden (closed to the tray)
    windows[0]!.emitRenderGone('killed');
    await flush();
    expect(windows[0]!.isDestroyed()).toBe(true);
    expect(windows).toHaveLength(1);
  });
});
