// The running app's tunnel status, persisted for other processes (`recupera tunnel status`):
// written on every change and on a heartbeat, so a reader can tell a live serve from one that
// died without saying goodbye.
import type { TunnelStatus } from '../../shared/api'
import { getState, setState } from '../api/settings'
import type { Db } from '../db/connection'

const STATUS_KEY = 'tunnel.status'
const URL_KEY = 'tunnel.publicUrl'

export interface PersistedTunnelStatus {
  status: TunnelStatus
  pid: number
  startedAt: string
  /** Last write by the running app. */
  heartbeatAt: string
  heartbeatMs: number
  /** Set when the app stopped cleanly. */
  stoppedAt: string | null
}

export function writeTunnelStatus(db: Db, record: PersistedTunnelStatus): void {
  setState(db, STATUS_KEY, JSON.stringify(record))
}

export function readTunnelStatus(db: Db): PersistedTunnelStatus | null {
  const raw = getState(db, STATUS_KEY)
  if (!raw) return null
  try {
    return JSON.parse(raw) as PersistedTunnelStatus
  } catch {
    return null
  }
}

/** Running = not stopped cleanly and a heartbeat within three beats (at least 15 s). */
export function isLive(record: PersistedTunnelStatus, now = Date.now()): boolean {
  if (record.stoppedAt) return false
  const age = now - Date.parse(record.heartbeatAt)
  return age <= Math.max(15_000, record.heartbeatMs * 3)
}

/** The last public URL that was verified up (survives restarts: URL changes compare to it). */
export const readLastPublicUrl = (db: Db): string | null => getState(db, URL_KEY)
export const writeLastPublicUrl = (db: Db, url: string): void => setState(db, URL_KEY, url)
