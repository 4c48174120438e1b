import { describe, expect, it } from 'vitest'
import { adapterFor } from '../../../src/main/platforms'
import { type Body, ctx, fixture, oneEvent, variant } from './support'

const kiwify = adapterFor('kiwify')
const normalize = (raw: Buffer) => kiwify.normalize(raw, {}, ctx)
const withEvent = (event: string, edit: (b: Body) => void = () => {}) =>
  variant('kiwify-order_approved-1.json', (b) => {
    b.webhook_event_type = event
    edit(b)
  })

describe('Kiwify events to stages', () => {
  it.each([
    ['pix_created', 'pix_generated'],
    ['billet_created', 'boleto_generated'],
    ['order_approved', 'purchase_approved'],
    ['order_rejected', 'purchase_declined'],
    ['order_refused', 'purchase_declined'],
    ['order_refunded', 'purchase_refunded'],
    ['chargeback', 'chargeback'],
    ['subscription_renewed', 'subscription_renewed'],
    ['subscription_late', 'subscription_late'],
    ['subscription_canceled', 'subscription_canceled'],
    ['compra_aprovada', 'purchase_approved'],
  ])('maps %s to %s', (event, stage) => {
    const result = oneEvent(normalize(withEvent(event)))
    expect(result.stage).toBe(stage)
    expect(result.dedupKey).toBe(`5ab356f5-0c77-4a4f-8a28-97c354f2595b:${event}`)
  })

  it('maps a body without event type but with status abandoned to cart_abandoned', () => {
    expect(oneEvent(normalize(fixture('kiwify-abandoned_cart-1.json'))).stage).toBe(
      'cart_abandoned',
    )
  })

  it('falls back to the order status when the event type is missing', () => {
    const raw = variant('kiwify-pix_created-1.json', (b) => {
      delete b.webhook_event_type
    })
    const event = oneEvent(normalize(raw))
    expect(event.stage).toBe('pix_generated')
    expect(event.dedupKey).toBe('d233a1b5-aa46-4fc4-bae9-8058d2c85634:waiting_payment')
  })

  it('keeps unknown events as unsupported', () => {
    expect(normalize(withEvent('order_shipped'))).toEqual({
      kind: 'unsupported',
      eventType: 'order_shipped',
      dedupKey: '5ab356f5-0c77-4a4f-8a28-97c354f2595b:order_shipped',
      reason: 'unsupported event order_shipped',
    })
  })
})

