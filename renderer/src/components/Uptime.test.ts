// Uptime: each window's figure with the time watched, and the heartbeat strip in words.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import Uptime from './Uptime.svelte';
import { overloadUptime } from '../testing/fixtures';

afterEach(() => cleanup());

describe('Uptime', () => {
  it('gives each window its figure and how much of it was watched', () => {
    render(Uptime, { props: { uptime: overloadUptime() } });
    const section = screen.getByRole('region', { name: 'Uptime, as seen from here' });
    const figure = (label: string) => within(section).getByText(label).nextElementSibling?.textContent;
    // 16 failing minutes in a watched day: 98.8%, not rounded up.
    expect(figure('Last 24 h')).toBe('98.8% watched all of it');
    expect(figure('Last 7 d')).toBe('99.7% watched 5 days of 7 d');
    expect(figure('Last 30 d')).toBe('99.7% watched 5 days of 30 d');
  });

  it('lists the last rounds with their results in words', () => {
    render(Uptime, { props: { uptime: overloadUptime() } });
    const strip = screen.getByRole('list', { name: 'Last 40 rounds, oldest first' });
    const items = within(strip).getAllByRole('listitem');
    expect(items).toHaveLength(40);
    expect(items[0]!.textContent).toMatch(/: all 3 checks answered$/);
    expect(items[38]!.textContent).toMatch(/: 2 of 3 checks failed$/);
    expect(screen.getByText(/Last 40 rounds, oldest first: 12 had failures\./)).toBeTruthy();
  });

  it('words a single round as such', () => {
    const uptime = overloadUptime();
    render(Uptime, { props: { uptime: { ...uptime, heartbeat: uptime.heartbeat.slice(0, 1) } } });
    expect(screen.getByText('The one round so far: it answered.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'The one round so far' })).toBeTruthy();
  });

  it('says when nothing is stored yet', () => {
    render(Uptime, { props: { uptime: { ...overloadUptime(), heartbeat: [] } } });
    expect(screen.getByText('No rounds stored yet.')).toBeTruthy();
  });
});
