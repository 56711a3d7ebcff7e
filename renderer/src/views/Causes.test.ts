// Causes: all nine outcomes ranked with their probability, evidence for and against, and advice.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/svelte';
import Causes from './Causes.svelte';
import { connectedState } from '../testing/setup';
import { healthySnapshot } from '../testing/fixtures';
import { AppState } from '../state/app-state.svelte';
import { createFakeApi } from '../testing/fake-api';

afterEach(() => cleanup());

describe('Causes', () => {
  it('ranks all nine outcomes, most likely first, with percentages', async () => {
    const { state } = await connectedState();
    render(Causes, { props: { state } });
    const list = screen.getByRole('list', { name: 'Causes, most likely first' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(items).toHaveLength(9);
    const headings = within(list)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent?.trim());
    expect(headings[0]).toBe('1. Overload 82%');
    expect(headings[1]).toBe('2. Regional outage 6%');
    expect(headings.at(-1)).toMatch(/^9\. /);
  });

  it('shows evidence for and against in plain words, and our advice', async () => {
    const { state } = await connectedState();
    render(Causes, { props: { state } });
    const first = screen.getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByText(/A waiting-room page and a Retry-After header were sent/)).toBeTruthy();
    expect(within(first).getByText(/Some checks still succeeded/)).toBeTruthy();
    expect(within(first).getByText(/reloading over and over only adds to the crowd/)).toBeTruthy();
  });

  it('follows a new snapshot pushed by main', async () => {
    const { fake, state } = await connectedState();
    render(Causes, { props: { state } });
    fake.pushSnapshot(healthySnapshot());
    expect(await screen.findByRole('heading', { name: '1. Working normally 92%' })).toBeTruthy();
  });

  it('explains what to do when there is no diagnosis yet', async () => {
    const snap = healthySnapshot();
    (snap.targets[0] as { status: { diagnosis: unknown } }).status.diagnosis = null;
    const state = new AppState(createFakeApi({ snapshot: snap }).api);
    await state.connect();
    render(Causes, { props: { state } });
    expect(screen.getByText(/No diagnosis yet/)).toBeTruthy();
  });
});
