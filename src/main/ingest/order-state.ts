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
  const known = db.first(
    db.kysely
      .selectFrom('orders')
      .select('order_key')
      .where('source_id', '=', sourceId)
      .where('order_id', '=', event.orderId)
      .limit(1),
  )
  return known?.order_key ?? event.orderId
}

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
  const existing = db.first(
    db.kysely
      .selectFrom('orders')
      .select(['id', 'stage', 'stage_at'])
      .where('source_id', '=', sourceId)
      .where('order_key', '=', orderKey),
  )
  if (!existing) {
    db.run(
      db.kysely.insertInto('orders').values({
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
      }),
    )
    return { orderKey, changed: true, previousStage: null }
  }
  const newer = eventTime >= existing.stage_at
  db.run(
    db.kysely
      .updateTable('orders')
      .set((eb) => ({
        // Facts that only fill gaps may come from any event; the stage only from a newer one.
        order_id: eb.fn.coalesce('order_id', eb.val(event.orderId)),
        total_minor: eb.fn.coalesce(eb.val(event.totalMinor), 'total_minor'),
        currency: eb.fn.coalesce(eb.val(event.currency), 'currency'),
        checkout_url: eb.fn.coalesce('checkout_url', eb.val(event.checkoutUrl)),
        contact_id: eb.fn.coalesce('contact_id', eb.val(contactId)),
        ...(newer ? { stage: event.stage, stage_at: eventTime, last_event_id: eventId } : {}),
        updated_at: now,
      }))
      .where('id', '=', existing.id),
  )
  return { orderKey, changed: newer, previousStage: existing.stage }
}
