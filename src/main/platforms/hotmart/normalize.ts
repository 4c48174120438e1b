// Hotmart v2 envelope `{id, creation_date, event, version, data}` to NormalizedEvent. Money is
// a decimal number in currency units, dates epoch ms, phones usually without country code.
// The envelope id is stable across retries, so it is the dedup key. The payload has no
// checkout link: the source's configured checkout URL is used.
import type { Stage } from '../../../shared/events'
import { toMinorUnits } from '../../../shared/money'
import {
  boletoDueFromLine,
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
  validBoletoLine,
  validPixCode,
} from '../event'
import { asInteger, asObject, asString, type JsonObject, pick, tryParseJson } from '../json'
import { epochMsToUtc } from '../time'
import type { Headers, NormalizeResult, SourceContext } from '../types'

const STAGES: Readonly<Record<string, Stage>> = {
  PURCHASE_OUT_OF_SHOPPING_CART: 'cart_abandoned',
  PURCHASE_BILLET_PRINTED: 'boleto_generated',
  PURCHASE_APPROVED: 'purchase_approved',
  PURCHASE_CANCELED: 'purchase_declined',
  PURCHASE_CANCELLED: 'purchase_declined',
  PURCHASE_REFUNDED: 'purchase_refunded',
  PURCHASE_PROTEST: 'refund_requested',
  PURCHASE_CHARGEBACK: 'chargeback',
  PURCHASE_EXPIRED: 'payment_expired',
  PURCHASE_DELAYED: 'subscription_late',
  SUBSCRIPTION_CANCELLATION: 'subscription_canceled',
}

const WHY_UNSUPPORTED: Readonly<Record<string, string>> = {
  PURCHASE_COMPLETE: 'the guarantee period ended; not a new payment',
}

/** Fake data Hotmart's panel puts in its test events. */
const TEST_TRANSACTION = 'HP16015479281022'
const TEST_PHONE = '99999999900'

export function normalizeHotmart(
  raw: Buffer,
  _headers: Headers,
  ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const parsed = tryParseJson(raw)
    if (!parsed.ok) return legacyOrMalformed(raw, parsed.reason)
    const body = asObject(parsed.value)
    const event = asString(body?.event)
    const id = asString(body?.id)
    const data = asObject(body?.data)
    if (!body || event === null || id === null || data === null) {
      return malformed('not a Hotmart v2 envelope {id, event, data}')
    }
    const stage = stageOf(event, data)
    if (!stage) return unsupported(event, id, WHY_UNSUPPORTED[event])
    const occurredAt = occurredAtOf(body, data, stage)
    if (occurredAt === null) return malformed('Hotmart envelope has no readable creation_date')
    return events(buildEvent({ body, data, event, id, stage, occurredAt, ctx }))
  })
}

function stageOf(event: string, data: JsonObject): Stage | null {
  const stage = STAGES[event.toUpperCase()]
  if (stage === 'boleto_generated') {
    return asString(pick(data, 'purchase', 'payment', 'type'))?.toUpperCase() === 'PIX'
      ? 'pix_generated'
      : 'boleto_generated'
  }
  if (stage === 'purchase_approved') {
    return (asInteger(pick(data, 'purchase', 'recurrence_number')) ?? 0) > 1
      ? 'subscription_renewed'
      : 'purchase_approved'
  }
  return stage ?? null
}

function occurredAtOf(body: JsonObject, data: JsonObject, stage: Stage): string | null {
  const purchase = asObject(data.purchase) ?? {}
  const own =
    stage === 'purchase_approved' || stage === 'subscription_renewed'
      ? epochMsToUtc(purchase.approved_date)
      : stage === 'subscription_canceled'
        ? epochMsToUtc(data.cancellation_date)
        : null
  return firstOf(own, epochMsToUtc(body.creation_date))
}

interface Parts {
  body: JsonObject
  data: JsonObject
  event: string
  id: string
  stage: Stage
  occurredAt: string
  ctx: SourceContext
}

