// Source health: what an owner needs when "the events don't show up": is the tunnel up, when
// did the last event arrive, what reached us in the last 24 h and what was refused and why,
// are two webhooks configured, and is the platform registration (as last checked) in place.
import type { AppInfo, HealthWarning, SourceHealth } from '../../shared/api'
import type { Db } from '../db/connection'
import type { Sources } from '../sources/sources'
import { type Clock, iso, isoOrNull } from '../util/time'
import { canRegister } from './drivers'
import { isLocalUrl, toView } from './registration'

const DAY_MS = 24 * 3_600_000
/** Quiet this long (and older than this) before "no events for N hours" shows. */
export const SILENCE_WARNING_MS = DAY_MS
const REFUSED = ['refused', 'malformed', 'too_large', 'rate_limited', 'disabled']

export function sourceHealth(
  db: Db,
  sources: Sources,
  sourceId: string,
  info: AppInfo,
  webhookBase: string,
  clock: Clock,
): SourceHealth {
  const row = sources.row(sourceId)
  const source = sources.get(sourceId)
  const view = sources.view(row, webhookBase)
  const now = clock()
  const since = now - DAY_MS
  const recent = db.all(
    db.kysely
      .selectFrom('deliveries')
      .select(['received_at', 'outcome', 'http_status', 'reason'])
      .where('source_id', '=', sourceId)
      .where('received_at', '>=', since)
      .orderBy('id', 'desc'),
  )
  const refused = recent.filter((d) => REFUSED.includes(d.outcome))
  const last = db.first(
    db.kysely
      .selectFrom('deliveries')
      .select('received_at')
      .where('source_id', '=', sourceId)
      .orderBy('id', 'desc')
      .limit(1),
  )
  const registration = toView(row, canRegister(source))
  const health: SourceHealth = {
    sourceId,
    tunnel: info.tunnel,
    webhookUrl: view.webhookUrl,
    lastEventAt: view.lastEventAt,
    lastDeliveryAt: isoOrNull(last?.received_at),
    deliveries24h: {
      total: recent.length,
      stored: recent.filter((d) => d.outcome === 'stored' || d.outcome === 'enrich_pending').length,
      duplicate: recent.filter((d) => d.outcome === 'duplicate').length,
      refused: refused.length,
    },
    refusals: refused.slice(0, 10).map((d) => ({
      at: iso(d.received_at),
      outcome: d.outcome,
      httpStatus: d.http_status,
      reason: d.reason,
    })),
    duplicateConfig: view.duplicateConfig,
    registration,
    warnings: [],
  }
  health.warnings = warningsOf(health, {
    enabled: view.enabled,
    rotating: view.rotating,
    quietSince: row.last_event_at ?? row.created_at,
    now,
    automatic: registration.mode === 'automatic',
    platform: source.platform,
  })
  return health
}

function warningsOf(
  h: SourceHealth,
  s: {
    enabled: boolean
    rotating: boolean
    quietSince: number
    now: number
    automatic: boolean
    platform: string
  },
): HealthWarning[] {
  const warnings: HealthWarning[] = []
  if (!s.enabled) warnings.push({ code: 'disabled' })
  if (h.tunnel.state === 'down' || h.tunnel.state === 'connecting')
    warnings.push({ code: 'tunnel_down', detail: h.tunnel.lastError ?? undefined })
  if (isLocalUrl(h.webhookUrl)) warnings.push({ code: 'local_url' })
  const quietMs = s.now - s.quietSince
  if (s.enabled && quietMs >= SILENCE_WARNING_MS)
    warnings.push({ code: 'no_events', hours: Math.floor(quietMs / 3_600_000) })
  if (h.deliveries24h.refused > 0)
    warnings.push({
      code: 'refusals',
      count: h.deliveries24h.refused,
      detail: h.refusals[0]?.reason ?? undefined,
    })
  if (h.duplicateConfig)
    warnings.push({ code: 'duplicate_config', detail: h.duplicateConfig.detail })
  const status = h.registration.status ?? ''
  if (status.startsWith('failed') || status.startsWith('incomplete'))
    warnings.push({ code: 'registration_failed', detail: status.replace(/^\w+: /, '') })
  if (status === 'needs_manual_update') warnings.push({ code: 'needs_manual_update' })
  if (s.rotating) warnings.push({ code: 'rotating' })
  // Nuvemshop webhooks carry only an order number: without an API token no card can be made.
  if (s.platform === 'nuvemshop' && !s.automatic) warnings.push({ code: 'no_credentials' })
  return warnings
}
