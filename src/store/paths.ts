// The one default database path, shared by the CLI and the Electron app: $LE_DB, else the
// OS application-data directory (what Electron's app.getPath('appData') returns).
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'local-elasticity-workbench';
export const DB_FILE_NAME = 'workbench.db';

export function appDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

export function defaultDbPath(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (env.LE_DB) return env.LE_DB;
  const p = platform === 'win32' ? path.win32 : path.posix;
  return p.join(appDataDir(platform, env, home), APP_DIR_NAME, DB_FILE_NAME);
}
