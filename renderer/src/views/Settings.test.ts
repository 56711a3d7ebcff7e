// Settings: inline validation with the shared schema, save and main's problems, target test, token set/clear.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/svelte';
import Settings from './Settings.svelte';
import { createFakeApi } from '../testing/fake-api';
import type { AppSettings } from '../../../shared/types/settings';

afterEach(() => cleanup());

async function setup(overrides = {}) {
  const fake = createFakeApi({ overrides });
  render(Settings, { props: { api: fake.api } });
  await screen.findByRole('button', { name: 'Save settings' });
  return fake;
}

async function type(label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  await fireEvent.input(input, { target: { value } });
  await fireEvent.focusOut(input);
  return input;
}

describe('Settings', () => {
  it('shows the loaded settings', async () => {
    await setup();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Character.AI');
    expect((screen.getByLabelText('Site address') as HTMLInputElement).value).toBe('https://character.ai/');
    expect((screen.getByLabelText('Check every (seconds)') as HTMLInputElement).value).toBe('30');
    expect((screen.getByRole('checkbox', { name: 'Quiet hours' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Quiet from') as HTMLInputElement).value).toBe('22:00');
  });

  it('refuses an invalid site address inline with the reason, and does not save', async () => {
    const fake = await setup();
    const site = await type('Site address', 'ftp://example.com');
    expect(site.getAttribute('aria-invalid')).toBe('true');
    const reason = document.getElementById(site.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(reason?.textContent).toBe('expected an http(s) URL of the site page, found "ftp://example.com"');

    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(fake.callsOf('saveSettings')).toHaveLength(0);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(/targets\[0\]\.site: expected an http\(s\) URL/)).toBeTruthy();
    expect(document.activeElement).toBe(site);
  });

  it('refuses an impolite interval and a malformed proxy', async () => {
    const fake = await setup();
    await type('Check every (seconds)', '5');
    await type('Alternate path proxy (optional)', 'not a url');
    expect(screen.getByText('expected at least 10 seconds (be polite to the service), found 5')).toBeTruthy();
    expect(
      screen.getByText(/expected a proxy URL such as "http:\/\/127\.0\.0\.1:8888", found "not a url"/),
    ).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(fake.callsOf('saveSettings')).toHaveLength(0);
  });

  it('refuses two services with the same name', async () => {
    await setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    const names = screen.getAllByLabelText('Name');
    await fireEvent.input(names[1]!, { target: { value: 'character.ai' } });
    await fireEvent.input(screen.getAllByLabelText('Site address')[1]!, {
      target: { value: 'https://example.com/' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getAllByText(/expected a unique name/).length).toBeGreaterThan(0);
  });

  it('saves valid settings with the edited values', async () => {
    const fake = await setup();
    await type('Check every (seconds)', '60');
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Quiet hours' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Mute Character.AI' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsOf('saveSettings')).toHaveLength(1));
    const [saved] = fake.callsOf('saveSettings')[0] as [AppSettings];
    expect(saved.intervalSeconds).toBe(60);
    expect(saved.notifications.quietHours).toBeNull();
    expect(saved.notifications.muted).toEqual(['Character.AI']);
    expect(saved.targets[0]?.endpoints).toHaveLength(2);
    await waitFor(() => expect(screen.getByText('Settings saved.')).toBeTruthy());
  });

  it("says when saving removed a token because its address changed, and shows the token's new state", async () => {
    let stored = true;
    const notice = 'The token for Character.AI was removed because the address changed; enter it again.';
    await setup({
      getTokenState: async () => ({
        set: { 'Character.AI': stored },
        weakEncryption: false,
        available: true,
      }),
      saveSettings: async () => {
        stored = false;
        return { ok: true as const, notice };
      },
    });
    await screen.findByText('A token is stored for Character.AI.');
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(`Settings saved. ${notice}`);
    await screen.findByText('No token is stored for Character.AI.');
  });

  it('shows when a test went without the token', async () => {
    const note = 'token not sent: https://moved.example is not an address the token was saved for';
    await setup({
      testTarget: async () => ({
        ok: true,
        probes: [
          {
            name: 'user',
            url: 'https://moved.example/user',
            status: 401,
            outcome: 'http-4xx' as const,
            note,
            timings: { dns: 1, connect: 1, tls: 1, firstByte: 1, total: 4 },
          },
        ],
        statusPage: null,
      }),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Test Character.AI' }));
    await screen.findByText(new RegExp(`user: 401 .* — ${note}`));
  });

  it('shows problems returned by main beside their fields', async () => {
    await setup({
      saveSettings: async () => ({
        ok: false as const,
        problems: [{ path: 'targets[0].statusPage', message: 'expected a reachable status page' }],
      }),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const field = await screen.findByLabelText('Status page (optional)');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/expected a reachable status page/).length).toBeGreaterThanOrEqual(1);
  });

  it('tests a service through main and shows what it found', async () => {
    const fake = await setup();
    await fireEvent.click(screen.getByRole('button', { name: 'Test Character.AI' }));
    await waitFor(() => expect(screen.getByText('Test passed.')).toBeTruthy());
    const [target] = fake.callsOf('testTarget')[0]!;
    expect(target.site).toBe('https://character.ai/');
    expect(target.statusPage).toBe('https://status.character.ai');
    expect(screen.getByText(/site: 200 — answered normally, 190 ms/)).toBeTruthy();
  });

  it('does not test a service whose fields are invalid', async () => {
    const fake = await setup();
    await fireEvent.input(screen.getByLabelText('Site address'), { target: { value: 'character.ai' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Test Character.AI' }));
    expect(fake.callsOf('testTarget')).toHaveLength(0);
    expect(screen.getByText(/Fix targets\[0\]\.site/)).toBeTruthy();
  });

  it('adds and removes a service', async () => {
    await setup();
    expect((screen.getByRole('button', { name: 'Remove Character.AI' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Add a service' }));
    expect(screen.getAllByLabelText('Name')).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove this service' }));
    expect(screen.getAllByLabelText('Name')).toHaveLength(1);
  });
});

describe('Token', () => {
  const SECRET = 'abcDEF1234567890abcDEF1234567890abcDEF12';

  it('warns honestly about a token stored without a keyring (the user opted in)', async () => {
    await setup();
    expect(
      await screen.findByText(
        /no keyring, so the token is encrypted with Chromium's built-in key, which is public/,
      ),
    ).toBeTruthy();
  });

  it('tells a Character.AI user where the token comes from and that it stays in the system store', async () => {
    await setup();
    const help = (await screen.findByText('Where do I find my Character.AI token?')).closest('details')!;
    expect(help.textContent).toMatch(/developer tools/);
    expect(help.textContent).toMatch(/plus\.character\.ai or neo\.character\.ai/);
    expect(help.textContent).toMatch(/Authorization header reads "Token"/);
    expect(help.textContent).toMatch(/secure store/);
  });

  it('says why no token can be stored without a keyring, and how to opt in', async () => {
    await setup({
      getTokenState: async () => ({ set: {}, weakEncryption: true, available: false, plainTextOptIn: null }),
    });
    expect(
      await screen.findByText(/built-in key, which is public.*WHY500_ALLOW_PLAIN_TEXT_TOKENS=1/s),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Token')).toBeNull();
  });

  it('lets the user accept the public built-in key in Settings, and turning it off removes the tokens', async () => {
    const fake = createFakeApi();
    // Linux without a keyring, nothing accepted yet (the fake then answers as main's vault does).
    await fake.api.allowPlainTextTokens({ allow: false });
    fake.calls.length = 0;
    render(Settings, { props: { api: fake.api } });
    const box = (await screen.findByRole('checkbox', {
      name: 'Store tokens with the public built-in key anyway',
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    // The checkbox is described by the honest words: the key is public, and off removes the tokens.
    const described = box
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toMatch(/built-in key, which is public: anyone who can read the settings file/);
    expect(described).toMatch(/Turning this off removes the tokens stored with that key/);
    expect(screen.queryByLabelText('Token')).toBeNull();

    await fireEvent.click(box);
    await waitFor(() => expect(fake.callsOf('allowPlainTextTokens')).toEqual([[{ allow: true }]]));
    const input = await screen.findByLabelText('Token');
    expect(screen.getByRole('note').textContent).toMatch(/public.*You allowed this below/s);
    await fireEvent.input(input, { target: { value: SECRET } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set token' }));
    expect(await screen.findByText('A token is stored for Character.AI.')).toBeTruthy();

    const on = screen.getByRole('checkbox', { name: 'Store tokens with the public built-in key anyway' });
    expect((on as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(on);
    await waitFor(() => expect(fake.callsOf('allowPlainTextTokens').at(-1)).toEqual([{ allow: false }]));
    expect(
      await screen.findByText(
        'Tokens are no longer stored with the public key. The stored token for Character.AI was removed.',
      ),
    ).toBeTruthy();
    expect(screen.queryByLabelText('Token')).toBeNull();
    expect(screen.queryByLabelText('Replace the token')).toBeNull();
  });

  it('offers no Settings choice when the environment variable already accepted the public key', async () => {
    await setup({
      getTokenState: async () => ({
        set: {},
        weakEncryption: true,
        available: true,
        plainTextOptIn: 'environment',
      }),
    });
    expect(await screen.findByText(/You allowed this with WHY500_ALLOW_PLAIN_TEXT_TOKENS=1/)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /public built-in key/ })).toBeNull();
    expect(screen.getByLabelText('Token')).toBeTruthy();
  });

  it('sets a token without ever showing it back, then clears it', async () => {
    const fake = await setup();
    expect(await screen.findByText('No token is stored for Character.AI.')).toBeTruthy();
    const input = screen.getByLabelText('Token') as HTMLInputElement;
    expect(input.type).toBe('password');
    await fireEvent.input(input, { target: { value: SECRET } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set token' }));
    await waitFor(() => expect(screen.getByText('A token is stored for Character.AI.')).toBeTruthy());
    expect(fake.callsOf('setToken')).toEqual([[{ target: 'Character.AI', token: SECRET }]]);
    expect((screen.getByLabelText('Replace the token') as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.textContent).not.toContain(SECRET);

    await fireEvent.click(screen.getByRole('button', { name: 'Clear token' }));
    await waitFor(() => expect(screen.getByText('No token is stored for Character.AI.')).toBeTruthy());
    expect(fake.callsOf('clearToken')).toEqual([[{ target: 'Character.AI' }]]);
  });

  it('reads the token state again after a save (main drops the tokens of removed services)', async () => {
    let stored = true;
    const fake = await setup({
      getTokenState: async () => ({
        set: stored ? { 'Character.AI': true } : {},
        weakEncryption: false,
        available: true,
        plainTextOptIn: null,
      }),
    });
    expect(await screen.findByText('A token is stored for Character.AI.')).toBeTruthy();
    stored = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsOf('saveSettings')).toHaveLength(1));
    expect(await screen.findByText('No token is stored for Character.AI.')).toBeTruthy();
  });

  it('refuses a token that cannot be valid, inline', async () => {
    const fake = await setup();
    const input = (await screen.findByLabelText('Token')) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'has space inside' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Set token' }));
    expect(screen.getByText('expected printable characters without spaces')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsOf('setToken')).toHaveLength(0);
  });

  it('says so when the system cannot store tokens at all', async () => {
    await setup({
      getTokenState: async () => ({ set: {}, weakEncryption: false, available: false, plainTextOptIn: null }),
    });
    expect(await screen.findByText(/offers no secure storage/)).toBeTruthy();
    expect(screen.queryByLabelText('Token')).toBeNull();
  });
});

describe('Settings: the login item', () => {
  it('shows what the OS says of the login item next to its checkbox', async () => {
    const fake = createFakeApi();
    render(Settings, { props: { api: fake.api, loginItem: 'requires-approval' } });
    const box = await screen.findByRole('checkbox', { name: 'Start why500 when I log in' });
    expect(box.getAttribute('aria-describedby')).toBe('login-item-status');
    expect(document.getElementById('login-item-status')?.textContent).toBe(
      'Login item: waiting for your approval in System Settings → General → Login Items',
    );
  });

  it('says nothing it was not told', async () => {
    await setup();
    expect(document.getElementById('login-item-status')).toBeNull();
  });
});
