import { describe, expect, it } from 'vitest'
import {
  adapterFor,
  normalizeNuvemshopCheckout,
  normalizeNuvemshopOrder,
} from '../../../src/main/platforms'
import { type Body, ctx, fixture, oneEvent, variant } from './support'

const nuvemshop = adapterFor('nuvemshop')
const order = (event: string, edit: (b: Body) => void = () => {}) =>
  normalizeNuvemshopOrder(variant('nuvemshop-order_resource-1.json', edit), event, ctx)

describe('Nuvemshop webhooks', () => {
  it('asks for enrichment of an order event', () => {
    expect(nuvemshop.normalize(fixture('nuvemshop-order_paid-1.json'), {}, ctx)).toEqual({
      kind: 'enrich',
      eventType: 'order/paid',
      resourceId: '807493102',
      storeId: '2332874',
      dedupKey: '2332874:order/paid:807493102',
    })
  })

  it('keeps product events as unsupported', () => {
    expect(nuvemshop.normalize(fixture('nuvemshop-product_created-1.json'), {}, ctx)).toEqual({
      kind: 'unsupported',
      eventType: 'product/created',
      dedupKey: '123:product/created:1948209',
      reason: 'unsupported event product/created',
    })
  })

  it('refuses a delivery for another store than the source is connected to', () => {
    const result = nuvemshop.normalize(
      fixture('nuvemshop-order_paid-1.json'),
      {},
      { ...ctx, storeId: '999' },
    )
    expect(result).toEqual({
      kind: 'malformed',
      reason: 'delivery is for store 2332874, this source is store 999',
    })
  })

  it('reports a body without store, event and id as malformed', () => {
    expect(nuvemshop.normalize(Buffer.from('{"event":"order/paid"}'), {}, ctx)).toEqual({
      kind: 'malformed',
      reason: 'not a Nuvemshop webhook {store_id, event, id}',
    })
  })
})

