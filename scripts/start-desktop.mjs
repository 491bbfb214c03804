#!/usr/bin/env node
// npm start: launches the desktop app. Electron's binary is downloaded on first use (it is not
// part of npm install here); better-sqlite3 is compiled for Node by npm install, so it is
// rebuilt against Electron's headers first (@electron/rebuild, needs the internet once; a
// marker file remembers the Electron version it was built for) — then `electron-vite preview`
// (build + launch).
// Flags: --dev (electron-vite dev with hot reload), --skip-rebuild.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const args = process.argv.slice(2);
const say = (m) => process.stderr.write(`[start] ${m}\n`);

function electronBinary() {
  try {
    // electron's index.js throws when its binary has not been downloaded
    return require('electron');
  } catch (err) {
    return { missing: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

const bin = electronBinary();
if (typeof bin !== 'string' || !fs.existsSync(bin)) {
  say('Electron\'s binary is not installed, so the desktop app cannot start on this machine.');
  say(`  reason: ${typeof bin === 'string' ? `${bin} does not exist` : bin.missing}`);
  say('  fix: on a machine with internet access run `node node_modules/electron/install.js` (or reinstall electron),');
  say('       or use browser mode instead: `npm run serve` and open the printed URL.');
  process.exit(1);
}

const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const marker = path.join(root, 'node_modules/.le-electron-abi');
if (!args.includes('--skip-rebuild') && (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== electronVersion)) {
  say(`rebuilding better-sqlite3 for Electron ${electronVersion} (@electron/rebuild)…`);
  const r = spawnSync(npx, ['electron-rebuild', '--only', 'better-sqlite3', '--version', electronVersion], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    say('the rebuild failed (it downloads Electron headers: internet needed once).');
    process.exit(r.status ?? 1);
  }
  fs.writeFileSync(marker, electronVersion);
  say('note: better-sqlite3 is now built for Electron; `npm rebuild better-sqlite3` restores the Node build for npm test / the CLI.');
}

const mode = args.includes('--dev') ? 'dev' : 'preview';
const r = spawnSync(npx, ['electron-vite', mode], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
