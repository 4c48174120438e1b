// Shopify has no "cart abandoned" webhook: a checkout becomes `cart_abandoned` when no order
// with the same checkout token arrives within a configurable delay. Each checkout schedules a
// durable job (pushed later on every update, as Shopify's own timer is); when it fires and the
// journey is still at `checkout_started`, a derived `cart_abandoned` event is stored.
import type { NormalizedEvent } from '../../shared/events'
import { loadSettings } from '../api/settings'
import { toNormalizedEvent } from '../conversations/views'
import type { Db } from '../db/connection'
import { enqueueJob } from '../jobs/jobs'
import { iso } from '../util/time'

export const ABANDON_JOB = 'checkout.abandon'

export interface AbandonPayload {
  sourceId: string
  orderKey: string
}

export function scheduleAbandonCheck(
  db: Db,
  sourceId: string,
  orderKey: string,
  now: number,
): void {
  const delayMs = loadSettings(db).abandonDelayMinutes * 60_000
  enqueueJob(db, {
    kind: ABANDON_JOB,
    uniqueKey: `abandon:${sourceId}:${orderKey}`,
    runAt: now + delayMs,
    payload: { sourceId, orderKey } satisfies AbandonPayload,
    now,
    replace: true,
  })
}

/** The derived event, or null when the checkout moved on (an order arrived) or is gone. */
export function abandonedEventFor(
  db: Db,
  payload: AbandonPayload,
  now: number,
): NormalizedEvent | null {
  const order = db.first(
    db.kysely
      .selectFrom('orders')
      .select(['stage', 'last_event_id'])
      .where('source_id', '=', payload.sourceId)
      .where('order_key', '=', payload.orderKey),
  )
  if (order?.stage !== 'checkout_started') return null
  const row = db.first(
    db.kysely.selectFrom('events').selectAll().where('id', '=', order.last_event_id),
  )
  if (!row) return null
  return {
    ...toNormalizedEvent(row),
    stage: 'cart_abandoned',
    eventType: 'checkout_abandoned',
    occurredAt: iso(now),
    dedupKey: `abandoned:${payload.orderKey}`,
    deliveryId: null,
  }
}
