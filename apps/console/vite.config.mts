import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is static files served by the API app (apps/api/src/bootstrap.ts) from dist/console.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
});
