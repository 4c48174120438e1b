// Kiwify flat JSON to NormalizedEvent. Amounts are already integer cents; dates are Brasília
// wall-clock time; the abandoned-cart payload is a different, lowercase shape with no
// `webhook_event_type`. There is no delivery id: dedup on `order_id:event` (`cart:<id>`).
import type { Stage } from '../../../shared/events'
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
import { brasiliaToUtc, isoToUtc } from '../time'
import type { Headers, NormalizeResult, SourceContext } from '../types'

const CHECKOUT_BASE = 'https://pay.kiwify.com.br/'

/** Event names as sent, plus the Portuguese trigger names (unverified as event values). */
const STAGES: Readonly<Record<string, Stage>> = {
  pix_created: 'pix_generated',
  pix_gerado: 'pix_generated',
  billet_created: 'boleto_generated',
  boleto_gerado: 'boleto_generated',
  order_approved: 'purchase_approved',
  compra_aprovada: 'purchase_approved',
  order_rejected: 'purchase_declined',
  order_refused: 'purchase_declined',
  compra_recusada: 'purchase_declined',
  order_refunded: 'purchase_refunded',
  compra_reembolsada: 'purchase_refunded',
  chargeback: 'chargeback',
  subscription_renewed: 'subscription_renewed',
  subscription_late: 'subscription_late',
  subscription_canceled: 'subscription_canceled',
  subscription_cancelled: 'subscription_canceled',
}

/** For bodies without `webhook_event_type`: the stage their order status implies. */
function stageFromStatus(status: string | null, method: string | null): Stage | null {
  switch (status) {
    case 'paid':
    case 'approved':
      return 'purchase_approved'
    case 'refused':
    case 'rejected':
      return 'purchase_declined'
    case 'refunded':
      return 'purchase_refunded'
    case 'chargedback':
      return 'chargeback'
    case 'waiting_payment':
      return method === 'pix'
        ? 'pix_generated'
        : method === 'boleto'
          ? 'boleto_generated'
          : 'payment_pending'
    default:
      return null
  }
}

export function normalizeKiwify(
  raw: Buffer,
  _headers: Headers,
  ctx: SourceContext,
): NormalizeResult {
  return guarded(() => {
    const parsed = tryParseJson(raw)
    if (!parsed.ok) return malformed(parsed.reason)
    const body = asObject(parsed.value)
    if (!body) return malformed('body is not a JSON object')
    const eventType = asString(body.webhook_event_type)
    if (eventType === null && asString(body.status) === 'abandoned') return normalizeCart(body, ctx)
    return normalizeOrder(body, eventType)
  })
}

function normalizeOrder(body: JsonObject, eventType: string | null): NormalizeResult {
  const orderId = asString(body.order_id)
  if (orderId === null) return malformed('Kiwify body has neither order_id nor an abandoned cart')
  const status = asString(body.order_status)
  const method = asString(body.payment_method)
  const name = eventType ?? `order_status:${status ?? 'unknown'}`
  const dedupKey = `${orderId}:${eventType ?? status ?? 'unknown'}`
  const stage = eventType !== null ? STAGES[eventType] : stageFromStatus(status, method)
  if (!stage) return unsupported(name, dedupKey)
  const occurredAt = occurredAtFor(body, stage)
  if (occurredAt === null) return malformed('Kiwify order has no readable date')
  const currency = firstOf(
    asString(pick(body, 'Commissions', 'currency')),
    asString(pick(body, 'Commissions', 'product_base_price_currency')),
    'BRL',
  )
  const productName = asString(pick(body, 'Product', 'product_name'))
  const basePrice = asInteger(pick(body, 'Commissions', 'product_base_price'))
  const boletoLine = validBoletoLine(asString(body.boleto_barcode))
  const checkoutCode = asString(body.checkout_link)
  return events(
    makeEvent({
      platform: 'kiwify',
      stage,
      eventType: name,
      occurredAt,
      dedupKey,
      orderId,
      orderKey: orderId,
      customer: customerOf(asObject(body.Customer) ?? {}),
      items: productName ? [{ name: productName, quantity: 1, unitPriceMinor: basePrice }] : [],
      totalMinor: firstOf(asInteger(pick(body, 'Commissions', 'charge_amount')), basePrice),
      currency,
      productName,
      checkoutUrl: checkoutCode ? checkoutUrlOf(checkoutCode) : null,
      test: isTestBuyer(asObject(body.Customer)),
      payment: makePayment({
        method: paymentMethodFrom(method),
        gateway: null,
        pixCode: validPixCode(asString(body.pix_code)),
        pixExpiresAt: brasiliaToUtc(body.pix_expiration),
        boletoLine,
        boletoUrl: asString(body.boleto_URL) ?? asString(body.boleto_url),
        boletoExpiresAt:
          brasiliaToUtc(body.boleto_expiry_date) ?? boletoDueFromLine(boletoLine, occurredAt),
        refusalReason: asString(body.card_rejection_reason),
      }),
    }),
  )
}

