// The one normalized commerce event model, shared by main, preload and renderer.
// Every platform adapter turns its webhook into these; cards, filters and follow-ups read only these.

export const PLATFORMS = ['kiwify', 'hotmart', 'nuvemshop', 'shopify'] as const
export type Platform = (typeof PLATFORMS)[number]

/** Lifecycle stages (platforms.md §3). `unsupported` marks events kept but not used. */
export const STAGES = [
  'checkout_started',
  'cart_abandoned',
  'pix_generated',
  'boleto_generated',
  'payment_pending',
  'purchase_approved',
  'purchase_declined',
  'purchase_refunded',
  'refund_requested',
  'chargeback',
  'purchase_canceled',
  'payment_expired',
  'subscription_renewed',
  'subscription_late',
  'subscription_canceled',
] as const
export type Stage = (typeof STAGES)[number]

export type PaymentMethod = 'pix' | 'boleto' | 'credit_card' | 'debit_card' | 'other'

export interface Customer {
  name: string | null
  email: string | null
  /** E.164 (`+5511987654321`) when it could be normalized. */
  phone: string | null
  /** The phone exactly as the platform sent it (kept for troubleshooting). */
  phoneRaw: string | null
  /** CPF/CNPJ digits (masked on display, never logged). */
  document: string | null
  /** Platform customer id, as a string. */
  platformCustomerId: string | null
}

export interface LineItem {
  name: string
  quantity: number
  /** Unit price in minor units of the event currency; null when the platform does not say. */
  unitPriceMinor: number | null
}

export interface Payment {
  method: PaymentMethod | null
  /** Gateway/app names as the platform gives them (Shopify `payment_gateway_names`). */
  gateway: string | null
  pixCode: string | null
  /** ISO-8601 UTC. */
  pixExpiresAt: string | null
  /** Digits only (47 for bank slips, 48 for utility slips). */
  boletoLine: string | null
  boletoUrl: string | null
  /** ISO-8601 UTC. */
  boletoExpiresAt: string | null
  /** Why a card was refused / an order canceled, when the platform says. */
  refusalReason: string | null
}

/** What a platform adapter produces from one delivery, before it is stored. */
export interface NormalizedEvent {
  platform: Platform
  stage: Stage
  /** The platform's own name for the event (`orders/paid`, `PURCHASE_APPROVED`, `pix_created`). */
  eventType: string
  /** ISO-8601 UTC. */
  occurredAt: string
  /** Unique per source: a repeat with the same key is a duplicate delivery. */
  dedupKey: string
  /** The platform's delivery id when it sends one (changes per subscription/retry). */
  deliveryId: string | null
  /** Platform order id (or checkout/cart id for carts), always a string. */
  orderId: string | null
  /** Key that groups a journey: checkout token/cart → order (Shopify checkout token, Kiwify order id…). */
  orderKey: string | null
  customer: Customer
  items: LineItem[]
  /** Integer minor units (cents); null when the platform does not say (Hotmart cart). */
  totalMinor: number | null
  /** ISO 4217, e.g. BRL. */
  currency: string | null
  payment: Payment
  checkoutUrl: string | null
  productName: string | null
  /** A test event sent from the platform panel. */
  test: boolean
}

/** A stored event, as the API and the CLI return it. */
export interface CommerceEvent extends NormalizedEvent {
  id: string
  sourceId: string
  contactId: string | null
  conversationId: string | null
  /** ISO-8601 UTC: when Recupera stored it. */
  receivedAt: string
}

export const emptyCustomer = (): Customer => ({
  name: null,
  email: null,
  phone: null,
  phoneRaw: null,
  document: null,
  platformCustomerId: null,
})

export const emptyPayment = (): Payment => ({
  method: null,
  gateway: null,
  pixCode: null,
  pixExpiresAt: null,
  boletoLine: null,
  boletoUrl: null,
  boletoExpiresAt: null,
  refusalReason: null,
})

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${String(value)}`)
}
