// Launches the `le` CLI from a bundle of src/cli (out/cli/le.cjs), rebuilt with esbuild
// whenever a source file is newer: start-up drops from ~2 s (on-the-fly TypeScript) to
// ~0.4 s, which matters for a command that scripts call thousands of times. The bundle is
// CommonJS on purpose: importing tfjs's large CommonJS build from ESM makes Node scan it for
// named exports (~0.3 s); require() does not.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'cli', 'le.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'package.json')).mtimeMs);
if (stale) {
  const tmp = `${bundle}.${process.pid}.tmp.cjs`;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'le.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // import.meta.url has no CommonJS equivalent built in: give it the bundle's own URL
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  fs.renameSync(tmp, bundle); // atomic: concurrent launches never see half a bundle
}
createRequire(import.meta.url)(bundle);
