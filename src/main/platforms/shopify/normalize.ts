// Shopify topics to NormalizedEvent. The body is the bare REST resource; the topic, delivery
// id and trigger time come in headers. Times come from the resource itself (deliveries can be
// a day late), with `X-Shopify-Triggered-At` as the fallback. Journeys group on the checkout
// token: checkouts carry it as `token`, orders as `checkout_token`.
import type { NormalizedEvent, Stage } from '../../../shared/events'
import { toMinorUnits } from '../../../shared/money'
import { headerValue } from '../crypto'
import { events, firstOf, guarded, makeEvent, makePayment, malformed, unsupported } from '../event'
import { asArray, asObject, asString, type JsonObject, tryParseJson } from '../json'
import { isoToUtc } from '../time'
import type { Headers, NormalizeResult, SourceContext } from '../types'
import { customerOf, gatewayOf, lineItemsOf, moneyOf } from './parts'

interface Delivery {
  topic: string
  body: JsonObject
  id: string | null
  webhookId: string | null
  triggeredAt: string | null
}

export function normalizeShopify(
  raw: Buffer,
  headers: Headers,
  _ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const topic = headerValue(headers, 'x-shopify-topic', 'shopify-topic')
    if (topic === null) return malformed('missing X-Shopify-Topic header')
    const parsed = tryParseJson(raw)
    if (!parsed.ok) return malformed(parsed.reason)
    const body = asObject(parsed.value)
    if (!body) return malformed('body is not a JSON object')
    const delivery: Delivery = {
      topic: topic.toLowerCase(),
      body,
      id: asString(body.id),
      webhookId: headerValue(headers, 'x-shopify-webhook-id', 'shopify-webhook-id'),
      triggeredAt: isoToUtc(headerValue(headers, 'x-shopify-triggered-at', 'shopify-triggered-at')),
    }
    return route(delivery)
  })
}

function route(d: Delivery): NormalizeResult {
  switch (d.topic) {
    case 'checkouts/create':
    case 'checkouts/update':
      return checkout(d)
    case 'orders/create':
    case 'orders/updated':
      return order(d, stageFromOrderState(d.body))
    case 'orders/paid':
      return order(d, 'purchase_approved')
    case 'orders/cancelled':
      return order(d, 'purchase_canceled')
    case 'refunds/create':
      return refund(d)
    case 'order_transactions/create':
      return transaction(d)
    case 'disputes/create':
    case 'disputes/update':
      return dispute(d)
    default:
      return unsupported(d.topic, dedupKeyOf(d))
  }
}

/** Webhook id is stable across retries; without it, the resource's own identity and version. */
function dedupKeyOf(d: Delivery): string {
  if (d.webhookId) return d.webhookId
  const b = d.body
  const version = firstOf(
    asString(b.updated_at),
    asString(b.created_at),
    asString(b.processed_at),
    asString(b.initiated_at),
    '',
  )
  return `${d.topic}:${d.id ?? ''}:${version}`
}

/** What an order's state means when the topic alone does not say (create/updated). */
export function stageFromOrderState(order: JsonObject): Stage {
  const financial = asString(order.financial_status)
  if (financial === 'refunded' || financial === 'partially_refunded') return 'purchase_refunded'
  if (asString(order.cancelled_at)) return 'purchase_canceled'
  if (financial === 'voided') return 'purchase_declined'
  if (financial === 'paid') return 'purchase_approved'
  return 'payment_pending'
}

function base(d: Delivery, stage: Stage, occurredAt: string | null) {
  const at = firstOf(occurredAt, d.triggeredAt)
  if (at === null) return null
  return {
    platform: 'shopify' as const,
    stage,
    eventType: d.topic,
    occurredAt: at,
    dedupKey: dedupKeyOf(d),
    deliveryId: d.webhookId,
    test: d.body.test === true,
  }
}

const noTime = malformed('no timestamp in the body and no X-Shopify-Triggered-At header')

function checkout(d: Delivery): NormalizeResult {
  const b = d.body
  if (asString(b.completed_at)) {
    return unsupported(d.topic, dedupKeyOf(d), 'checkout completed: its order event carries it')
  }
  const head = base(d, 'checkout_started', firstOf(isoToUtc(b.updated_at), isoToUtc(b.created_at)))
  if (!head) return noTime
  const total = moneyOf(b, 'total_price')
  return events(
    makeEvent({
      ...head,
      orderId: d.id,
      orderKey: firstOf(asString(b.token), asString(b.cart_token), d.id),
      customer: customerOf(b),
      items: lineItemsOf(b, total?.currency ?? null),
      totalMinor: total?.minor ?? null,
      currency: total?.currency ?? null,
      productName: firstItemName(b),
      checkoutUrl: asString(b.abandoned_checkout_url),
      payment: makePayment({ gateway: asString(b.gateway) }),
    }),
  )
}

