// Timeline: the chart with a text summary, the range switch, and the data table toggle.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/svelte';
import Timeline from './Timeline.svelte';
import { connectedState } from '../testing/setup';
import { overloadTimeline } from '../testing/fixtures';

afterEach(() => cleanup());

describe('Timeline', () => {
  it('draws the last hour as an image described in words', async () => {
    const { fake, state } = await connectedState();
    render(Timeline, { props: { state } });
    const chart = await screen.findByRole('img', {
      name: /Response time and errors of Character.AI, last hour/,
    });
    expect(fake.callsOf('getTimeline')).toEqual([[{ target: 'Character.AI', range: 'hour' }]]);
    const summary = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(summary?.textContent).toMatch(
      /^Over the last hour: 120 checks, \d+ failed \(\d+ server error \(5xx\)/,
    );
    expect(summary?.textContent).toMatch(/Down from .* until now/);
    expect(summary?.textContent).toMatch(/The site changed its build at/);
    expect(screen.getByRole('button', { name: 'Last hour' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('switches the range and asks main for that range', async () => {
    const { fake, state } = await connectedState();
    render(Timeline, { props: { state } });
    await screen.findByRole('img', { name: /last hour/ });
    await fireEvent.click(screen.getByRole('button', { name: 'Last week' }));
    await waitFor(() =>
      expect(fake.callsOf('getTimeline').at(-1)).toEqual([{ target: 'Character.AI', range: 'week' }]),
    );
    expect(await screen.findByRole('img', { name: /last week/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Last week' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Last hour' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('fits a new install’s few minutes of data to the axis instead of one bar at the right edge', async () => {
    const week = overloadTimeline('week');
    const to = Date.parse(week.to);
    const young = {
      ...week,
      samples: [3, 2, 1, 0].map((m) => ({
        ...week.samples.at(-1)!,
        at: new Date(to - m * 60_000 - 30_000).toISOString(),
      })),
      events: [],
      deploys: [],
      bands: [],
    };
    const { state } = await connectedState({ overrides: { getTimeline: async () => young } });
    render(Timeline, { props: { state } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Show data table' }));
    // Four rounds a minute apart (the last half a minute ago), each in its own slice (a week's 2-hour slices would hold them in one).
    const rows = screen.getByRole('table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(4);
  });

  it('shows the same figures as a table on request', async () => {
    const { state } = await connectedState();
    render(Timeline, { props: { state } });
    const toggle = await screen.findByRole('button', { name: 'Show data table' });
    expect(screen.queryByRole('table')).toBeNull();
    await fireEvent.click(toggle);
    const table = screen.getByRole('table');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('First byte');
    // 120 samples in 60 one-minute slices: every slice has a row.
    expect(table.querySelectorAll('tbody tr')).toHaveLength(60);
    await fireEvent.click(screen.getByRole('button', { name: 'Hide data table' }));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so when the timeline cannot be loaded', async () => {
    const { state } = await connectedState({
      overrides: {
        getTimeline: async () => {
          throw new Error('history unavailable');
        },
      },
    });
    render(Timeline, { props: { state } });
    expect((await screen.findByRole('alert')).textContent).toContain('history unavailable');
  });
});

describe('Timeline with absurd values', () => {
  it('renders a history holding a total of 1e308, Infinity and NaN', async () => {
    const { overloadTimeline } = await import('../testing/fixtures');
    const { state } = await connectedState({
      overrides: {
        getTimeline: async ({ range }) => {
          const data = overloadTimeline(range);
          for (const [i, total] of [1e308, Infinity, Number.NaN, -1].entries())
            data.samples.push({ ...data.samples[i]!, timings: { ...data.samples[i]!.timings, total } });
          return data;
        },
      },
    });
    render(Timeline, { props: { state } });
    const chart = await screen.findByRole('img', { name: /last hour/ });
    const summary = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(summary?.textContent).toMatch(/^Over the last hour: 120 checks/);
    expect(chart.querySelectorAll('text').length).toBeLessThan(200);
  });
});
