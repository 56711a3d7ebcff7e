// Runtime polish: no Electron default menu, a plain browser user agent in the clean session, and a
// minimised window brought back by a tray click or a second launch.
import { describe, expect, it } from 'vitest';
import { setup } from '../testing/controller-rig';
import type { FakeAppMenu, FakeWindow } from '../testing/fakes';
import { plainUserAgent } from '../windows/user-agent';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the application menu', () => {
  it("Windows and Linux get none, so Electron's default (Reload, DevTools, Learn More) never shows", async () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { ports } = await setup({ platform });
      expect((ports.menu as FakeAppMenu).menu).toBeNull();
    }
  });

  it('macOS keeps the app menu and Edit (copy and paste), nothing that reloads or opens developer tools', async () => {
    const { ports } = await setup({ platform: 'darwin' });
    const menu = (ports.menu as FakeAppMenu).menu!;
    expect(menu.map((s) => s.label)).toEqual(['why500', 'Edit', 'Window']);
    const roles = menu.flatMap((s) => s.items.flatMap((i) => ('role' in i ? [i.role] : [])));
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'quit']));
    for (const unwanted of ['reload', 'forceReload', 'toggleDevTools', 'help'])
      expect(roles).not.toContain(unwanted);
  });
});

describe('the clean session', () => {
  it("sends the browser's user agent without the Electron and app tokens", () => {
    const electron =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) why500/0.1.0 Chrome/142.0.7444.52 Electron/40.0.0 Safari/537.36';
    expect(plainUserAgent(electron)).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.52 Safari/537.36',
    );
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
    expect(plainUserAgent(chrome)).toBe(chrome);
  });
});

describe('a minimised window', () => {
  it('is restored by a tray click and by a second launch', async () => {
    const { ports } = await setup();
    await flush();
    const win = ports.windows.windows[0] as FakeWindow;
    win.minimized = true;
    ports.tray.clickIcon();
    await flush();
    expect(win.restored).toBe(1);
    expect(win.isMinimized()).toBe(false);
    win.minimized = true;
    ports.app.emitSecondInstance();
    await flush();
    expect(win.restored).toBe(2);
    expect(ports.windows.windows).toHaveLength(1);
  });
});