function orderTime(d: Delivery, stage: Stage): string | null {
  const b = d.body
  const updated = isoToUtc(b.updated_at)
  const created = firstOf(isoToUtc(b.created_at), isoToUtc(b.processed_at))
  if (d.topic === 'orders/create') return firstOf(created, updated)
  if (stage === 'purchase_canceled') return firstOf(isoToUtc(b.cancelled_at), updated, created)
  return firstOf(updated, created)
}

function order(d: Delivery, stage: Stage): NormalizeResult {
  const b = d.body
  const head = base(d, stage, orderTime(d, stage))
  if (!head) return noTime
  const total = moneyOf(b, 'total_price')
  const { gateway, method } = gatewayOf(b)
  return events(
    makeEvent({
      ...head,
      orderId: d.id,
      orderKey: firstOf(asString(b.checkout_token), d.id ? `order:${d.id}` : null),
      customer: customerOf(b),
      items: lineItemsOf(b, total?.currency ?? null),
      totalMinor: total?.minor ?? null,
      currency: total?.currency ?? null,
      productName: firstItemName(b),
      payment: makePayment({
        method,
        gateway,
        refusalReason: stage === 'purchase_canceled' ? asString(b.cancel_reason) : null,
      }),
    }),
  )
}

function firstItemName(resource: JsonObject): string | null {
  const item = asObject(asArray(resource.line_items)[0])
  return item ? firstOf(asString(item.title), asString(item.name)) : null
}

/** Refund, transaction and dispute bodies know only the order id: orderKey stays null. */
function orderChild(
  d: Delivery,
  stage: Stage,
  occurredAt: string | null,
  rest: Partial<NormalizedEvent>,
) {
  const head = base(d, stage, occurredAt)
  if (!head) return noTime
  return events(makeEvent({ ...head, orderId: asString(d.body.order_id), ...rest }))
}

function refund(d: Delivery): NormalizeResult {
  const b = d.body
  let minor = 0
  let currency: string | null = null
  for (const value of asArray(b.transactions)) {
    const t = asObject(value)
    const code = asString(t?.currency)
    if (!t || !code || (asString(t.status) ?? 'success') !== 'success') continue
    if ((asString(t.kind) ?? 'refund') !== 'refund') continue
    currency ??= code
    minor += toMinorUnits(t.amount, code) ?? 0
  }
  const refunded = asArray(b.refund_line_items).map((v) => asObject(asObject(v)?.line_item) ?? {})
  const items = lineItemsOf({ line_items: refunded }, currency)
  return orderChild(
    d,
    'purchase_refunded',
    firstOf(isoToUtc(b.processed_at), isoToUtc(b.created_at)),
    {
      totalMinor: currency ? minor : null,
      currency,
      items,
      productName: items[0]?.name ?? null,
      payment: makePayment({ refusalReason: asString(b.note) }),
    },
  )
}

function transaction(d: Delivery): NormalizeResult {
  const b = d.body
  const status = asString(b.status)
  if (status !== 'failure' && status !== 'error') {
    return unsupported(d.topic, dedupKeyOf(d), `transaction status ${status ?? 'unknown'}`)
  }
  const currency = asString(b.currency)
  return orderChild(
    d,
    'purchase_declined',
    firstOf(isoToUtc(b.processed_at), isoToUtc(b.created_at)),
    {
      totalMinor: currency ? toMinorUnits(b.amount, currency) : null,
      currency,
      payment: makePayment({
        gateway: asString(b.gateway),
        refusalReason: firstOf(asString(b.message), asString(b.error_code)),
      }),
    },
  )
}

function dispute(d: Delivery): NormalizeResult {
  const b = d.body
  const currency = asString(b.currency)
  const kind = asString(b.type) ?? 'chargeback'
  const reason = asString(b.reason)
  return orderChild(d, 'chargeback', firstOf(isoToUtc(b.initiated_at), isoToUtc(b.updated_at)), {
    totalMinor: currency ? toMinorUnits(b.amount, currency) : null,
    currency,
    payment: makePayment({ refusalReason: reason ? `${kind}: ${reason}` : kind }),
  })
}
