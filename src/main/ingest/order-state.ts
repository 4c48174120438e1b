// The latest known state per platform order or checkout, applied by event time: platforms do
// not deliver in order, so a late `pix_generated` must never override a `purchase_approved`
// that happened earlier.
import type { NormalizedEvent } from '../../shared/events'
import type { Db } from '../db/connection'

export interface OrderStateChange {
  orderKey: string
  changed: boolean
  previousStage: string | null
}

/**
 * The journey key of an event. Some events name only the order id (Shopify refunds, disputes,
 * transactions) while the order itself is keyed by its checkout token: find that order first.
 */
export function resolveOrderKey(db: Db, sourceId: string, event: NormalizedEvent): string | null {
  if (event.orderKey) return event.orderKey
  if (!event.orderId) return null
  const known = db
    .statement('SELECT order_key FROM orders WHERE source_id = ? AND order_id = ? LIMIT 1')
    .get(sourceId, event.orderId) as { order_key: string } | undefined
  return known?.order_key ?? event.orderId
}

// Runs for every stored event: hand-written, cached statements (no query building per call).
// Facts that only fill gaps may come from any event; the stage only from a newer one.
const FILL_GAPS = `order_id = coalesce(order_id, @orderId),
  total_minor = coalesce(@totalMinor, total_minor), currency = coalesce(@currency, currency),
  checkout_url = coalesce(checkout_url, @checkoutUrl), contact_id = coalesce(contact_id, @contactId),
  updated_at = @now`
const UPDATE_OLDER = `UPDATE orders SET ${FILL_GAPS} WHERE id = @id`
const UPDATE_NEWER = `UPDATE orders SET ${FILL_GAPS},
  stage = @stage, stage_at = @eventTime, last_event_id = @eventId WHERE id = @id`

export function applyOrderState(
  db: Db,
  sourceId: string,
  orderKey: string | null,
  event: NormalizedEvent,
  eventId: number,
  eventTime: number,
  contactId: string | null,
  now: number,
): OrderStateChange | null {
  if (!orderKey) return null
  const existing = db
    .statement('SELECT id, stage, stage_at FROM orders WHERE source_id = ? AND order_key = ?')
    .get(sourceId, orderKey) as { id: number; stage: string; stage_at: number } | undefined
  if (!existing) {
    db.insert('orders', {
      source_id: sourceId,
      order_key: orderKey,
      order_id: event.orderId,
      stage: event.stage,
      stage_at: eventTime,
      last_event_id: eventId,
      total_minor: event.totalMinor,
      currency: event.currency,
      contact_id: contactId,
      checkout_url: event.checkoutUrl,
      updated_at: now,
    })
    return { orderKey, changed: true, previousStage: null }
  }
  const newer = eventTime >= existing.stage_at
  const facts = {
    id: existing.id,
    orderId: event.orderId,
    totalMinor: event.totalMinor,
    currency: event.currency,
    checkoutUrl: event.checkoutUrl,
    contactId,
    now,
  }
  if (newer) {
    db.statement(UPDATE_NEWER).run({ ...facts, stage: event.stage, eventTime, eventId })
  } else {
    db.statement(UPDATE_OLDER).run(facts)
  }
  return { orderKey, changed: newer, previousStage: existing.stage }
}
