import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('main/app/index.ts'),
          web: resolve('main/web/index.ts'),
          // The catalog sync's threads (main/catalog/sku-writer.ts), started from their own files.
          'sku-reader-worker': resolve('main/catalog/sku-reader-worker.ts'),
          'sku-writer-worker': resolve('main/catalog/sku-writer-worker.ts'),
          // The thread that counts facets (main/catalog/search-thread.ts).
          'catalog-search-worker': resolve('main/catalog/catalog-search-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything but `electron`: bundle zod and our code into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [
      react(),
      {
        // The dev server's React refresh needs an inline script and a socket; the built app gets the strict policy.
        name: 'dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
      },
    ],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
