import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: 'web',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the app supports (es2022: Chromium, Firefox 115+, Safari 17+) preloads modules
    // itself: the polyfill was half a kilobyte of the board's first script for nobody.
    modulePreload: { polyfill: false },
  },
});
