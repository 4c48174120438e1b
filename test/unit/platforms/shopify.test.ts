import { describe, expect, it } from 'vitest'
import { adapterFor } from '../../../src/main/platforms'
import { parseJsonExact } from '../../../src/main/platforms/json'
import { ctx, fixture, oneEvent, signed, variant, verify } from './support'

const shopify = adapterFor('shopify')

function normalize(raw: Buffer, topic: string, extra: Record<string, string> = {}) {
  return shopify.normalize(raw, { 'x-shopify-topic': topic, ...extra }, ctx)
}

describe('Shopify orders', () => {
  it('reads an order id above 2^53 exactly, as a string', () => {
    const raw = fixture('shopify-orders_create-1.json')
    // JSON.parse would round it to 820982911946154500.
    expect(String((JSON.parse(raw.toString()) as { id: number }).id)).not.toBe('820982911946154508')
    const event = oneEvent(normalize(raw, 'orders/create'))
    expect(event.orderId).toBe('820982911946154508')
    expect(event.customer.platformCustomerId).toBe('115310627314723954')
  })

  it('maps the standard sample order (voided and cancelled) to purchase_canceled', () => {
    const event = oneEvent(normalize(fixture('shopify-orders_create-1.json'), 'orders/create'))
    expect(event).toMatchObject({
      platform: 'shopify',
      stage: 'purchase_canceled',
      eventType: 'orders/create',
      occurredAt: '2019-06-04T17:53:06.000Z',
      totalMinor: 40300,
      currency: 'USD',
      test: true,
      orderKey: 'order:820982911946154508',
    })
    expect(event.customer).toMatchObject({ name: 'John Smith', email: 'jon@doe.ca', phone: null })
    expect(event.customer.phoneRaw).toBe('555-555-BILL')
    expect(event.payment).toMatchObject({ gateway: 'visa, bogus', refusalReason: 'customer' })
    expect(event.items[0]).toEqual({ name: 'IPod Nano - 8GB', quantity: 1, unitPriceMinor: 19900 })
  })

  it('maps a pending Brazilian PIX order to payment_pending with the buyer and exact cents', () => {
    const raw = fixture('variants/shopify-orders_create-pix-brl.json')
    const event = oneEvent(normalize(raw, 'orders/create', { 'x-shopify-webhook-id': 'wh-1' }))
    expect(event).toMatchObject({
      stage: 'payment_pending',
      orderId: '9007199254740993',
      orderKey: 'c1f0a7e2b9d84f6a8e3b5c7d9e1f2a3b',
      dedupKey: 'wh-1',
      deliveryId: 'wh-1',
      totalMinor: 3998,
      currency: 'BRL',
      occurredAt: '2025-03-10T17:05:00.000Z',
      productName: 'Café Especial Orgânico',
      test: false,
    })
    expect(event.customer).toEqual({
      name: 'João Conceição',
      email: 'joao.conceicao@exemplo.com.br',
      phone: '+5511987654321',
      phoneRaw: '(11) 98765-4321',
      document: null,
      platformCustomerId: '9223372036854775807',
    })
    expect(event.items).toEqual([
      { name: 'Café Especial Orgânico - 250 g', quantity: 2, unitPriceMinor: 1999 },
    ])
    expect(event.payment).toMatchObject({ method: 'pix', gateway: 'Pix (Mercado Pago)' })
  })

  it('maps orders/paid to purchase_approved, coping with an anonymous buyer', () => {
    const event = oneEvent(normalize(fixture('shopify-orders_paid-1.json'), 'orders/paid'))
    expect(event).toMatchObject({
      stage: 'purchase_approved',
      orderId: '5324830114101',
      orderKey: '2b9ba639fb81a1fb61a02be4c95459b5',
      totalMinor: 262995,
      currency: 'USD',
      occurredAt: '2023-03-24T16:37:27.000Z',
    })
    expect(event.customer).toMatchObject({ name: null, email: null, phone: null })
  })

  it('maps orders/cancelled to purchase_canceled with the reason and the buyer', () => {
    const event = oneEvent(
      normalize(fixture('shopify-orders_cancelled-1.json'), 'orders/cancelled'),
    )
    expect(event).toMatchObject({
      stage: 'purchase_canceled',
      occurredAt: '2023-03-24T22:08:18.000Z',
      totalMinor: 180638,
      orderKey: '751db9e69c75eb563f4d9b052e8cc0f7',
    })
    expect(event.payment.refusalReason).toBe('other')
    expect(event.customer).toMatchObject({
      name: 'Russell Winfield',
      email: 'russel.winfield@example.com',
      phone: '+16135550135',
      platformCustomerId: '6972527083830',
    })
  })

  it('maps orders/updated by the order state', () => {
    const body = (financial: string) =>
      variant('shopify-orders_paid-1.json', (b) => {
        b.financial_status = financial
      })
    const stage = (financial: string) =>
      oneEvent(normalize(body(financial), 'orders/updated')).stage
    expect(stage('paid')).toBe('purchase_approved')
    expect(stage('refunded')).toBe('purchase_refunded')
    expect(stage('partially_refunded')).toBe('purchase_refunded')
    expect(stage('voided')).toBe('purchase_declined')
    expect(stage('pending')).toBe('payment_pending')
  })
})

