// Sample deliveries for "send a test event": one per platform, shaped like the platform's own
// panel tests so the normalizers mark them as tests (Kiwify's "John Doe", Hotmart's product 0,
// Shopify's `test: true`). Every call gets fresh ids, so a second test is not a duplicate.
import { randomInt, randomUUID } from 'node:crypto'
import { assertNever, type Platform } from '../../shared/events'
import type { SignOptions } from '../platforms/sign'

export interface Sample {
  body: string
  sign: SignOptions
}

const PRODUCT = 'Produto de teste (Recupera)'

export function sampleFor(platform: Platform, now: number, storeId: string | null): Sample {
  switch (platform) {
    case 'kiwify':
      return { body: JSON.stringify(kiwifySample(now)), sign: {} }
    case 'hotmart':
      return { body: JSON.stringify(hotmartSample(now)), sign: {} }
    case 'shopify':
      return {
        body: JSON.stringify(shopifySample(now)),
        sign: { topic: 'orders/paid', webhookId: randomUUID(), triggeredAt: iso(now) },
      }
    case 'nuvemshop':
      // Nuvemshop sends only the order number; the order itself is fetched afterwards.
      return {
        body: JSON.stringify({
          store_id: Number(storeId ?? 1),
          event: 'order/paid',
          id: randomInt(1, 2 ** 31),
        }),
        sign: {},
      }
    default:
      return assertNever(platform, 'platform')
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** Kiwify writes local Brasília time (UTC−3) as `YYYY-MM-DD HH:mm`. */
function brasilia(ms: number): string {
  return new Date(ms - 3 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

function kiwifySample(now: number) {
  return {
    order_id: randomUUID(),
    order_ref: `TEST${randomInt(100000, 999999)}`,
    order_status: 'paid',
    payment_method: 'credit_card',
    created_at: brasilia(now),
    updated_at: brasilia(now),
    approved_date: brasilia(now),
    webhook_event_type: 'order_approved',
    Product: { product_id: '00000000-0000-0000-0000-000000000000', product_name: PRODUCT },
    Customer: {
      full_name: 'John Doe',
      first_name: 'John',
      email: 'johndoe@example.com',
    },
    Commissions: { charge_amount: 9700, product_base_price: 9700, currency: 'BRL' },
  }
}

function hotmartSample(now: number) {
  return {
    id: randomUUID(),
    creation_date: now,
    event: 'PURCHASE_APPROVED',
    version: '2.0.0',
    data: {
      product: { id: 0, name: PRODUCT },
      buyer: {
        name: 'Teste Comprador',
        email: 'comprador.teste@example.com',
        checkout_phone: '99999999900',
      },
      purchase: {
        approved_date: now,
        order_date: now,
        status: 'APPROVED',
        transaction: `HP${randomInt(10 ** 9, 10 ** 10)}`,
        price: { value: 97.0, currency_value: 'BRL' },
        payment: { type: 'CREDIT_CARD', installments_number: 1 },
      },
    },
  }
}

function shopifySample(now: number) {
  const id = String(randomInt(10 ** 11, 2 ** 47))
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    test: true,
    name: `#T${id.slice(-4)}`,
    email: 'johndoe@example.com',
    created_at: iso(now),
    updated_at: iso(now),
    processed_at: iso(now),
    currency: 'BRL',
    presentment_currency: 'BRL',
    financial_status: 'paid',
    total_price: '97.00',
    subtotal_price: '97.00',
    checkout_token: randomUUID().replaceAll('-', ''),
    payment_gateway_names: ['bogus'],
    customer: { first_name: 'John', last_name: 'Doe', email: 'johndoe@example.com' },
    line_items: [{ title: PRODUCT, name: PRODUCT, quantity: 1, price: '97.00' }],
  }
}
