// The first run's login offer and the macOS "not in Applications" warning: shown only when the
// snapshot says so, each answer sent as its own message.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import StartupPrompts from './StartupPrompts.svelte';
import { createFakeApi } from '../testing/fake-api';
import { healthySnapshot } from '../testing/fixtures';

afterEach(() => cleanup());

describe('StartupPrompts', () => {
  it('offers start at login once, and sends the answer', async () => {
    const fake = createFakeApi();
    render(StartupPrompts, {
      props: { api: fake.api, snapshot: { ...healthySnapshot(), offerLoginItem: true } },
    });
    const offer = screen.getByRole('region', { name: 'Start at login' });
    await fireEvent.click(within(offer).getByRole('button', { name: 'Start at login' }));
    await fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(fake.callsOf('answerLoginOffer')).toEqual([[{ enable: true }], [{ enable: false }]]);
    expect(screen.queryByRole('region', { name: 'Not in Applications' })).toBeNull();
  });

  it('says why the login item cannot work outside Applications and offers the move', async () => {
    const fake = createFakeApi();
    render(StartupPrompts, {
      props: { api: fake.api, snapshot: { ...healthySnapshot(), outsideApplications: true } },
    });
    const warning = screen.getByRole('region', { name: 'Not in Applications' });
    expect(warning.textContent).toMatch(/macOS cannot start it\s+when you log in/);
    await fireEvent.click(within(warning).getByRole('button', { name: 'Move to Applications' }));
    expect(fake.callsOf('moveToApplications')).toEqual([[]]);
    expect((await screen.findByRole('status')).textContent).toBe(
      'Moved to Applications; why500 starts again from there.',
    );
  });

  it('shows nothing otherwise', () => {
    const fake = createFakeApi();
    render(StartupPrompts, { props: { api: fake.api, snapshot: healthySnapshot() } });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
