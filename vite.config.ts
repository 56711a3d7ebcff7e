// Production build of the diagnostic window: Svelte 5 from renderer/ into dist/renderer, relative
// asset paths (loaded from packaged files), no inline scripts or styles so the strict CSP holds.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // The polyfill is not needed in Electron's Chromium and would add code to the entry.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into scripts; CSS stays in its own file.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
});
