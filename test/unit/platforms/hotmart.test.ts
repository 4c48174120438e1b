import { describe, expect, it } from 'vitest'
import { adapterFor } from '../../../src/main/platforms'
import { ctx, fixture, oneEvent, variant } from './support'

const hotmart = adapterFor('hotmart')
const normalize = (raw: Buffer) => hotmart.normalize(raw, {}, ctx)

describe('Hotmart events to stages', () => {
  it.each([
    ['hotmart-PURCHASE_APPROVED-1.json', 'purchase_approved'],
    ['hotmart-PURCHASE_BILLET_PRINTED-1.json', 'pix_generated'],
    ['hotmart-PURCHASE_BILLET_PRINTED-2.json', 'boleto_generated'],
    ['hotmart-PURCHASE_CANCELED-1.json', 'purchase_declined'],
    ['hotmart-PURCHASE_CHARGEBACK-1.json', 'chargeback'],
    ['hotmart-PURCHASE_EXPIRED-1.json', 'payment_expired'],
    ['hotmart-PURCHASE_OUT_OF_SHOPPING_CART-1.json', 'cart_abandoned'],
    ['hotmart-PURCHASE_PROTEST-1.json', 'refund_requested'],
    ['hotmart-PURCHASE_REFUNDED-1.json', 'purchase_refunded'],
    ['hotmart-SUBSCRIPTION_CANCELLATION-1.json', 'subscription_canceled'],
  ])('maps %s to %s', (file, stage) => {
    expect(oneEvent(normalize(fixture(file))).stage).toBe(stage)
  })

  it.each([
    ['PURCHASE_DELAYED', 'subscription_late'],
    ['PURCHASE_CANCELLED', 'purchase_declined'],
  ])('maps %s to %s', (event, stage) => {
    const raw = variant('hotmart-PURCHASE_REFUNDED-1.json', (b) => {
      b.event = event
    })
    expect(oneEvent(normalize(raw)).stage).toBe(stage)
  })

  it('accepts the CANCELLED status spelling as well as CANCELED', () => {
    const raw = variant('hotmart-PURCHASE_CANCELED-1.json', (b) => {
      b.data.purchase.status = 'CANCELLED'
    })
    expect(oneEvent(normalize(raw)).stage).toBe('purchase_declined')
  })

  it('maps an approved recurrence after the first to subscription_renewed', () => {
    const event = oneEvent(
      normalize(fixture('variants/hotmart-PURCHASE_APPROVED-usd-renewal.json')),
    )
    expect(event.stage).toBe('subscription_renewed')
  })

  it('keeps PURCHASE_COMPLETE as unsupported (the guarantee ended, no new payment)', () => {
    const raw = variant('hotmart-PURCHASE_APPROVED-1.json', (b) => {
      b.event = 'PURCHASE_COMPLETE'
    })
    expect(normalize(raw)).toEqual({
      kind: 'unsupported',
      eventType: 'PURCHASE_COMPLETE',
      dedupKey: '545e7d21-8fc4-4906-8fba-dcd7889f6481',
      reason: 'unsupported event PURCHASE_COMPLETE (the guarantee period ended; not a new payment)',
    })
  })

  it('keeps unknown events as unsupported', () => {
    const raw = variant('hotmart-PURCHASE_APPROVED-1.json', (b) => {
      b.event = 'SWITCH_PLAN'
    })
    expect(normalize(raw)).toMatchObject({
      kind: 'unsupported',
      reason: 'unsupported event SWITCH_PLAN',
    })
  })
})

