// Status page: provider, components, incidents and maintenance in local time, or why there is no information.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, cleanup, fireEvent, waitFor } from '@testing-library/svelte';
import StatusPage from './StatusPage.svelte';
import { connectedState } from '../testing/setup';
import { FIXTURE_NOW, healthySnapshot } from '../testing/fixtures';

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

  it('says "no status information" with the reason when the page is inactive', async () => {
    const { state } = await connectedState({ snapshot: healthySnapshot() });
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('No status information.');
    expect(note.textContent).toContain('The status page is inactive');
    expect(note.textContent).toContain('does not mean the service is down');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('opens the status page through main', async () => {
    const { fake, state } = await connectedState();
    render(StatusPage, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Open the status page' }));
    expect(fake.callsOf('openLink')).toEqual([[{ target: 'Character.AI', which: 'status-page' }]]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Opened in your browser.'));
  });
});
