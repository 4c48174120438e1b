// Nuvemshop: the webhook is only `{store_id, event, id}`, so order events become `enrich`
// requests; the fetched order (GET /orders/{id}) and polled abandoned checkouts are turned
// into events by the two pure functions below. Nuvemshop sends no delivery id: dedup keys
// carry the order's `updated_at` so each state change is stored once.
import type { Stage } from '../../../shared/events'
import { toMinorUnits } from '../../../shared/money'
import {
  documentOf,
  events,
  firstOf,
  guarded,
  makeCustomer,
  makeEvent,
  makePayment,
  malformed,
  paymentMethodFrom,
  unsupported,
} from '../event'
import { asArray, asInteger, asObject, asString, type JsonObject, tryParseJson } from '../json'
import { isoToUtc } from '../time'
import type { Headers, NormalizeResult, SourceContext } from '../types'

export function normalizeNuvemshopWebhook(
  raw: Buffer,
  _headers: Headers,
  ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const parsed = tryParseJson(raw)
    if (!parsed.ok) return malformed(parsed.reason)
    const body = asObject(parsed.value)
    const event = asString(body?.event)
    const id = asString(body?.id)
    const storeId = asString(body?.store_id)
    if (event === null || id === null || storeId === null) {
      return malformed('not a Nuvemshop webhook {store_id, event, id}')
    }
    if (ctx.storeId && ctx.storeId !== storeId) {
      return malformed(`delivery is for store ${storeId}, this source is store ${ctx.storeId}`)
    }
    const dedupKey = `${storeId}:${event}:${id}`
    if (!event.startsWith('order/')) return unsupported(event, dedupKey)
    return { kind: 'enrich', eventType: event, resourceId: id, storeId, dedupKey }
  })
}

/** Stage of a fetched order for the event that announced it; null when the app has no use for it. */
export function stageForOrder(event: string, order: JsonObject): Stage | null {
  const payment = asString(order.payment_status)
  switch (event) {
    case 'order/paid':
      return 'purchase_approved'
    case 'order/cancelled':
      return 'purchase_canceled'
    case 'order/voided':
      return 'purchase_declined'
    case 'order/created':
    case 'order/pending':
    case 'order/updated':
      return stageFromState(order, payment, event === 'order/updated')
    default:
      return null
  }
}

function stageFromState(order: JsonObject, payment: string | null, updated: boolean): Stage | null {
  if (payment === 'refunded' || payment === 'partially_refunded') return 'purchase_refunded'
  if (payment === 'voided') return 'purchase_declined'
  if (asString(order.status) === 'cancelled') return 'purchase_canceled'
  // order/paid and order/created already announce these; an update repeating them is noise.
  if (updated) return null
  if (payment === 'paid') return 'purchase_approved'
  if (payment === 'pending' || payment === 'authorized' || payment === 'partially_paid') {
    const method = paymentMethodFrom(asString(asObject(order.payment_details)?.method))
    return method === 'pix'
      ? 'pix_generated'
      : method === 'boleto'
        ? 'boleto_generated'
        : 'payment_pending'
  }
  return null
}

/**
 * A fetched order (`GET /{store_id}/orders/{id}`) for the webhook `event` that announced it.
 * Returns a NormalizeResult (not a bare event) so garbage and uninteresting states are data.
 */
export function normalizeNuvemshopOrder(
  orderJson: Buffer | string,
  event: string,
  ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const parsed = tryParseJson(orderJson)
    if (!parsed.ok) return malformed(parsed.reason)
    const order = asObject(parsed.value)
    const id = asString(order?.id)
    if (!order || id === null) return malformed('not a Nuvemshop order (no id)')
    const storeId = firstOf(asString(order.store_id), ctx.storeId, 'unknown')
    const updatedAt = firstOf(asString(order.updated_at), asString(order.created_at), '')
    const dedupKey = `${storeId}:${event}:${id}:${updatedAt}`
    const stage = stageForOrder(event, order)
    if (!stage) return unsupported(event, dedupKey, `order in state ${stateText(order)}`)
    const occurredAt = orderTime(order, stage)
    if (occurredAt === null) return malformed('Nuvemshop order has no readable dates')
    return events(
      makeEvent({
        ...commonFields(order),
        platform: 'nuvemshop',
        stage,
        eventType: event,
        occurredAt,
        dedupKey,
        orderId: id,
        payment: makePayment({
          method: paymentMethodFrom(asString(asObject(order.payment_details)?.method)),
          gateway: firstOf(asString(order.gateway_name), asString(order.gateway)),
          refusalReason: stage === 'purchase_canceled' ? asString(order.cancel_reason) : null,
        }),
      }),
    )
  })
}

