// Three builds: main (the composition root plus the job worker as a second entry, ESM),
// preload (CommonJS and self-contained: sandboxed preloads cannot be ES modules or require packages) and the Vue renderer.
// Dependencies stay external in main (better-sqlite3 is native; tfjs loads its .wasm from
// node_modules); the optional native tfjs packages are listed explicitly because
// externalizeDeps only covers `dependencies`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { include: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'] },
      rollupOptions: {
        input: { index: resolve(root, 'src/main/index.ts'), worker: resolve(root, 'src/jobs/worker.ts') },
        external: ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // a sandboxed preload can require only 'electron': bundle everything else (zod)
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [vue()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
