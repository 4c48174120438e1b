// From normalized events to rows: one event row per dedup key (the unique constraint does the
// de-duplication), the contact and conversation link, order state, and the conversation's
// inbox summary. Runs inside the group commit's transaction: no I/O, no awaits.
import type { NormalizedEvent } from '../../shared/events'
import { identifyAnonymous, resolveContact } from '../conversations/contacts'
import type { Db } from '../db/connection'
import type { EventRow } from '../db/schema'
import { scheduleAbandonCheck } from './abandonment'
import { applyOrderState, resolveOrderKey } from './order-state'

/** Same order, type and time under another delivery id within this window: two webhooks. */
const DUPLICATE_CONFIG_WINDOW_MS = 10 * 60_000

export interface StoredEvent {
  eventId: number
  conversationId: string
  contactId: string
  stage: string
}

export interface StoreResult {
  stored: StoredEvent[]
  duplicates: number
}

export function storeEvents(
  db: Db,
  sourceId: string,
  events: readonly NormalizedEvent[],
  now: number,
): StoreResult {
  const result: StoreResult = { stored: [], duplicates: 0 }
  for (const event of events) {
    const stored = storeOne(db, sourceId, event, now)
    if (stored) result.stored.push(stored)
    else result.duplicates++
  }
  if (result.stored.length > 0) {
    db.statement('UPDATE sources SET last_event_at = ? WHERE id = ?').run(now, sourceId)
  }
  return result
}

function storeOne(
  db: Db,
  sourceId: string,
  event: NormalizedEvent,
  now: number,
): StoredEvent | null {
  const occurredAt = Date.parse(event.occurredAt) || now
  // A platform retry carries a dedup key already stored: nothing new. Checked first (inside the
  // same transaction, so no race) so that a retry creates no contact either.
  const seen = db
    .statement('SELECT id FROM events WHERE source_id = ? AND dedup_key = ?')
    .get(sourceId, event.dedupKey)
  if (seen) return null
  const orderKey = resolveOrderKey(db, sourceId, event)
  if (event.stage === 'checkout_started' && orderKey) {
    const folded = foldCheckoutUpdate(db, sourceId, orderKey, event, occurredAt, now)
    if (folded !== undefined) return folded
  }
  if (isSecondSubscription(db, sourceId, event, orderKey, occurredAt, now)) return null
  const link = resolveContact(db, event, now)
  const { lastInsertRowid } = db.insert(
    'events',
    toRow(sourceId, event, orderKey, occurredAt, now, link.contactId, link.conversationId),
  )
  const eventId = Number(lastInsertRowid)
  const order = applyOrderState(
    db,
    sourceId,
    orderKey,
    event,
    eventId,
    occurredAt,
    link.contactId,
    now,
  )
  if (!order || order.changed) touchConversation(db, link.conversationId, sourceId, event, now)
  else bumpActivity(db, link.conversationId, now)
  if (event.stage === 'checkout_started' && orderKey)
    scheduleAbandonCheck(db, sourceId, orderKey, now)
  return {
    eventId,
    conversationId: link.conversationId,
    contactId: link.contactId,
    stage: event.stage,
  }
}

/**
 * Shopify sends checkouts/update many times per session: fold each into the checkout's one
 * card (newest data wins) and push its abandonment timer back. Returns undefined when there
 * is no card to fold into, null when the journey already moved past the checkout.
 */
function foldCheckoutUpdate(
  db: Db,
  sourceId: string,
  orderKey: string,
  event: NormalizedEvent,
  occurredAt: number,
  now: number,
): StoredEvent | null | undefined {
  const card = db
    .statement(
      `SELECT id, occurred_at, contact_id, conversation_id FROM events
       WHERE source_id = ? AND order_key = ? AND stage = 'checkout_started'`,
    )
    .get(sourceId, orderKey) as
    | Pick<EventRow, 'id' | 'occurred_at' | 'contact_id' | 'conversation_id'>
    | undefined
  if (!card?.contact_id || !card.conversation_id) return undefined
  const order = db
    .statement('SELECT stage FROM orders WHERE source_id = ? AND order_key = ?')
    .get(sourceId, orderKey) as { stage: string } | undefined
  if (order && order.stage !== 'checkout_started') return null
  if (occurredAt < card.occurred_at) return null
  const link = identifyAnonymous(
    db,
    { contactId: card.contact_id, conversationId: card.conversation_id },
    event,
    now,
  )
  const row = toRow(sourceId, event, orderKey, occurredAt, now, link.contactId, link.conversationId)
  const { dedup_key: _keepFirstKey, received_at: _keepFirstReceipt, ...fresh } = row
  db.update('events', card.id, fresh)
  applyOrderState(db, sourceId, orderKey, event, card.id, occurredAt, link.contactId, now)
  // A card that just found its buyer lands in their conversation as new activity.
  if (link.conversationId !== card.conversation_id) {
    touchConversation(db, link.conversationId, sourceId, event, now)
  } else {
    bumpActivity(db, link.conversationId, now)
  }
  scheduleAbandonCheck(db, sourceId, orderKey, now)
  return {
    eventId: card.id,
    conversationId: link.conversationId,
    contactId: link.contactId,
    stage: event.stage,
  }
}