function stateText(order: JsonObject): string {
  return `${asString(order.status) ?? '?'}/${asString(order.payment_status) ?? '?'}`
}

function orderTime(order: JsonObject, stage: Stage): string | null {
  const updated = isoToUtc(order.updated_at)
  const created = isoToUtc(order.created_at)
  if (stage === 'purchase_approved') return firstOf(isoToUtc(order.paid_at), updated, created)
  if (stage === 'purchase_canceled') return firstOf(isoToUtc(order.cancelled_at), updated, created)
  if (stage === 'purchase_refunded' || stage === 'purchase_declined')
    return firstOf(updated, created)
  return firstOf(created, updated)
}

/** A polled abandoned checkout (`GET /{store_id}/checkouts`) as `cart_abandoned`. */
export function normalizeNuvemshopCheckout(
  checkoutJson: Buffer | string,
  ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const parsed = tryParseJson(checkoutJson)
    if (!parsed.ok) return malformed(parsed.reason)
    const checkout = asObject(parsed.value)
    const id = asString(checkout?.id)
    if (!checkout || id === null) return malformed('not a Nuvemshop checkout (no id)')
    const storeId = firstOf(asString(checkout.store_id), ctx.storeId, 'unknown')
    const occurredAt = firstOf(isoToUtc(checkout.updated_at), isoToUtc(checkout.created_at))
    if (occurredAt === null) return malformed('Nuvemshop checkout has no readable dates')
    return events(
      makeEvent({
        ...commonFields(checkout),
        platform: 'nuvemshop',
        stage: 'cart_abandoned',
        eventType: 'checkout/abandoned',
        occurredAt,
        // One card per checkout however often the poll sees it.
        dedupKey: `${storeId}:checkout:${id}`,
        orderId: id,
        checkoutUrl: asString(checkout.abandoned_checkout_url),
        payment: makePayment({
          method: paymentMethodFrom(asString(asObject(checkout.payment_details)?.method)),
          gateway: firstOf(asString(checkout.gateway_name), asString(checkout.gateway)),
        }),
      }),
    )
  })
}

/** Fields orders and checkouts share: buyer, products, totals, journey key. */
function commonFields(resource: JsonObject) {
  const currency = asString(resource.currency) ?? 'BRL'
  const items = asArray(resource.products).flatMap((value) => {
    const product = asObject(value)
    if (!product) return []
    return [
      {
        name: asString(product.name) ?? 'item',
        quantity: asInteger(product.quantity) ?? 1,
        unitPriceMinor: toMinorUnits(product.price, currency),
      },
    ]
  })
  return {
    // The order token is shared with the checkout it came from (unverified); the id otherwise.
    orderKey: firstOf(asString(resource.token), asString(resource.id)),
    customer: customerOf(resource),
    items,
    totalMinor: toMinorUnits(resource.total, currency),
    currency,
    productName: items[0]?.name ?? null,
  }
}

function customerOf(resource: JsonObject) {
  const customer = asObject(resource.customer) ?? {}
  return makeCustomer({
    name: firstOf(
      asString(resource.contact_name),
      asString(customer.name),
      asString(resource.billing_name),
    ),
    email: firstOf(asString(resource.contact_email), asString(customer.email)),
    phoneRaw: firstOf(
      asString(resource.contact_phone),
      asString(customer.phone),
      asString(resource.billing_phone),
      asString(resource.shipping_phone),
    ),
    document: documentOf(
      firstOf(asString(resource.contact_identification), asString(customer.identification)),
    ),
    platformCustomerId: asString(customer.id),
  })
}