describe('normalizeNuvemshopOrder', () => {
  it('turns the fetched paid order into purchase_approved', () => {
    const event = oneEvent(
      normalizeNuvemshopOrder(fixture('nuvemshop-order_resource-1.json'), 'order/paid', ctx),
    )
    expect(event).toMatchObject({
      platform: 'nuvemshop',
      stage: 'purchase_approved',
      eventType: 'order/paid',
      orderId: '450789469',
      orderKey: '0fe3e5421c2328227c47433c6c4f8ece2791f822',
      dedupKey: '271146:order/paid:450789469:2022-02-23T19:58:44+0000',
      occurredAt: '2022-02-23T12:25:18.000Z',
      totalMinor: 566000,
      currency: 'USD',
      productName: 'Pokeball',
    })
    expect(event.items).toEqual([{ name: 'Pokeball', quantity: 1, unitPriceMinor: 519000 }])
    expect(event.customer).toEqual({
      name: 'John Doe',
      email: 'john.doe@example.com',
      phone: '+5491126653230',
      phoneRaw: '+5491126653230',
      document: '41913703',
      platformCustomerId: '101',
    })
    expect(event.payment).toMatchObject({ method: 'credit_card', gateway: 'PayPal' })
  })

  it('accepts the order as a string', () => {
    const json = fixture('nuvemshop-order_resource-1.json').toString('utf8')
    expect(oneEvent(normalizeNuvemshopOrder(json, 'order/paid', ctx)).orderId).toBe('450789469')
  })

  it('turns a pending PIX order into pix_generated with the Brazilian buyer', () => {
    const raw = fixture('variants/nuvemshop-order_pending-pix.json')
    const event = oneEvent(normalizeNuvemshopOrder(raw, 'order/created', ctx))
    expect(event).toMatchObject({
      stage: 'pix_generated',
      occurredAt: '2025-03-10T17:00:00.000Z',
      totalMinor: 16480,
      currency: 'BRL',
      dedupKey: '2332874:order/created:1234567890:2025-03-10T17:00:05+0000',
    })
    expect(event.customer).toMatchObject({
      name: 'Ana Lúcia Araújo',
      email: 'ana.lucia@exemplo.com.br',
      // Old 8-digit mobile: the ninth digit is added.
      phone: '+5521987654321',
      phoneRaw: '(21) 8765-4321',
      document: '12345678909',
    })
    expect(event.items).toEqual([
      { name: 'Camiseta Algodão Orgânico (M)', quantity: 2, unitPriceMinor: 7495 },
    ])
    expect(event.payment).toMatchObject({ method: 'pix', gateway: 'PagBank' })
  })

  it.each([
    ['boleto', 'boleto_generated'],
    ['credit_card', 'payment_pending'],
  ])('turns a pending %s order into %s', (method, stage) => {
    const result = order('order/pending', (b) => {
      b.payment_status = 'pending'
      b.payment_details.method = method
    })
    expect(oneEvent(result).stage).toBe(stage)
  })

  it('maps cancel, void and refund', () => {
    const cancelled = oneEvent(
      order('order/cancelled', (b) => {
        b.status = 'cancelled'
        b.cancel_reason = 'inventory'
        b.cancelled_at = '2022-02-24T10:00:00+0000'
      }),
    )
    expect(cancelled).toMatchObject({
      stage: 'purchase_canceled',
      occurredAt: '2022-02-24T10:00:00.000Z',
    })
    expect(cancelled.payment.refusalReason).toBe('inventory')
    expect(oneEvent(order('order/voided')).stage).toBe('purchase_declined')
    const refunded = (s: string) =>
      oneEvent(
        order('order/updated', (b) => {
          b.payment_status = s
        }),
      ).stage
    expect(refunded('refunded')).toBe('purchase_refunded')
    expect(refunded('partially_refunded')).toBe('purchase_refunded')
    expect(refunded('voided')).toBe('purchase_declined')
  })

  it('treats an update that changes no stage as unsupported', () => {
    expect(order('order/updated')).toMatchObject({
      kind: 'unsupported',
      reason: 'unsupported event order/updated (order in state open/paid)',
    })
    expect(order('order/fulfilled')).toMatchObject({ kind: 'unsupported' })
  })

  it('reports garbage as malformed', () => {
    expect(normalizeNuvemshopOrder('nope', 'order/paid', ctx)).toMatchObject({ kind: 'malformed' })
    expect(normalizeNuvemshopOrder('{}', 'order/paid', ctx)).toEqual({
      kind: 'malformed',
      reason: 'not a Nuvemshop order (no id)',
    })
  })
})

describe('normalizeNuvemshopCheckout', () => {
  it('turns a polled abandoned checkout into cart_abandoned with its recovery link', () => {
    const event = oneEvent(
      normalizeNuvemshopCheckout(fixture('nuvemshop-checkout_abandoned-1.json'), ctx),
    )
    expect(event).toMatchObject({
      platform: 'nuvemshop',
      stage: 'cart_abandoned',
      orderId: '411335234',
      orderKey: 'd0e589b2ba4fef1a4155dc071c253dfk1j34198b9',
      dedupKey: '167985134:checkout:411335234',
      occurredAt: '2021-05-13T21:04:00.000Z',
      totalMinor: 29135,
      currency: 'BRL',
      checkoutUrl:
        'https://nuvemteste.lojavirtualnuvem.com.br/checkout/v3/order/proxy/411335234/d0e589b2ba4fef1a4155dc071c253dfk1j34198b9',
    })
    expect(event.customer).toMatchObject({
      name: 'Teste 12',
      email: 'teste@teste.com.br',
      phone: '+551335593019',
      document: '78448385071',
    })
    expect(event.items).toEqual([
      { name: 'Varinha do Harry Potter (Preto)', quantity: 5, unitPriceMinor: 5807 },
    ])
  })

  it('reports garbage as malformed', () => {
    expect(normalizeNuvemshopCheckout('[]', ctx)).toMatchObject({ kind: 'malformed' })
  })
})
