// Probes: the last round per path with result, waterfall in words, headers and error bodies.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/svelte';
import Probes from './Probes.svelte';
import { connectedState } from '../testing/setup';
import { outageSnapshot } from '../testing/fixtures';

afterEach(() => cleanup());

describe('Probes', () => {
  it('groups probes by path and shows each result', async () => {
    const { state } = await connectedState();
    render(Probes, { props: { state } });
    expect(screen.getByRole('heading', { name: 'Direct' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Controls' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Alternate path' })).toBeNull();
    const site = screen.getByRole('article', { name: 'site (Direct)' });
    expect(within(site).getByText('503 — server error (5xx)')).toBeTruthy();
    expect(
      within(site).getByText(/DNS 8 ms, Connect 22 ms, TLS 31 ms, First byte .*; total 3\.1 s/),
    ).toBeTruthy();
    expect(within(site).getByRole('rowheader', { name: 'retry-after' })).toBeTruthy();
  });

  it('lists held-back endpoints with the second they are asked again, and the tokenless refusal as expected', async () => {
    const snap = outageSnapshot();
    const round = snap.targets[0]!.lastRound!;
    const site = round.probes.find((p) => p.name === 'site')!;
    round.probes.push({
      ...site,
      name: 'user',
      path: 'anonymous',
      status: 401,
      outcome: 'http-4xx',
      body: '',
    });
    round.heldBack = [
      {
        name: 'health',
        path: 'direct',
        until: '2026-11-26T23:44:10.000Z',
        reason: 'it answered 429 with Retry-After: 120',
      },
    ];
    const { state } = await connectedState({ snapshot: snap });
    render(Probes, { props: { state } });
    const held = screen.getByRole('article', { name: 'health (Direct, held back)' });
    expect(held.textContent).toMatch(/held back until \d\d:\d\d:10 .* — the service asked for a pause/);
    expect(held.textContent).toContain('it answered 429 with Retry-After: 120');
    const anonymous = screen.getByRole('article', { name: 'user (Without the token)' });
    expect(within(anonymous).getByText(/401 — refused without the token, as expected/)).toBeTruthy();
    expect(anonymous.querySelector('h4 .ok')?.textContent).toBe('✓');
  });

  it('adds what each endpoint did over the diagnosis window, not just the last round', async () => {
    const { state } = await connectedState();
    render(Probes, { props: { state } });
    const site = screen.getByRole('article', { name: 'site (Direct)' });
    expect(
      within(site).getByText('Recent checks: 20, 14 of 20 failed (503 ×11, 200 ×6, 502 ×3), median 2.4 s.'),
    ).toBeTruthy();
    const health = screen.getByRole('article', { name: 'health (Direct)' });
    expect(within(health).getByText(/Recent checks: 20, 9 of 20 failed/)).toBeTruthy();
    const control = screen.getByRole('article', { name: 'www.google.com (Controls)' });
    expect(within(control).queryByText(/Recent checks/)).toBeNull();
  });

  it('shows the start of the error page only for failed probes', async () => {
    const { state } = await connectedState();
    render(Probes, { props: { state } });
    const site = screen.getByRole('article', { name: 'site (Direct)' });
    expect(within(site).getByLabelText('Error page excerpt of site').textContent).toContain(
      'You are now in line.',
    );
    const health = screen.getByRole('article', { name: 'health (Direct)' });
    expect(within(health).queryByText(/redis/)).toBeNull();
  });
});