/**
 * Two webhooks configured for one source deliver the same event under two delivery ids. Keep
 * one card, and flag the source so the owner can remove the extra webhook.
 */
function isSecondSubscription(
  db: Db,
  sourceId: string,
  event: NormalizedEvent,
  orderKey: string | null,
  occurredAt: number,
  now: number,
): boolean {
  if (!event.deliveryId || !orderKey) return false
  const twin = db
    .statement(
      `SELECT id, delivery_id FROM events
       WHERE source_id = ? AND order_key = ? AND event_type = ? AND occurred_at = ?
         AND dedup_key != ? AND received_at >= ?
       LIMIT 1`,
    )
    .get(
      sourceId,
      orderKey,
      event.eventType,
      occurredAt,
      event.dedupKey,
      now - DUPLICATE_CONFIG_WINDOW_MS,
    ) as Pick<EventRow, 'id' | 'delivery_id'> | undefined
  if (!twin) return false
  db.update('sources', sourceId, {
    duplicate_config_at: now,
    duplicate_config_detail: `${event.eventType} for ${orderKey} arrived under two delivery ids (${twin.delivery_id}, ${event.deliveryId}): two webhooks point at this source`,
  })
  return true
}

function touchConversation(
  db: Db,
  conversationId: string,
  sourceId: string,
  event: NormalizedEvent,
  now: number,
): void {
  // Hand-written SQL (cached statement): this runs once per stored event.
  // New commerce activity reopens a resolved conversation: there is something to do.
  db.statement(
    `UPDATE conversations SET last_activity_at = ?, last_stage = ?, last_total_minor = ?,
       last_currency = ?, last_platform = ?, last_source_id = ?, unread = unread + 1,
       status = 'open'
     WHERE id = ?`,
  ).run(
    now,
    event.stage,
    event.totalMinor,
    event.currency,
    event.platform,
    sourceId,
    conversationId,
  )
}

function bumpActivity(db: Db, conversationId: string, now: number): void {
  db.statement(
    'UPDATE conversations SET last_activity_at = ?, unread = unread + 1 WHERE id = ?',
  ).run(now, conversationId)
}

function toRow(
  sourceId: string,
  e: NormalizedEvent,
  orderKey: string | null,
  occurredAt: number,
  now: number,
  contactId: string,
  conversationId: string,
) {
  const ms = (value: string | null) => (value ? Date.parse(value) || null : null)
  return {
    source_id: sourceId,
    platform: e.platform,
    stage: e.stage,
    event_type: e.eventType,
    occurred_at: occurredAt,
    received_at: now,
    dedup_key: e.dedupKey,
    delivery_id: e.deliveryId,
    order_id: e.orderId,
    order_key: orderKey,
    contact_id: contactId,
    conversation_id: conversationId,
    customer_name: e.customer.name,
    customer_email: e.customer.email,
    customer_phone: e.customer.phone,
    customer_phone_raw: e.customer.phoneRaw,
    customer_document: e.customer.document,
    platform_customer_id: e.customer.platformCustomerId,
    items_json: JSON.stringify(e.items),
    total_minor: e.totalMinor,
    currency: e.currency,
    payment_method: e.payment.method,
    payment_gateway: e.payment.gateway,
    pix_code: e.payment.pixCode,
    pix_expires_at: ms(e.payment.pixExpiresAt),
    boleto_line: e.payment.boletoLine,
    boleto_url: e.payment.boletoUrl,
    boleto_expires_at: ms(e.payment.boletoExpiresAt),
    refusal_reason: e.payment.refusalReason,
    checkout_url: e.checkoutUrl,
    product_name: e.productName,
    test: e.test ? (1 as const) : (0 as const),
  }
}
