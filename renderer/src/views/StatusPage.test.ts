// Status page: provider, components, incidents and maintenance in local time, or why there is no information.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent, waitFor, within } from '@testing-library/svelte';
import StatusPage from './StatusPage.svelte';
import { connectedState } from '../testing/setup';
import { FIXTURE_NOW, healthySnapshot, outageSnapshot } from '../testing/fixtures';

afterEach(() => cleanup());

describe('Status page', () => {
  it('shows provider, incident, maintenance and components', async () => {
    const { state } = await connectedState();
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    expect(screen.getByText('Atlassian Statuspage')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Elevated error rates' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Database upgrade' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Chat .*Partial outage/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /API .*Operational/ })).toBeTruthy();
  });

  it('lists components worst first, keeping the page order among equals', async () => {
    const snapshot = outageSnapshot();
    snapshot.targets[0]!.statusPage!.snapshot!.components = [
      { name: 'API', status: 'operational' },
      { name: 'Website', status: 'degraded' },
      { name: 'Login', status: 'operational' },
      { name: 'Chat', status: 'major-outage' },
      { name: 'Images', status: 'maintenance' },
      { name: 'Voice', status: 'partial-outage' },
    ];
    const { state } = await connectedState({ snapshot });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Chat', 'Voice', 'Website', 'Images', 'API', 'Login']);
  });

  it('says when the page was read from its other address because the public one is bot-checked', async () => {
    const snapshot = outageSnapshot();
    const view = snapshot.targets[0]!;
    view.statusPage = { ...view.statusPage!, viaFallback: 'https://tymt9n04zgry.statuspage.io/' };
    const { state } = await connectedState({ snapshot });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    expect(
      screen.getByText(
        'its other address tymt9n04zgry.statuspage.io, because the public page answers with a bot check',
      ),
    ).toBeTruthy();
  });

  it('says "no status information" with the reason when the page is inactive', async () => {
    const { state } = await connectedState({ snapshot: healthySnapshot() });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('No status information.');
    expect(note.textContent).toContain('The status page is inactive');
    expect(note.textContent).toContain('does not mean the service is down');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('marks a maintenance long past its planned end and a quiet incident as out of date, with their years', async () => {
    const snapshot = outageSnapshot();
    const page = snapshot.targets[0]!.statusPage!.snapshot!;
    page.maintenanceInProgress = [
      {
        name: 'Old move',
        stage: 'in_progress',
        scheduledFor: '2021-03-03T20:30:00.000Z',
        scheduledUntil: '2021-03-03T22:30:00.000Z',
        components: [],
      },
    ];
    page.incidents = page.incidents.map((i) => ({ ...i, updatedAt: '2026-11-01T08:00:00.000Z' }));
    const { state } = await connectedState({ snapshot });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    const stale = [...document.querySelectorAll('.stale')].map((p) => p.textContent ?? '');
    expect(stale.some((t) => /planned to end .*2021/.test(t))).toBe(true);
    expect(stale.some((t) => /no update since .*1 Nov|Nov 1/.test(t))).toBe(true);
  });

  it('says how many items the page listed beyond what the app keeps', async () => {
    const snapshot = outageSnapshot();
    snapshot.targets[0]!.statusPage!.snapshot!.omitted = { incidents: 19950, components: 3, maintenance: 0 };
    const { state } = await connectedState({ snapshot });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    expect(
      screen.getByText(/and 19950 more the page listed, not shown \(the app keeps the first 50\)/),
    ).toBeTruthy();
    expect(screen.getByText(/and 3 more components the page listed/)).toBeTruthy();
    expect(screen.queryByText(/more maintenance windows/)).toBeNull();
  });

  it('says nothing of left-out items when the page had none', async () => {
    const { state } = await connectedState();
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    expect(screen.queryByText(/the page listed, not shown/)).toBeNull();
  });

  it('opens the status page through main', async () => {
    const { fake, state } = await connectedState();
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open the status page' }));
    expect(fake.callsOf('openLink')).toEqual([[{ target: 'Character.AI', which: 'status-page' }]]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opened in your browser.'));
  });
});
