// Shopify has no "cart abandoned" webhook: a checkout becomes `cart_abandoned` when no order
// with the same checkout token arrives within a configurable delay. Each checkout schedules a
// durable job (pushed later on every update, as Shopify's own timer is); when it fires and the
// journey is still at `checkout_started`, a derived `cart_abandoned` event is stored.
import type { NormalizedEvent, PaymentMethod, Platform } from '../../shared/events'
import { loadSettings } from '../api/settings'
import type { Db } from '../db/connection'
import type { EventRow } from '../db/schema'
import { enqueueJob } from '../jobs/jobs'
import { iso, isoOrNull } from '../util/time'

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
    ...rowToNormalized(row),
    stage: 'cart_abandoned',
    eventType: 'checkout_abandoned',
    occurredAt: iso(now),
    dedupKey: `abandoned:${payload.orderKey}`,
    deliveryId: null,
  }
}

function rowToNormalized(row: EventRow): NormalizedEvent {
  return {
    platform: row.platform as Platform,
    stage: 'checkout_started',
    eventType: row.event_type,
    occurredAt: iso(row.occurred_at),
    dedupKey: row.dedup_key,
    deliveryId: row.delivery_id,
    orderId: row.order_id,
    orderKey: row.order_key,
    customer: {
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
      phoneRaw: row.customer_phone_raw,
      document: row.customer_document,
      platformCustomerId: row.platform_customer_id,
    },
    items: JSON.parse(row.items_json),
    totalMinor: row.total_minor,
    currency: row.currency,
    payment: {
      method: row.payment_method as PaymentMethod | null,
      gateway: row.payment_gateway,
      pixCode: row.pix_code,
      pixExpiresAt: isoOrNull(row.pix_expires_at),
      boletoLine: row.boleto_line,
      boletoUrl: row.boleto_url,
      boletoExpiresAt: isoOrNull(row.boleto_expires_at),
      refusalReason: row.refusal_reason,
    },
    checkoutUrl: row.checkout_url,
    productName: row.product_name,
    test: row.test === 1,
  }
}
