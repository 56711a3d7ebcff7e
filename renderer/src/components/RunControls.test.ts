// The run controls in the window: each button sends its own contract message, the buttons follow the
// paused/snoozed state, and a missing tray is explained.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import RunControls from './RunControls.svelte';
import { createFakeApi } from '../testing/fake-api';
import { healthySnapshot } from '../testing/fixtures';

afterEach(() => cleanup());

describe('RunControls', () => {
  it('pauses, snoozes and quits through one message each', async () => {
    const fake = createFakeApi();
    render(RunControls, { props: { api: fake.api, snapshot: healthySnapshot() } });
    const region = screen.getByRole('region', { name: 'Run controls' });
    const checks = within(region).getByRole('group', { name: 'Checks' });
    await fireEvent.click(within(checks).getByRole('button', { name: 'Pause 1 hour' }));
    await fireEvent.click(within(checks).getByRole('button', { name: 'Pause until tomorrow' }));
    const notifications = within(region).getByRole('group', { name: 'Notifications' });
    await fireEvent.click(within(notifications).getByRole('button', { name: 'Snooze notifications 1 hour' }));
    await fireEvent.click(within(region).getByRole('button', { name: 'Quit why500' }));
    expect(fake.callsOf('pauseMonitoring')).toEqual([[{ until: 'hour' }], [{ until: 'tomorrow' }]]);
    expect(fake.callsOf('snoozeNotifications')).toEqual([[{ hours: 1 }]]);
    expect(fake.callsOf('quitApp')).toEqual([[]]);
  });

  it('offers Resume while paused and turning notifications back on while snoozed', async () => {
    const fake = createFakeApi();
    const snapshot = {
      ...healthySnapshot(),
      paused: { until: '2026-11-25T15:00:00.000Z' },
      snoozedUntil: '2026-11-25T15:00:00.000Z',
    };
    render(RunControls, { props: { api: fake.api, snapshot } });
    expect(screen.queryByRole('button', { name: 'Pause 1 hour' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Turn notifications back on' }));
    expect(fake.callsOf('resumeMonitoring')).toEqual([[]]);
    expect(fake.callsOf('unsnoozeNotifications')).toEqual([[]]);
    expect(screen.getByRole('group', { name: 'Notifications' }).textContent).toMatch(
      /Notifications snoozed until/,
    );
  });

  it('says a refused request in one line', async () => {
    const fake = createFakeApi({
      overrides: {
        quitApp: () => Promise.reject(new Error('app:quit refused: not from the app window')),
      },
    });
    render(RunControls, { props: { api: fake.api, snapshot: healthySnapshot() } });
    await fireEvent.click(screen.getByRole('button', { name: 'Quit why500' }));
    expect((await screen.findByRole('alert')).textContent).toBe('app:quit refused: not from the app window');
  });
});
