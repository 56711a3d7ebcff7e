// Settings' list of services: search the catalogue and add one, reorder and remove the watched ones,
// save them as targets, and a token field only for services that take one.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import Settings from './Settings.svelte';
import { createFakeApi } from '../testing/fake-api';

afterEach(() => cleanup());

async function setup() {
  const fake = createFakeApi();
  render(Settings, { props: { api: fake.api } });
  await screen.findByRole('button', { name: 'Save settings' });
  return fake;
}

const chosen = () =>
  within(screen.getByRole('list', { name: 'Watched services, in order' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.name')?.textContent);

describe('the list of services in Settings', () => {
  it('finds services by name, adds them, reorders and removes them, and saves them as targets', async () => {
    const fake = await setup();
    expect(chosen()).toEqual(['Character.AI']);
    const results = screen.getByRole('list', { name: 'Services you can add' });
    // Character.AI is already watched: no button to add it twice.
    expect(within(results).queryByRole('button', { name: 'Add Character.AI' })).toBeNull();
    await fireEvent.input(screen.getByLabelText('Find a service'), { target: { value: 'chat' } });
    const names = within(results)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.name')?.textContent);
    expect(names).toContain('ChatGPT');
    expect(names).toContain('HuggingChat');
    expect(names).not.toContain('Claude');
    await fireEvent.click(within(results).getByRole('button', { name: 'Add ChatGPT' }));
    await fireEvent.input(screen.getByLabelText('Find a service'), { target: { value: 'claude' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Claude' }));
    expect(chosen()).toEqual(['Character.AI', 'ChatGPT', 'Claude']);
    await fireEvent.click(screen.getByRole('button', { name: 'Move Claude up' }));
    expect(chosen()).toEqual(['Character.AI', 'Claude', 'ChatGPT']);
    await fireEvent.click(screen.getByRole('button', { name: 'Stop watching Character.AI' }));
    expect(chosen()).toEqual(['Claude', 'ChatGPT']);
    await fireEvent.input(screen.getByLabelText('Find a service'), {
      target: { value: 'nothing like this' },
    });
    expect(screen.getByText('No service in the catalogue matches “nothing like this”.')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsOf('saveSettings')).toHaveLength(1));
    const saved = fake.callsOf('saveSettings')[0]![0];
    expect(saved.targets.map((t) => [t.name, t.site, t.statusPage])).toEqual([
      ['Claude', 'https://claude.ai/', 'https://status.claude.com'],
      ['ChatGPT', 'https://chatgpt.com/', 'https://status.openai.com'],
    ]);
    expect(saved.targets[0]?.auth).toBeUndefined();
    expect(saved.targets[1]?.auth).toEqual({ scheme: 'Bearer' });
    expect(saved.targets[1]?.endpoints).toContainEqual({
      name: 'models',
      url: 'https://api.openai.com/v1/models',
      auth: true,
    });
  });

  it('offers a token field only for services that take one', async () => {
    await setup();
    await fireEvent.input(screen.getByLabelText('Find a service'), { target: { value: 'claude' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add Claude' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    // Only Character.AI sends a token: no service menu in the token section, and Claude never appears there.
    await screen.findByText('No token is stored for Character.AI.');
    expect(screen.queryByText(/token is stored for Claude/)).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Service' })).toBeNull();
    expect(screen.getAllByText(/takes a token/).length).toBeGreaterThan(0);
  });
});
