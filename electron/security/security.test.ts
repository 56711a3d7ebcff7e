import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeWindowFactory } from '../testing/fakes';
import { AppWindows } from '../windows/app-windows';
import { resolveAppPath, serveAppRequest } from './app-protocol';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY, isAppUrl } from './csp';
import { mayGrantPermission, mayNavigate, mayOpenExternal, mayOpenWindow } from './policies';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'why500-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>why500</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'secret.txt'), 'outside');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', 'secret.txt'), { force: true });
});

const read = (p: string) => readFile(p);

describe('content security policy', () => {
  it('is the strict policy, also in renderer/index.html', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`content="${EXPECTED_CSP}"`);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const res = await serveAppRequest(root, 'app://why500/', read);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>why500</title>');
    const js = await serveAppRequest(root, 'app://why500/assets/app.js', read);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['app://why500/..%2fsecret.txt', 403],
    ['app://why500/assets/..%5c..%5csecret.txt', 400],
    ['app://why500/%00index.html', 400],
    ['app://why500/%E0%A4%A', 400],
    ['app://evil/index.html', 403],
    ['https://why500/index.html', 403],
    ['not a url', 400],
  ])('refuses %s', async (url, status) => {
    const result = resolveAppPath(root, url);
    expect(result).toEqual({ ok: false, status });
    const res = await serveAppRequest(root, url, read);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('collapses dot segments inside the root (the URL parser does) and never leaves it', async () => {
    expect(resolveAppPath(root, 'app://why500/%2e%2e/secret.txt')).toEqual({
      ok: true,
      filePath: join(root, 'secret.txt'),
    });
    const res = await serveAppRequest(root, 'app://why500/%2e%2e/secret.txt', read);
    expect(res.status).not.toBe(200);
  });

  it('answers 404 for a missing file and 403 for an unknown type', async () => {
    expect((await serveAppRequest(root, 'app://why500/missing.js', read)).status).toBe(404);
    writeFileSync(join(root, 'x.exe'), 'MZ');
    expect((await serveAppRequest(root, 'app://why500/x.exe', read)).status).toBe(403);
  });
});

describe('policies', () => {
  it('keeps the app window on its own pages and the clean window on http(s)', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(mayNavigate('app', 'app://why500/index.html#settings')).toBe(true);
    expect(mayNavigate('app', 'https://character.ai/')).toBe(false);
    expect(mayNavigate('app', 'file:///etc/passwd')).toBe(false);
    expect(mayNavigate('clean-session', 'https://character.ai/chat')).toBe(true);
    expect(mayNavigate('clean-session', 'file:///etc/passwd')).toBe(false);
    expect(mayNavigate('clean-session', 'javascript:alert(1)')).toBe(false);
    expect(mayOpenWindow('https://character.ai/')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(mayGrantPermission(p, 'app://why500')).toBe(false);
    }
  });

  it('opens externally only http(s) links the app made', () => {
    const made = ['https://character.ai/', 'https://status.character.ai'];
    expect(mayOpenExternal('https://status.character.ai', made)).toBe(true);
    expect(mayOpenExternal('https://evil.example/', made)).toBe(false);
    expect(mayOpenExternal('file:///etc/passwd', ['file:///etc/passwd'])).toBe(false);
    expect(mayOpenExternal('smb://host/share', ['smb://host/share'])).toBe(false);
  });
});

describe('windows', () => {
  it('every window is hardened; the app window has the preload, the clean one its own in-memory partition', async () => {
    const factory = new FakeWindowFactory();
    const windows = new AppWindows({
      factory,
      preloadPath: '/app/dist/electron/preload.cjs',
      devTools: false,
      log: () => {},
    });
    await windows.openDiagnostic({ view: 'causes', target: 'Character.AI' });
    await windows.openCleanSession('Character.AI', 'https://character.ai/');
    await windows.openCleanSession('Character.AI', 'https://character.ai/');
    const [main, clean1, clean2] = factory.windows;
    const hardened = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    };
    expect(main!.options.kind).toBe('app');
    expect(main!.options.webPreferences).toEqual({
      ...hardened,
      preload: '/app/dist/electron/preload.cjs',
      devTools: false,
    });
    expect(main!.loaded).toEqual(['app://why500/index.html']);
    expect(main!.sent).toEqual([
      { channel: 'view:show', payload: { view: 'causes', target: 'Character.AI' } },
    ]);
    for (const clean of [clean1!, clean2!]) {
      expect(clean.options.kind).toBe('clean-session');
      const { partition, ...rest } = clean.options.webPreferences;
      expect(rest).toEqual({ ...hardened, devTools: false });
      // In memory, one for the run, emptied before each use.
      expect(partition).toBe('clean-session');
      expect(clean.options.emptySessionFirst).toBe(true);
      expect(clean.options.plainUserAgent).toBe(true);
      expect('preload' in clean.options.webPreferences).toBe(false);
      expect(clean.loaded).toEqual(['https://character.ai/']);
    }
    // One clean window at a time: its session is emptied for the next use.
    expect(clean1!.isDestroyed()).toBe(true);
    expect(clean2!.isDestroyed()).toBe(false);
    await expect(windows.openCleanSession('X', 'file:///etc/passwd')).rejects.toThrow(/not an http\(s\) URL/);
    // Only the diagnostic window is trusted for IPC.
    expect(windows.trustedContentsIds()).toEqual(new Set([main!.webContentsId]));
    // Opening again reuses the window.
    await windows.openDiagnostic();
    expect(factory.windows.filter((w) => w.options.kind === 'app')).toHaveLength(1);
    main!.close();
    expect(windows.trustedContentsIds()).toEqual(new Set());
  });
});