describe('Hotmart payload details', () => {
  it('reads the panel test purchase, marked as a test', () => {
    const event = oneEvent(normalize(fixture('hotmart-PURCHASE_APPROVED-1.json')))
    expect(event).toMatchObject({
      platform: 'hotmart',
      eventType: 'PURCHASE_APPROVED',
      dedupKey: '545e7d21-8fc4-4906-8fba-dcd7889f6481',
      orderId: 'HP16015479281022',
      orderKey: 'HP16015479281022',
      totalMinor: 150000,
      currency: 'BRL',
      occurredAt: '2017-11-27T11:49:06.000Z',
      productName: 'Produto test postback2',
      checkoutUrl: ctx.checkoutUrl,
      test: true,
    })
    expect(event.customer).toEqual({
      name: 'Teste Comprador',
      email: 'testeComprador271101postman15@example.com',
      phone: '+5599999999900',
      phoneRaw: '99999999900',
      document: '69526128664',
      platformCustomerId: null,
    })
    expect(event.payment.method).toBe('credit_card')
  })

  it('reads the PIX code and its expiry from a PIX BILLET_PRINTED', () => {
    const event = oneEvent(normalize(fixture('hotmart-PURCHASE_BILLET_PRINTED-1.json')))
    expect(event).toMatchObject({
      totalMinor: 149700,
      currency: 'BRL',
      orderId: 'HP0967750879',
      test: false,
    })
    expect(event.payment).toMatchObject({
      method: 'pix',
      pixExpiresAt: '2025-05-01T18:49:18.000Z',
      boletoLine: null,
    })
    expect(event.payment.pixCode).toMatch(/^000201.*6304C56F$/)
    // The anonymised phone has letters in it: kept raw, not normalized.
    expect(event.customer).toMatchObject({ phone: null, phoneRaw: '+55 11 99344-078a' })
  })

  it('reads the boleto line, URL and due date from a boleto BILLET_PRINTED', () => {
    const event = oneEvent(normalize(fixture('hotmart-PURCHASE_BILLET_PRINTED-2.json')))
    expect(event.totalMinor).toBe(99700)
    expect(event.payment).toMatchObject({
      method: 'boleto',
      pixCode: null,
      boletoLine: '34191096693696710054089356830003510720000099700',
      boletoUrl: 'https://hotm.art/bHP0970394859',
      // Factor 1072 after the 2025 rollover: 2025-05-05, end of day in Brasília.
      boletoExpiresAt: '2025-05-06T02:59:59.999Z',
    })
  })

  it('drops a PIX code whose CRC does not validate', () => {
    const raw = variant('hotmart-PURCHASE_BILLET_PRINTED-1.json', (b) => {
      b.data.purchase.payment.pix_code = b.data.purchase.payment.pix_code.replace('HT', 'XX')
    })
    expect(oneEvent(normalize(raw)).payment.pixCode).toBeNull()
  })

  it('keeps the refusal reason of a canceled purchase', () => {
    const event = oneEvent(normalize(fixture('hotmart-PURCHASE_CANCELED-1.json')))
    expect(event.payment.refusalReason).toBe('Transaction refused')
    expect(event.totalMinor).toBe(1000)
  })

  it('reads a cart abandonment without price or transaction', () => {
    const event = oneEvent(normalize(fixture('hotmart-PURCHASE_OUT_OF_SHOPPING_CART-1.json')))
    expect(event).toMatchObject({
      orderId: null,
      orderKey: 'cart:1355458:user_d2a89c0a@example.com',
      totalMinor: null,
      currency: null,
      occurredAt: '2025-04-29T23:35:57.734Z',
      checkoutUrl: ctx.checkoutUrl,
    })
    expect(event.customer).toMatchObject({
      name: 'Julia Santos',
      email: 'user_d2a89c0a@example.com',
    })
  })

  it('reads a USD price written as 97.0 exactly, and a buyer without phone', () => {
    const event = oneEvent(
      normalize(fixture('variants/hotmart-PURCHASE_APPROVED-usd-renewal.json')),
    )
    expect(event).toMatchObject({ totalMinor: 9700, currency: 'USD', test: false })
    expect(event.customer).toMatchObject({
      name: 'Maria Aparecida Gonçalves',
      phone: null,
      phoneRaw: null,
      document: '12345678909',
    })
  })

  it('reads a Brazilian buyer phone without country code', () => {
    const raw = variant('hotmart-PURCHASE_REFUNDED-1.json', (b) => {
      b.data.buyer.checkout_phone = '11987654321'
    })
    expect(oneEvent(normalize(raw)).customer.phone).toBe('+5511987654321')
  })

  it('joins a DDD sent in checkout_phone_code with the number', () => {
    const raw = variant('hotmart-PURCHASE_REFUNDED-1.json', (b) => {
      b.data.buyer.checkout_phone = '987654321'
      b.data.buyer.checkout_phone_code = '21'
    })
    expect(oneEvent(normalize(raw)).customer.phone).toBe('+5521987654321')
  })

  it('reads a subscription cancellation subscriber and its two-field phone', () => {
    const raw = variant('hotmart-SUBSCRIPTION_CANCELLATION-1.json', (b) => {
      b.data.subscriber.phone = { dddPhone: '', phone: '', dddCell: '11', cell: '987654321' }
    })
    const event = oneEvent(normalize(raw))
    expect(event).toMatchObject({
      orderKey: 'subscription:KOBB7XB2',
      occurredAt: '2025-04-29T17:33:38.688Z',
    })
    expect(event.customer).toMatchObject({ name: 'Julia Oliveira', phone: '+5511987654321' })
  })

  it('flags the panel test transaction even with a real-looking product', () => {
    const raw = variant('hotmart-PURCHASE_REFUNDED-1.json', (b) => {
      b.data.purchase.transaction = 'HP16015479281022'
    })
    expect(oneEvent(normalize(raw)).test).toBe(true)
  })
})

describe('Hotmart malformed input', () => {
  it('reports a body that is not an envelope as malformed', () => {
    expect(normalize(Buffer.from('{"foo":1}'))).toEqual({
      kind: 'malformed',
      reason: 'not a Hotmart v2 envelope {id, event, data}',
    })
    expect(normalize(Buffer.from('not json'))).toMatchObject({ kind: 'malformed' })
  })

  it('recognises a legacy v1 form postback and asks for version 2.0.0', () => {
    const raw = Buffer.from('hottok=x&prod=123&status=approved&transaction=HP1')
    expect(normalize(raw)).toMatchObject({
      kind: 'unsupported',
      dedupKey: 'v1:HP1:approved',
      reason: expect.stringContaining('2.0.0') as string,
    })
  })
})