function occurredAtFor(body: JsonObject, stage: Stage): string | null {
  const updated = brasiliaToUtc(body.updated_at)
  const created = brasiliaToUtc(body.created_at)
  if (stage === 'purchase_approved')
    return firstOf(brasiliaToUtc(body.approved_date), updated, created)
  if (stage === 'purchase_refunded')
    return firstOf(brasiliaToUtc(body.refunded_at), updated, created)
  if (stage === 'pix_generated' || stage === 'boleto_generated') return firstOf(created, updated)
  return firstOf(updated, created)
}

function customerOf(customer: JsonObject) {
  return makeCustomer({
    name: firstOf(asString(customer.full_name), asString(customer.first_name)),
    email: asString(customer.email),
    phoneRaw: firstOf(asString(customer.mobile), asString(customer.phone)),
    document: documentOf(
      firstOf(asString(customer.CPF), asString(customer.cpf), asString(customer.cnpj)),
    ),
  })
}

function normalizeCart(body: JsonObject, ctx: SourceContext): NormalizeResult {
  const id = asString(body.id)
  if (id === null) return malformed('Kiwify abandoned cart has no id')
  const occurredAt = firstOf(isoToUtc(body.created_at), brasiliaToUtc(body.created_at))
  if (occurredAt === null) return malformed('Kiwify abandoned cart has no readable created_at')
  const productName = asString(body.product_name)
  const checkoutCode = asString(body.checkout_link)
  const key = `cart:${id}`
  return events(
    makeEvent({
      platform: 'kiwify',
      stage: 'cart_abandoned',
      eventType: 'abandoned_cart',
      occurredAt,
      dedupKey: key,
      orderId: id,
      orderKey: key,
      customer: makeCustomer({
        name: asString(body.name),
        email: asString(body.email),
        phoneRaw: asString(body.phone),
        document: documentOf(asString(body.cpf) ?? asString(body.cnpj)),
      }),
      items: productName ? [{ name: productName, quantity: 1, unitPriceMinor: null }] : [],
      productName,
      checkoutUrl: checkoutCode ? checkoutUrlOf(checkoutCode) : ctx.checkoutUrl,
      test: isTestBuyer(body),
    }),
  )
}

function checkoutUrlOf(code: string): string {
  return /^https?:\/\//.test(code) ? code : CHECKOUT_BASE + encodeURIComponent(code)
}

/** Panel tests send "John Doe" / johndoe@example.com. */
function isTestBuyer(buyer: JsonObject | null): boolean {
  if (!buyer) return false
  const email = asString(buyer.email)?.toLowerCase() ?? null
  const name = firstOf(asString(buyer.full_name), asString(buyer.name))?.toLowerCase() ?? null
  return (
    email === 'johndoe@example.com' ||
    (name === 'john doe' && (email?.endsWith('@example.com') ?? true))
  )
}
