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
    modulePreload: {
      polyfill: false,
      // A page loaded when first opened brings its own stylesheets; its scripts' imports the browser
      // finds in them (one round trip later). Listing every script of every page for preloading
      // made the board's first script carry the whole map of them, 0.45 KB gzipped of it.
      // The page itself (index.html) still preloads every script of the first load, and so do the
      // chunks the board loads as it opens (the kept board, the read-only drag notice).
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || /(?:^|\/)(?:board-cache|read-only)-/.test(file) ? deps : deps.filter((d) => d.endsWith('.css')),
    },
  },
});