describe('Shopify checkouts', () => {
  it('maps an open checkout to checkout_started with its recovery link', () => {
    const event = oneEvent(
      normalize(fixture('shopify-checkouts_create-1.json'), 'checkouts/create'),
    )
    expect(event).toMatchObject({
      stage: 'checkout_started',
      orderId: '35550298931313',
      orderKey: '84ad78572dae52a8cbea7d55371afe89',
      totalMinor: 60000,
      currency: 'USD',
      occurredAt: '2024-11-06T02:22:02.000Z',
      checkoutUrl: expect.stringContaining('/checkouts/ac/') as string,
    })
    expect(event.customer.email).toBeNull()
    expect(event.items).toEqual([
      { name: 'The Collection Snowboard: Hydrogen', quantity: 1, unitPriceMinor: 60000 },
    ])
  })

  it('folds checkouts/update into the same journey key', () => {
    const create = oneEvent(
      normalize(fixture('shopify-checkouts_create-1.json'), 'checkouts/create'),
    )
    const update = oneEvent(
      normalize(fixture('shopify-checkouts_create-1.json'), 'checkouts/update'),
    )
    expect(update.stage).toBe('checkout_started')
    expect(update.orderKey).toBe(create.orderKey)
  })

  it('treats a completed checkout as unsupported (its order carries it)', () => {
    const raw = variant('shopify-checkouts_create-1.json', (b) => {
      b.completed_at = '2024-11-06T02:30:00+00:00'
    })
    expect(normalize(raw, 'checkouts/update')).toMatchObject({
      kind: 'unsupported',
      eventType: 'checkouts/update',
    })
  })
})

describe('Shopify refunds, transactions and disputes', () => {
  it('maps refunds/create to purchase_refunded with the successful refund total', () => {
    const event = oneEvent(
      normalize(fixture('variants/shopify-refunds_create-1.json'), 'refunds/create'),
    )
    expect(event).toMatchObject({
      stage: 'purchase_refunded',
      orderId: '9007199254740993',
      orderKey: null,
      totalMinor: 1999,
      currency: 'BRL',
      occurredAt: '2025-03-12T13:00:01.000Z',
    })
  })

  it('maps a failed order transaction to purchase_declined with the gateway message', () => {
    const raw = fixture('variants/shopify-order_transactions_create-failure.json')
    const event = oneEvent(normalize(raw, 'order_transactions/create'))
    expect(event).toMatchObject({
      stage: 'purchase_declined',
      orderId: '5324830114101',
      totalMinor: 40300,
      currency: 'BRL',
      test: true,
    })
    expect(event.payment).toMatchObject({
      gateway: 'shopify_payments',
      refusalReason: 'Your card was declined.',
    })
  })

  it('treats a successful order transaction as unsupported', () => {
    const raw = variant('variants/shopify-order_transactions_create-failure.json', (b) => {
      b.status = 'success'
    })
    expect(normalize(raw, 'order_transactions/create')).toMatchObject({
      kind: 'unsupported',
      reason: 'unsupported event order_transactions/create (transaction status success)',
    })
  })

  it('maps disputes/create to chargeback with its type and reason', () => {
    const event = oneEvent(normalize(fixture('shopify-disputes_create-1.json'), 'disputes/create'))
    expect(event).toMatchObject({
      stage: 'chargeback',
      orderId: '820982911946154508',
      totalMinor: 1150,
      currency: 'CAD',
      occurredAt: '2022-01-01T00:00:00.000Z',
    })
    expect(event.payment.refusalReason).toBe('chargeback: fraudulent')
  })

  it('maps disputes/update to chargeback too', () => {
    const event = oneEvent(normalize(fixture('shopify-disputes_create-1.json'), 'disputes/update'))
    expect(event.stage).toBe('chargeback')
  })
})