function buildEvent({ data, event, id, stage, occurredAt, ctx }: Parts) {
  const purchase = asObject(data.purchase) ?? {}
  const payment = asObject(purchase.payment) ?? {}
  const price = asObject(purchase.price) ?? asObject(purchase.full_price) ?? {}
  const currency = asString(price.currency_value)
  const totalMinor = currency ? toMinorUnits(price.value, currency) : null
  const productName = asString(pick(data, 'product', 'name'))
  const transaction = asString(purchase.transaction)
  const boletoLine = validBoletoLine(asString(payment.billet_barcode))
  return makeEvent({
    platform: 'hotmart',
    stage,
    eventType: event,
    occurredAt,
    dedupKey: id,
    deliveryId: id,
    orderId: transaction,
    orderKey: orderKeyOf(data, transaction),
    customer: customerOf(data),
    items: productName ? [{ name: productName, quantity: 1, unitPriceMinor: totalMinor }] : [],
    totalMinor,
    currency,
    productName,
    checkoutUrl: ctx.checkoutUrl,
    test: isTestEvent(data, transaction),
    payment: makePayment({
      method: paymentMethodFrom(asString(payment.type)),
      pixCode: validPixCode(asString(payment.pix_code)),
      pixExpiresAt: epochMsToUtc(payment.pix_expiration_date),
      boletoLine,
      boletoUrl: asString(payment.billet_url),
      boletoExpiresAt: boletoDueFromLine(boletoLine, occurredAt),
      refusalReason: asString(payment.refusal_reason),
    }),
  })
}

/**
 * Purchases group on the transaction. Carts carry no id: product + buyer email is the closest
 * stable key. Subscription events group on the subscriber code.
 */
function orderKeyOf(data: JsonObject, transaction: string | null): string | null {
  if (transaction) return transaction
  const subscriber = asString(pick(data, 'subscriber', 'code'))
  if (subscriber) return `subscription:${subscriber}`
  const email = asString(pick(data, 'buyer', 'email'))?.toLowerCase()
  const product = asString(pick(data, 'product', 'id'))
  return email ? `cart:${product ?? 'unknown'}:${email}` : null
}

function customerOf(data: JsonObject) {
  const buyer = asObject(data.buyer)
  if (buyer) {
    return makeCustomer({
      name: firstOf(asString(buyer.name), joinName(buyer)),
      email: asString(buyer.email),
      phoneRaw: firstOf(asString(buyer.checkout_phone), asString(buyer.phone)),
      phoneOptions: { ddd: dddFromCode(asString(buyer.checkout_phone_code)) },
      document: documentOf(asString(buyer.document)),
    })
  }
  const subscriber = asObject(data.subscriber) ?? {}
  const phone = asObject(subscriber.phone) ?? {}
  const cell = asString(phone.cell)
  return makeCustomer({
    name: asString(subscriber.name),
    email: asString(subscriber.email),
    phoneRaw: firstOf(cell, asString(phone.phone)),
    phoneOptions: { ddd: cell ? asString(phone.dddCell) : asString(phone.dddPhone) },
  })
}

function joinName(buyer: JsonObject): string | null {
  const parts = [asString(buyer.first_name), asString(buyer.last_name)].filter(Boolean)
  return parts.length > 0 ? parts.join(' ') : null
}

/** `checkout_phone_code` is used as a DDD only when it looks like one. */
function dddFromCode(code: string | null): string | null {
  const digits = code?.replace(/\D/g, '') ?? ''
  return digits.length === 2 ? digits : null
}

function isTestEvent(data: JsonObject, transaction: string | null): boolean {
  const productId = pick(data, 'product', 'id')
  return (
    productId === 0 ||
    productId === '0' ||
    transaction === TEST_TRANSACTION ||
    asString(pick(data, 'buyer', 'checkout_phone')) === TEST_PHONE
  )
}

/** A form-encoded v1 postback is recognised and reported, not parsed (format unverified). */
function legacyOrMalformed(raw: Buffer, reason: string): NormalizeResult {
  const form = new URLSearchParams(raw.toString('utf8'))
  const transaction = form.get('transaction')
  if (form.has('hottok') && transaction) {
    const status = form.get('status') ?? 'unknown'
    return {
      kind: 'unsupported',
      eventType: `v1:${status}`,
      dedupKey: `v1:${transaction}:${status}`,
      reason: 'Hotmart v1 postback: switch the webhook to version 2.0.0 in the Hotmart panel',
    }
  }
  return malformed(reason)
}
