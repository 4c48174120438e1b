// Where data lives. The desktop app and `recupera serve` share one per-user folder (Electron's
// userData for an app named "Recupera"), so both see the same database.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Recupera'

/** Electron's `app.getPath('userData')` for this app, computed without Electron. */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RECUPERA_DATA_DIR || join(userDataDir(env), 'data')
}