describe('Shopify delivery metadata', () => {
  it('de-duplicates on X-Shopify-Webhook-Id, stable across retries', () => {
    const raw = fixture('shopify-orders_paid-1.json')
    const first = signed('shopify', raw, 'k', { topic: 'orders/paid' })
    const retry = signed('shopify', raw, 'k', { topic: 'orders/paid' })
    const a = oneEvent(shopify.normalize(raw, first.headers, ctx))
    const b = oneEvent(shopify.normalize(raw, retry.headers, ctx))
    expect(a.dedupKey).toBe(first.headers['x-shopify-webhook-id'])
    expect(b.dedupKey).toBe(a.dedupKey)
  })

  it('falls back to topic, id and updated_at without a webhook id', () => {
    const event = oneEvent(normalize(fixture('shopify-orders_paid-1.json'), 'orders/paid'))
    expect(event.dedupKey).toBe('orders/paid:5324830114101:2023-03-24T12:37:27-04:00')
  })

  it('uses X-Shopify-Triggered-At only when the resource has no time', () => {
    const raw = Buffer.from(
      '{"id":1,"order_id":2,"type":"inquiry","amount":"1.00","currency":"BRL"}',
    )
    const event = oneEvent(
      normalize(raw, 'disputes/create', {
        'x-shopify-triggered-at': '2025-01-02T03:04:05.000-03:00',
      }),
    )
    expect(event.occurredAt).toBe('2025-01-02T06:04:05.000Z')
    expect(event.payment.refusalReason).toBe('inquiry')
  })

  it('reports a delivery with no time at all as malformed', () => {
    expect(normalize(Buffer.from('{"id":1}'), 'disputes/create')).toMatchObject({
      kind: 'malformed',
    })
  })

  it('reads the newer Events header names', () => {
    const raw = fixture('shopify-orders_paid-1.json')
    const delivery = signed('shopify', raw, 'k', { topic: 'orders/paid', shopifyHeaders: 'events' })
    expect(verify('shopify', delivery, ['k'])).toEqual({ ok: true })
    expect(oneEvent(shopify.normalize(raw, delivery.headers, ctx)).stage).toBe('purchase_approved')
  })

  it('keeps unknown topics as unsupported with a readable reason', () => {
    expect(normalize(fixture('shopify-orders_paid-1.json'), 'orders/fulfilled')).toEqual({
      kind: 'unsupported',
      eventType: 'orders/fulfilled',
      dedupKey: 'orders/fulfilled:5324830114101:2023-03-24T12:37:27-04:00',
      reason: 'unsupported event orders/fulfilled',
    })
  })

  it('reports a delivery without a topic as malformed', () => {
    expect(shopify.normalize(fixture('shopify-orders_paid-1.json'), {}, ctx)).toEqual({
      kind: 'malformed',
      reason: 'missing X-Shopify-Topic header',
    })
  })

  it('reports a non-JSON body as malformed instead of throwing', () => {
    expect(normalize(Buffer.from('<html>'), 'orders/paid')).toMatchObject({ kind: 'malformed' })
    expect(normalize(Buffer.from('[1,2]'), 'orders/paid')).toEqual({
      kind: 'malformed',
      reason: 'body is not a JSON object',
    })
  })

  it('survives wrong field types', () => {
    const raw = Buffer.from(
      '{"id":{"x":1},"line_items":"nope","customer":[],"total_price":true,"created_at":"2025-01-01T00:00:00Z"}',
    )
    const event = oneEvent(normalize(raw, 'orders/create'))
    expect(event).toMatchObject({ orderId: null, items: [], totalMinor: null })
  })

  it('parses every Shopify id in the sample exactly', () => {
    const body = parseJsonExact(fixture('shopify-orders_create-1.json')) as Record<string, unknown>
    expect(body.id).toBe('820982911946154508')
  })
})
