// The local checks table: every check as a row with its result and what it saw; the sub-cause named.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import LocalChecks from './LocalChecks.svelte';
import { localNetworkDiagnosis, overloadDiagnosis, overloadWithLocalChecks } from '../testing/fixtures';

afterEach(() => cleanup());

describe('LocalChecks', () => {
  it('names the part of the connection at fault and lists every check with its result', () => {
    render(LocalChecks, { props: { diagnosis: localNetworkDiagnosis() } });
    const section = screen.getByRole('region', { name: 'Your own connection' });
    expect(within(section).getByText('a Wi-Fi sign-in page')).toBeTruthy();
    const table = within(section).getByRole('table', { name: 'Checks of your own connection' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'DNS',
      'IPv4 and IPv6',
      'Wi-Fi sign-in page',
      'Proxy',
      'Certificate interception',
      'Clock',
    ]);
    const captive = rows[2]!;
    expect(
      within(captive)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'fault found',
      'A sign-in page is intercepting: the “no content” address www.google.com sent you to login.hotel.example (302) instead of answering 204',
      '41 ms',
    ]);
    expect(within(rows[0]!).getAllByRole('cell')[0]?.textContent).toBe('fine');
  });

  it('shows nothing when the checks did not run', () => {
    render(LocalChecks, { props: { diagnosis: overloadDiagnosis() } });
    expect(screen.queryByRole('region', { name: 'Your own connection' })).toBeNull();
  });

  it('folds to one line when no check failed, and opens and closes on request', async () => {
    render(LocalChecks, { props: { diagnosis: overloadWithLocalChecks() } });
    const section = screen.getByRole('region', { name: 'Your own connection' });
    expect(within(section).getByText(/No part of your own connection was found at fault/)).toBeTruthy();
    expect(within(section).getByText('(2 fine, 4 not tested).')).toBeTruthy();
    const toggle = within(section).getByRole('button', { name: 'The 6 checks' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(section).queryByRole('table')).toBeNull();
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = within(section).getByRole('table', { name: 'Checks of your own connection' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(6);
    await fireEvent.click(toggle);
    expect(within(section).queryByRole('table')).toBeNull();
  });

  it('opens by itself when a check found a fault', () => {
    render(LocalChecks, { props: { diagnosis: localNetworkDiagnosis() } });
    expect(screen.getByRole('button', { name: 'The 6 checks' }).getAttribute('aria-expanded')).toBe('true');
  });
});
