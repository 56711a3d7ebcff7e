// Overview: the verdict, confidence and next step; running the next step; diagnosis progress and cancel.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/svelte';
import Overview from './Overview.svelte';
import { connectedState } from '../testing/setup';
import {
  FIXTURE_NOW,
  healthyDiagnosis,
  healthySnapshot,
  localNetworkSnapshot,
  outageSnapshot,
  overloadDiagnosis,
} from '../testing/fixtures';
import { progressAt } from '../testing/fake-api';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Overview', () => {
  it('states the verdict, likely cause, confidence and what it means', async () => {
    const { state } = await connectedState({ snapshot: outageSnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: 'Character.AI is down, most likely because of too much traffic on their servers.',
      }),
    ).toBeTruthy();
    expect(screen.getByText('82%')).toBeTruthy();
    expect(screen.getByText('Overload')).toBeTruthy();
    expect(screen.getByText(/22 min ago/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What it means' })).toBeTruthy();
    expect(screen.getByText(/More people are using the service than its servers can answer/)).toBeTruthy();
  });

  it('lists the causes that could not be tested and how to test them, and a healthy verdict claims only what was checked', async () => {
    const snapshot = healthySnapshot();
    const evidence = snapshot.targets[0]!.status.diagnosis!.evidence;
    // Character.AI's user endpoint takes the token: without one, it was asked only without it.
    evidence.anonymous = [{ ...evidence.endpoints[0]!, name: 'user', path: 'anonymous', needsToken: true }];
    const { state } = await connectedState({ snapshot });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    const heading = screen.getByRole('heading', { name: 'Not checked' });
    const list = heading.nextElementSibling as HTMLElement;
    const lines = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines[0]).toMatch(/^Account or session: not checked — no token\. To check it, give your token/);
    expect(lines.some((l) => /^Regional outage: not checked — no alternate path/.test(l ?? ''))).toBe(true);
    expect(screen.getByText('Working normally')).toBeTruthy();
  });

  it('names the leading causes of an unclear verdict, the other likely ones, and stale status items with dates', async () => {
    const snapshot = outageSnapshot();
    const target = snapshot.targets[0]!;
    const base = target.status.diagnosis!;
    const shares: Record<string, number> = {
      overload: 0.46,
      regional: 0.3,
      'bad-update': 0.12,
      account: 0.06,
    };
    const diagnosis = {
      ...base,
      verdict: 'unknown' as const,
      confidence: 0.46,
      ranking: base.ranking.map((r) => ({ ...r, probability: shares[r.cause] ?? 0.01 })),
      evidence: {
        ...base.evidence,
        statusPage: {
          ...base.evidence.statusPage,
          staleItems: [
            { kind: 'maintenance-overrun' as const, name: 'DB move', at: '2021-03-03T22:30:00.000Z' },
          ],
        },
      },
    };
    target.status = { ...target.status, cause: 'unknown', confidence: 0.46, diagnosis };
    const { state } = await connectedState({ snapshot });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(screen.getByText('Unknown — Overload 46%, Regional outage 30%')).toBeTruthy();
    expect(screen.getByText('Bad update 12%, Account or session 6%')).toBeTruthy();
    expect(screen.getByText(/planned to end 3 Mar 2021, 22:30 UTC/)).toBeTruthy();
  });

  it('names the part of your own connection at fault, with every check and the step to fix it', async () => {
    const { state } = await connectedState({ snapshot: localNetworkSnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(screen.getByText('Part of your connection').nextElementSibling?.textContent).toBe(
      'a Wi-Fi sign-in page',
    );
    const checks = screen.getByRole('region', { name: 'Your own connection' });
    expect(within(checks).getAllByRole('rowheader')).toHaveLength(6);
    expect(within(checks).getByRole('row', { name: /Wi-Fi sign-in page fault found/ })).toBeTruthy();
    expect(
      screen.getByText('Your Wi-Fi wants you to sign in: open any web page to see its sign-in screen.'),
    ).toBeTruthy();
  });

  it('keeps "last checked" current while the view stays open', async () => {
    const { state } = await connectedState({ snapshot: outageSnapshot() });
    vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    render(Overview, { props: { state } });
    const lastChecked = () => screen.getByText('Last checked').nextElementSibling?.textContent;
    expect(lastChecked()).toBe('just now');
    vi.advanceTimersByTime(10 * 60_000);
    flushSync();
    expect(lastChecked()).toBe('10 min ago');
  });

  it('gives the strongest evidence and leads to the full ranking', async () => {
    const { state } = await connectedState();
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(screen.getByRole('heading', { name: 'Why we think so' })).toBeTruthy();
    expect(screen.getByText(/A waiting-room page and a Retry-After header were sent/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'See all causes and their evidence' }));
    expect(state.view).toBe('causes');
  });

  it('says all is well for a healthy target and offers no action button', async () => {
    const { state } = await connectedState({ snapshot: healthySnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(screen.getByRole('heading', { level: 2, name: 'Character.AI is working normally.' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Diagnose again|Open the status page/ })).toBeNull();
  });

  it('runs the next step through runAction and announces the result', async () => {
    const { fake, state } = await connectedState();
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose again' }));
    await waitFor(() =>
      expect(fake.callsOf('runAction')).toEqual([[{ target: 'Character.AI', action: 'diagnose-again' }]]),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Done: diagnose-again.'));
  });

  it('shows the running checks of "Diagnose now" and can cancel it', async () => {
    const { fake, state } = await connectedState({ holdDiagnosis: true });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    expect(screen.queryByRole('button', { name: 'Cancel diagnosis' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose now' }));
    const list = await screen.findByRole('list', { name: 'Diagnosis checks' });
    expect(within(list).getByText(/Loading the site page — done/)).toBeTruthy();
    expect(within(list).getByText(/Checking the service endpoints — running/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Diagnose now' }) as HTMLButtonElement).disabled).toBe(true);

    fake.pushProgress(progressAt('Character.AI', 2));
    await waitFor(() => expect(within(list).getByText(/Checking unrelated sites .* — running/)).toBeTruthy());

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel diagnosis' }));
    expect(fake.callsOf('cancelDiagnosis')).toEqual([[{ target: 'Character.AI' }]]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Diagnosis cancelled.'));
    expect(screen.queryByRole('button', { name: 'Cancel diagnosis' })).toBeNull();
  });

  it('passes the symptom flag when the user sees an error now, and shows the new diagnosis', async () => {
    const { fake, state } = await connectedState({ snapshot: healthySnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: "I'm seeing an error now" }));
    await waitFor(() =>
      expect(fake.callsOf('startDiagnosis')).toEqual([[{ target: 'Character.AI', symptom: true }]]),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Diagnosis finished.'));
    // The fake's diagnosis says overload; it is newer than the pushed healthy one, so it shows.
    expect(screen.getByText('Overload')).toBeTruthy();
  });

  it('keeps the diagnosis the user asked for, labelled with its time, until dismissed', async () => {
    const { fake, state } = await connectedState({ snapshot: healthySnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose now' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Diagnosis finished.'));
    const heading = () => screen.getByRole('heading', { level: 2 }).textContent;
    // The monitor still says healthy: the fault this diagnosis found is not worded as "down".
    expect(heading()).toBe(
      'Character.AI is slow or partly failing, most likely because of too much traffic on their servers.',
    );
    expect(screen.getByText(/^Diagnosis you asked for at /)).toBeTruthy();

    // A newer background round arrives: the on-demand result stays on screen.
    fake.pushSnapshot(healthySnapshot(FIXTURE_NOW + 60_000));
    flushSync();
    expect(heading()).toMatch(/too much traffic/);
    expect(screen.getByText('Overload')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Back to the latest round' }));
    expect(heading()).toBe('Character.AI is working normally.');
    expect(screen.queryByText(/^Diagnosis you asked for at /)).toBeNull();
    expect(screen.getByText('From the checks that run in the background.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('puts the on-demand result away when the user diagnoses again through the next step', async () => {
    const { state } = await connectedState({ snapshot: outageSnapshot() });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose now' }));
    await waitFor(() => expect(screen.getByText(/^Diagnosis you asked for at /)).toBeTruthy());
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose again' }));
    await waitFor(() => expect(screen.getByText('From the checks that run in the background.')).toBeTruthy());
  });

  it('shows a partial diagnosis while a probe hangs, saying what it still waits for, then the complete one', async () => {
    const { fake, state } = await connectedState({ snapshot: healthySnapshot(), holdDiagnosis: true });
    render(Overview, { props: { state, now: FIXTURE_NOW } });
    await fireEvent.click(screen.getByRole('button', { name: 'Diagnose now' }));
    const partial = { ...overloadDiagnosis(), pending: [{ name: 'chat', path: 'direct' as const }] };
    fake.pushProgress({ ...progressAt('Character.AI', 1), partial });
    await waitFor(() =>
      expect(screen.getByText(/^Partial diagnosis at .* — still waiting for chat\.$/)).toBeTruthy(),
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/too much traffic/);

    // Main's last push says the run is over (still carrying the partial one), then the result comes.
    fake.pushProgress({ ...progressAt('Character.AI', 4, false), partial });
    fake.releaseDiagnosis(healthyDiagnosis(FIXTURE_NOW + 20_000));
    await waitFor(() => expect(screen.getByText(/^Diagnosis you asked for at /)).toBeTruthy());
    expect(screen.queryByText(/^Partial diagnosis/)).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Character.AI is working normally.');
  });
});
