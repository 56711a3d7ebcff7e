// Entry of the diagnostic window: finds the bridge, connects the state and mounts the app.

import { mount } from 'svelte';
import './styles/app.css';
import App from './App.svelte';
import Missing from './components/BridgeMissing.svelte';
import { findBridge } from './bridge';
import { AppState } from './state/app-state.svelte';

const root = document.getElementById('app');
if (root) {
  const bridge = findBridge(window as { why500?: unknown });
  if (bridge.ok) {
    const state = new AppState(bridge.api);
    void state.connect();
    mount(App, { target: root, props: { state } });
  } else {
    mount(Missing, { target: root, props: { message: bridge.message } });
  }
}
