// The delivery log: every request that reached a known source, with its verification result,
// reason and outcome. It is what an owner reads when "the event doesn't appear". Raw bodies
// are kept for a bounded time (see pruneDeliveries); secrets are never written here.
import type { DeliveryView } from '../../shared/api'
import type { Db } from '../db/connection'
import type { DeliveryRow } from '../db/schema'
import { iso } from '../util/time'

export type DeliveryOutcome =
  | 'stored'
  | 'duplicate'
  | 'unsupported'
  | 'enrich_pending'
  | 'refused'
  | 'malformed'
  | 'too_large'
  | 'rate_limited'
  | 'disabled'

export interface DeliveryRecord {
  sourceId: string
  receivedAt: number
  eventType: string | null
  verified: boolean
  reason: string | null
  outcome: DeliveryOutcome
  httpStatus: number
  dedupKey: string | null
  deliveryId: string | null
  /** Only verified bodies are kept: an unverified body may be anyone's garbage. */
  body: Buffer | null
  bodySize: number
}

export function logDelivery(db: Db, d: DeliveryRecord): number {
  // One insert per request on the hot path: a cached prepared statement (see Db.insert).
  const { lastInsertRowid } = db.insert('deliveries', {
    source_id: d.sourceId,
    received_at: d.receivedAt,
    event_type: d.eventType,
    verified: d.verified ? 1 : 0,
    reason: d.reason,
    outcome: d.outcome,
    http_status: d.httpStatus,
    dedup_key: d.dedupKey,
    delivery_id: d.deliveryId,
    body: d.body,
    body_size: d.bodySize,
  })
  return Number(lastInsertRowid)
}

/** The columns a DeliveryView needs (the raw body stays on disk). */
export const DELIVERY_VIEW_COLUMNS = [
  'id',
  'source_id',
  'received_at',
  'event_type',
  'verified',
  'reason',
  'outcome',
  'http_status',
  'dedup_key',
] as const satisfies readonly (keyof DeliveryRow)[]
export type DeliveryViewRow = Pick<DeliveryRow, (typeof DELIVERY_VIEW_COLUMNS)[number]>

export function listDeliveries(db: Db, sourceId: string, limit: number): DeliveryView[] {
  const rows = db.all(
    db.kysely
      .selectFrom('deliveries')
      .select(DELIVERY_VIEW_COLUMNS)
      .where('source_id', '=', sourceId)
      .orderBy('id', 'desc')
      .limit(limit),
  )
  return rows.map(toDeliveryView)
}

export function toDeliveryView(
  row: Pick<
    DeliveryRow,
    | 'id'
    | 'received_at'
    | 'event_type'
    | 'verified'
    | 'reason'
    | 'outcome'
    | 'http_status'
    | 'dedup_key'
  >,
): DeliveryView {
  return {
    id: row.id,
    receivedAt: iso(row.received_at),
    eventType: row.event_type,
    verified: row.verified === 1,
    reason: row.reason,
    outcome: row.outcome,
    httpStatus: row.http_status,
    dedupKey: row.dedup_key,
  }
}

/** Drops raw bodies older than the retention; the log lines themselves stay. */
export function pruneDeliveryBodies(db: Db, olderThan: number): number {
  return db.run(
    db.kysely
      .updateTable('deliveries')
      .set({ body: null })
      .where('received_at', '<', olderThan)
      .where('body', 'is not', null),
  ).changes
}