describe('Kiwify payload details', () => {
  it('reads the boleto delivery: cents, Brasília times, line digits, URL and due date', () => {
    const event = oneEvent(normalize(fixture('kiwify-billet_created-1.json')))
    expect(event).toMatchObject({
      platform: 'kiwify',
      stage: 'boleto_generated',
      eventType: 'billet_created',
      orderId: 'ce936450-f853-4f66-9c72-03964fa436ea',
      orderKey: 'ce936450-f853-4f66-9c72-03964fa436ea',
      dedupKey: 'ce936450-f853-4f66-9c72-03964fa436ea:billet_created',
      // 2026-06-08 15:42 in Brasília.
      occurredAt: '2026-06-08T18:42:00.000Z',
      totalMinor: 1840,
      currency: 'BRL',
      productName: 'Example product',
      test: true,
    })
    expect(event.items).toEqual([{ name: 'Example product', quantity: 1, unitPriceMinor: 1840 }])
    expect(event.payment).toEqual({
      method: 'boleto',
      gateway: null,
      pixCode: null,
      pixExpiresAt: null,
      boletoLine: '23791229286000551009874000046909483110000300000',
      boletoUrl: 'https://pagar.me',
      // 12/06/2026, end of that day in Brasília.
      boletoExpiresAt: '2026-06-13T02:59:59.999Z',
      refusalReason: null,
    })
    expect(event.customer).toEqual({
      name: 'John Doe',
      email: 'johndoe@example.com',
      phone: null,
      phoneRaw: '+41945968750',
      document: '45658495664',
      platformCustomerId: null,
    })
  })

  it('reads the PIX delivery: code and expiry', () => {
    const event = oneEvent(normalize(fixture('kiwify-pix_created-1.json')))
    expect(event).toMatchObject({ stage: 'pix_generated', totalMinor: 6772, currency: 'BRL' })
    expect(event.payment.method).toBe('pix')
    expect(event.payment.pixCode).toMatch(/^00020101021226840014br\.gov\.bcb\.pix.*6304ED77$/)
    expect(event.payment.pixExpiresAt).toBe('2026-06-12T18:42:00.000Z')
    expect(event.customer.document).toBe('21907570836100')
  })

  it('drops a PIX code with a bad CRC rather than send an unpayable code', () => {
    const raw = variant('kiwify-pix_created-1.json', (b) => {
      b.pix_code = b.pix_code.replace('6304ED77', '6304ED78')
    })
    expect(oneEvent(normalize(raw)).payment.pixCode).toBeNull()
  })

  it('drops a boleto line with a wrong check digit', () => {
    const raw = variant('kiwify-billet_created-1.json', (b) => {
      b.boleto_barcode = '23791.22928 60005.510098 74000.046909 5 83110000300000'
    })
    const event = oneEvent(normalize(raw))
    expect(event.payment.boletoLine).toBeNull()
    expect(event.payment.boletoUrl).toBe('https://pagar.me')
  })

  it('uses the approval time for an approved card order', () => {
    const event = oneEvent(normalize(fixture('kiwify-order_approved-1.json')))
    expect(event).toMatchObject({
      stage: 'purchase_approved',
      occurredAt: '2026-09-04T23:46:00.000Z',
      totalMinor: 6426,
    })
    expect(event.payment.method).toBe('credit_card')
  })

  it('keeps the card rejection reason and a Brazilian mobile with accents in the name', () => {
    const raw = withEvent('order_refused', (b) => {
      b.card_rejection_reason = 'Saldo insuficiente'
      b.Customer.full_name = 'Conceição Araújo'
      b.Customer.email = 'conceicao@exemplo.com.br'
      b.Customer.mobile = '+5511987654321'
    })
    const event = oneEvent(normalize(raw))
    expect(event).toMatchObject({ stage: 'purchase_declined', test: false })
    expect(event.payment.refusalReason).toBe('Saldo insuficiente')
    expect(event.customer).toMatchObject({ name: 'Conceição Araújo', phone: '+5511987654321' })
  })

  it('reads the abandoned cart: cart key, checkout URL, phone kept raw when the DDD is invalid', () => {
    const event = oneEvent(normalize(fixture('kiwify-abandoned_cart-1.json')))
    expect(event).toMatchObject({
      eventType: 'abandoned_cart',
      dedupKey: 'cart:c6euk9v1lfj9jqxhfs',
      orderKey: 'cart:c6euk9v1lfj9jqxhfs',
      orderId: 'c6euk9v1lfj9jqxhfs',
      occurredAt: '2026-06-05T15:44:25.411Z',
      checkoutUrl: 'https://pay.kiwify.com.br/IDhfYNV',
      productName: 'Example product',
      totalMinor: null,
      test: true,
    })
    expect(event.customer).toMatchObject({
      name: 'John Doe',
      phone: null,
      phoneRaw: '(10) 5467-4999',
      document: '30574187242',
    })
  })

  it('normalizes a valid cart phone like (11) 99999-9999', () => {
    const raw = variant('kiwify-abandoned_cart-1.json', (b) => {
      b.phone = '(11) 99999-9999'
    })
    expect(oneEvent(normalize(raw)).customer.phone).toBe('+5511999999999')
  })
})

describe('Kiwify malformed input', () => {
  it('reports bodies it cannot read as malformed', () => {
    expect(normalize(Buffer.from('{}'))).toMatchObject({ kind: 'malformed' })
    expect(normalize(Buffer.from('order_id=1'))).toMatchObject({ kind: 'malformed' })
    expect(normalize(Buffer.from('{"status":"abandoned"}'))).toEqual({
      kind: 'malformed',
      reason: 'Kiwify abandoned cart has no id',
    })
  })

  it('reports an order without a readable date as malformed', () => {
    const raw = withEvent('order_approved', (b) => {
      b.created_at = 'yesterday'
      b.updated_at = null
      b.approved_date = '31/02/2026 10:00'
    })
    expect(normalize(raw)).toMatchObject({ kind: 'malformed' })
  })
})
