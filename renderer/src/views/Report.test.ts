// Report: preview from main, format switch, copy and save through main.
import { describe, it, expect, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/svelte';
import Report from './Report.svelte';
import { connectedState } from '../testing/setup';

afterEach(() => cleanup());

describe('Report', () => {
  it('previews the Markdown report', async () => {
    const { fake, state } = await connectedState();
    render(Report, { props: { state } });
    const preview = await screen.findByLabelText('Report preview');
    expect(preview.textContent).toContain('# why500 support report — Character.AI');
    expect(fake.callsOf('getReport')).toEqual([[{ target: 'Character.AI', format: 'markdown' }]]);
  });

  it('copies the report and announces it', async () => {
    const { fake, state } = await connectedState();
    render(Report, { props: { state } });
    await screen.findByLabelText('Report preview');
    await fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    expect(fake.callsOf('copyReport')).toEqual([[{ target: 'Character.AI', format: 'markdown' }]]);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Report copied to the clipboard.'),
    );
  });

  it('switches to JSON and saves in that format', async () => {
    const { fake, state } = await connectedState();
    render(Report, { props: { state } });
    await screen.findByLabelText('Report preview');
    await fireEvent.click(screen.getByRole('radio', { name: 'JSON' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Report preview').textContent).toContain('"verdict": "overload"'),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Save as JSON…' }));
    expect(fake.callsOf('saveReport')).toEqual([[{ target: 'Character.AI', format: 'json' }]]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('why500-report.json'));
  });

  it('shows a failure of main as a message', async () => {
    const { state } = await connectedState({
      overrides: { copyReport: async () => ({ ok: false, message: 'The clipboard is not available.' }) },
    });
    render(Report, { props: { state } });
    await screen.findByLabelText('Report preview');
    await fireEvent.click(screen.getByRole('button', { name: 'Copy to clipboard' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('The clipboard is not available.'),
    );
  });
});
