// The window shell: a tab per view, arrow-key navigation, main's "show view" requests, notices.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/svelte';
import App from './App.svelte';
import { connectedState } from './testing/setup';
import { outageSnapshot } from './testing/fixtures';

afterEach(() => cleanup());

describe('App', () => {
  it('offers every view as a tab and shows the overview first', async () => {
    const { state } = await connectedState();
    render(App, { props: { state } });
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['Overview', 'Causes', 'Timeline', 'Probes', 'Status page', 'Settings', 'Report']);
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Overview' })).toBeTruthy();
    expect(screen.getByText('Down')).toBeTruthy();
  });

  it('switches view by click and by arrow keys', async () => {
    const { state } = await connectedState();
    render(App, { props: { state } });
    await fireEvent.click(screen.getByRole('tab', { name: 'Causes' }));
    expect(screen.getByRole('tabpanel', { name: 'Causes' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Possible causes' })).toBeTruthy();
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Causes' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Timeline' }));
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tabpanel', { name: 'Report' })).toBeTruthy();
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByRole('tabpanel', { name: 'Overview' })).toBeTruthy();
  });

  it('shows the view main asks for (e.g. after a notification click)', async () => {
    const { fake, state } = await connectedState();
    render(App, { props: { state } });
    fake.pushShowView({ view: 'status', target: 'Character.AI' });
    expect(await screen.findByRole('tabpanel', { name: 'Status page' })).toBeTruthy();
  });

  it('words an outage caused by the account as a refusal, not as "down", in the badge and the headline', async () => {
    const snap = outageSnapshot();
    const target = snap.targets[0]!;
    target.status.cause = 'account';
    target.status.diagnosis = { ...target.status.diagnosis!, verdict: 'account' };
    const { state } = await connectedState({ snapshot: snap });
    render(App, { props: { state } });
    expect(screen.getByText('Refuses your account')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Character.AI is up, but refuses your account.',
    );
    expect(document.querySelector('header')!.textContent).not.toMatch(/\bdown\b|outage/i);
  });

  it('lets the user pick among several services', async () => {
    const snap = outageSnapshot();
    const second = structuredClone(snap.targets[0]!);
    second.status.target = 'Example';
    second.status.state = 'healthy';
    snap.targets.push(second);
    const { state, fake } = await connectedState({ snapshot: snap });
    render(App, { props: { state } });
    const select = screen.getByRole('combobox', { name: 'Service' }) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'Example' } });
    expect(screen.getByText('Working')).toBeTruthy();
    fake.pushShowView({ view: 'overview', target: 'Character.AI' });
    await waitFor(() => expect(screen.getByText('Down')).toBeTruthy());
  });

  it('shows a one-time notice and the pause', async () => {
    const snap = outageSnapshot();
    snap.notice =
      'Your settings file was damaged; it was kept as settings.corrupt.json and defaults were loaded.';
    snap.paused = { until: '2026-11-25T15:30:00.000Z' };
    const { state } = await connectedState({ snapshot: snap });
    render(App, { props: { state } });
    const notes = screen.getAllByRole('note').map((n) => n.textContent);
    expect(notes[0]).toContain('settings file was damaged');
    expect(notes[1]).toMatch(/Checks are paused until/);
  });

  it('says why no tray icon shows, and offers the run controls after the view', async () => {
    const snap = outageSnapshot();
    snap.trayMissing = 'No tray icon can be shown: this desktop runs no tray host.';
    const { state } = await connectedState({ snapshot: snap });
    render(App, { props: { state } });
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toContain(snap.trayMissing);
    const controls = screen.getByRole('region', { name: 'Run controls' });
    const panel = screen.getByRole('tabpanel');
    // After the panel in document order, so the keyboard reaches the view first.
    expect(panel.compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says so when the first snapshot cannot be loaded', async () => {
    const { state } = await connectedState({
      overrides: {
        getSnapshot: async () => {
          throw new Error('main is not ready');
        },
      },
    });
    render(App, { props: { state } });
    expect(screen.getByRole('alert').textContent).toContain('main is not ready');
  });
});
