// Shared set-up for component tests: a fake API, a connected AppState, and cleanup of the DOM.

import { AppState } from '../state/app-state.svelte';
import { createFakeApi, type FakeApi, type FakeApiOptions } from './fake-api';

/** A fake API and an AppState already connected to it (first snapshot loaded). */
export async function connectedState(
  options: FakeApiOptions = {},
): Promise<{ fake: FakeApi; state: AppState }> {
  const fake = createFakeApi(options);
  const state = new AppState(fake.api);
  await state.connect();
  return { fake, state };
}
