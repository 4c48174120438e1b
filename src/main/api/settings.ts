// User settings, kept in the database (one store for the desktop app and `serve`).
import type { Settings } from '../../shared/api'
import type { Db } from '../db/connection'

export const defaultSettings: Settings = { locale: 'pt-BR', abandonDelayMinutes: 60, agentName: '' }

/**
 * Read on the ingest path (abandonment delay): cached briefly per database, and dropped when this
 * process saves, so a change shows at once here and within seconds in another process.
 */
const cache = new WeakMap<Db, { settings: Settings; at: number }>()
const CACHE_MS = 2000

export function loadSettings(db: Db): Settings {
  const cached = cache.get(db)
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.settings
  const settings = readSettings(db)
  cache.set(db, { settings, at: Date.now() })
  return settings
}

function readSettings(db: Db): Settings {
  const rows = db.all(db.kysely.selectFrom('settings').selectAll().where('key', 'like', 'ui.%'))
  const stored = Object.fromEntries(
    rows.map((r) => [r.key.slice(3), JSON.parse(r.value) as unknown]),
  )
  return { ...defaultSettings, ...(stored as Partial<Settings>) }
}

export function saveSettings(db: Db, patch: Partial<Settings>): Settings {
  cache.delete(db)
  db.tx(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue
      db.run(
        db.kysely
          .insertInto('settings')
          .values({ key: `ui.${key}`, value: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) })),
      )
    }
  })
  return loadSettings(db)
}

/** Internal key/value state (tunnel subdomain, …), not shown as settings. */
export function getState(db: Db, key: string): string | null {
  return (
    db.first(db.kysely.selectFrom('settings').select('value').where('key', '=', `state.${key}`))
      ?.value ?? null
  )
}

export function setState(db: Db, key: string, value: string): void {
  db.run(
    db.kysely
      .insertInto('settings')
      .values({ key: `state.${key}`, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })),
  )
}
