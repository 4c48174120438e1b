// The receiver end to end in-process: real HTTP on 127.0.0.1, real SQLite file, real signed
// deliveries built from the platforms' published bodies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/main/app'
import { toCommerceEvent } from '../../src/main/conversations/views'
import {
  addSource,
  countEvents,
  deliver,
  fixture,
  lastDelivery,
  send,
  type TestSource,
  testApp,
} from '../helpers/app'

let app: App
beforeEach(async () => {
  app = await testApp()
})
afterEach(async () => {
  await app.close()
})

const eventsOf = (sourceId: string) =>
  app.db
    .all(
      app.db.kysely
        .selectFrom('events')
        .selectAll()
        .where('source_id', '=', sourceId)
        .orderBy('id'),
    )
    .map(toCommerceEvent)

describe('receiving real platform bodies', () => {
  it('stores a Kiwify PIX with its amount in cents, PIX code and checkout link', async () => {
    const source = await addSource(app, { platform: 'kiwify', name: 'Kiwify' })
    const answer = await deliver(app, source, fixture('kiwify-pix_created-1.json'))
    expect(answer.status).toBe(200)
    const [event] = eventsOf(source.id)
    expect(event).toMatchObject({
      stage: 'pix_generated',
      totalMinor: 6772,
      currency: 'BRL',
      platform: 'kiwify',
    })
    expect(event!.customer).toMatchObject({ name: 'John Doe', email: 'johndoe@example.com' })
    expect(event!.payment.pixCode).toMatch(/^00020101021226840014br\.gov\.bcb/)
    expect(event!.payment.method).toBe('pix')
    expect(event!.conversationId).toBeTruthy()
  })

  it('verifies the Kiwify bodies with their published signatures and token 9ch0bpzogu9', async () => {
    const source = await addSource(app, {
      platform: 'kiwify',
      name: 'Kiwify',
      secret: '9ch0bpzogu9',
    })
    const billet = await send(
      app.receiverUrl,
      `${source.path}?signature=06f61a6aff46cea884f02a981caedc92c3c247b8`,
      {
        body: fixture('kiwify-billet_created-1.json'),
        headers: { 'content-type': 'application/json' },
      },
    )
    const pix = await send(
      app.receiverUrl,
      `${source.path}?signature=c917b9ac6d93c7f7a4ae2163aff0bdc482d1cc75`,
      {
        body: fixture('kiwify-pix_created-1.json'),
        headers: { 'content-type': 'application/json' },
      },
    )
    expect([billet.status, pix.status]).toEqual([200, 200])
    const [boleto] = eventsOf(source.id)
    expect(boleto).toMatchObject({ stage: 'boleto_generated', totalMinor: 1840, currency: 'BRL' })
    expect(boleto!.payment.boletoLine).toMatch(/^\d{47}$/)
  })

  it('stores a Hotmart boleto with decimal reais as cents and the configured checkout URL', async () => {
    const source = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-abc-123',
      checkoutUrl: 'https://pay.hotmart.com/A1B2',
    })
    expect(
      (await deliver(app, source, fixture('hotmart-PURCHASE_BILLET_PRINTED-2.json'))).status,
    ).toBe(200)
    const [event] = eventsOf(source.id)
    expect(event).toMatchObject({
      stage: 'boleto_generated',
      totalMinor: 99700,
      currency: 'BRL',
      checkoutUrl: 'https://pay.hotmart.com/A1B2',
    })
    expect(event!.payment.boletoLine).toBe('34191096693696710054089356830003510720000099700')
    expect(event!.payment.boletoUrl).toBe('https://hotm.art/bHP0970394859')
  })

  it('reads a Hotmart PIX from PURCHASE_BILLET_PRINTED', async () => {
    const source = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-abc-123',
    })
    expect(
      (await deliver(app, source, fixture('hotmart-PURCHASE_BILLET_PRINTED-1.json'))).status,
    ).toBe(200)
    expect(eventsOf(source.id)[0]).toMatchObject({ stage: 'pix_generated', totalMinor: 149700 })
  })

  it('stores Shopify decimal strings as cents and keeps ids above 2^53 exact', async () => {
    const source = await addSource(app, {
      platform: 'shopify',
      name: 'Shopify',
      secret: 'shpss_test_secret',
    })
    expect(
      (await deliver(app, source, fixture('shopify-orders_paid-1.json'), { topic: 'orders/paid' }))
        .status,
    ).toBe(200)
    expect(
      (
        await deliver(app, source, fixture('shopify-orders_create-1.json'), {
          topic: 'orders/create',
        })
      ).status,
    ).toBe(200)
    const [paid, sample] = eventsOf(source.id)
    expect(paid).toMatchObject({
      stage: 'purchase_approved',
      totalMinor: 262995,
      currency: 'USD',
      orderId: '5324830114101',
    })
    expect(sample!.orderId).toBe('820982911946154508')
  })

  it('answers 200 to every fixture that is a webhook', async () => {
    const secrets = {
      kiwify: 'kiwi-token',
      hotmart: 'hottok-x1',
      shopify: 'shpss_x',
      nuvemshop: 'nuvem-secret',
    } as const
    const sources: Record<string, TestSource> = {}
    for (const platform of ['kiwify', 'hotmart', 'shopify', 'nuvemshop'] as const) {
      sources[platform] = await addSource(app, {
        platform,
        name: platform,
        secret: secrets[platform],
      })
    }
    const topics: Record<string, string> = {
      'shopify-checkouts_create-1.json': 'checkouts/create',
      'shopify-disputes_create-1.json': 'disputes/create',
      'shopify-orders_cancelled-1.json': 'orders/cancelled',
      'shopify-orders_create-1.json': 'orders/create',
      'shopify-orders_paid-1.json': 'orders/paid',
    }
    const webhooks = [
      ...[
        'APPROVED',
        'BILLET_PRINTED',
        'CANCELED',
        'CHARGEBACK',
        'EXPIRED',
        'OUT_OF_SHOPPING_CART',
        'PROTEST',
        'REFUNDED',
      ].map((e) => `hotmart-PURCHASE_${e}-1.json`),
      'hotmart-PURCHASE_BILLET_PRINTED-2.json',
      'hotmart-SUBSCRIPTION_CANCELLATION-1.json',
      'kiwify-abandoned_cart-1.json',
      'kiwify-billet_created-1.json',
      'kiwify-order_approved-1.json',
      'kiwify-pix_created-1.json',
      ...Object.keys(topics),
      'nuvemshop-order_paid-1.json',
      'nuvemshop-product_created-1.json',
    ]
    for (const file of webhooks) {
      const source = sources[file.split('-')[0]!]!
      const answer = await deliver(app, source, fixture(file), { topic: topics[file] })
      expect(answer.status, `${file}: ${answer.body}`).toBe(200)
    }
    // Every body makes one event, but Nuvemshop's (enriched after the answer) and product/created.
    expect(countEvents(app)).toBe(webhooks.length - 2)
    expect(lastDelivery(app, sources.nuvemshop!.id)).toMatchObject({
      outcome: 'unsupported',
      reason: expect.stringContaining('product/created'),
    })
  })
})

describe('refusing what is not a valid delivery', () => {
  let source: TestSource
  beforeEach(async () => {
    source = await addSource(app, { platform: 'shopify', name: 'Shopify', secret: 'shpss_right' })
  })

  it('refuses a Shopify delivery signed with another secret, stores nothing and logs why', async () => {
    const answer = await deliver(app, source, fixture('shopify-orders_paid-1.json'), {
      topic: 'orders/paid',
      secret: 'shpss_wrong',
    })
    expect(answer.status).toBe(401)
    expect(countEvents(app)).toBe(0)
    expect(lastDelivery(app, source.id)).toMatchObject({
      verified: 0,
      outcome: 'refused',
      http_status: 401,
      reason: 'signature mismatch',
      body: null,
    })
  })

  it('refuses a body with one byte changed after signing', async () => {
    const body = fixture('kiwify-pix_created-1.json')
    const kiwify = await addSource(app, {
      platform: 'kiwify',
      name: 'Kiwify',
      secret: 'tok-123456',
    })
    const { query } = await import('../../src/main/platforms').then((m) =>
      m.signDelivery('kiwify', body, 'tok-123456'),
    )
    const tampered = Buffer.from(body)
    tampered[tampered.indexOf('6772')] = '9'.charCodeAt(0)
    const answer = await send(app.receiverUrl, `${kiwify.path}?${query}`, {
      body: tampered,
      headers: { 'content-type': 'application/json' },
    })
    expect(answer.status).toBe(401)
    expect(countEvents(app)).toBe(0)
    expect(lastDelivery(app, kiwify.id).reason).toBe('signature mismatch')
  })

  it('refuses a delivery without the signature header and says which header is missing', async () => {
    const answer = await send(app.receiverUrl, source.path, {
      body: '{"id":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(answer.status).toBe(401)
    expect(lastDelivery(app, source.id).reason).toMatch(/missing X-Shopify-Hmac-Sha256/i)
  })

  it('answers 404 to an unknown webhook key without logging it anywhere', async () => {
    const answer = await send(app.receiverUrl, '/hooks/unknownkey1234567890', { body: '{}' })
    expect(answer.status).toBe(404)
    expect(app.db.all(app.db.kysely.selectFrom('deliveries').selectAll())).toHaveLength(0)
  })

  it('answers 405 to a wrong method and 404 to any other route', async () => {
    expect((await send(app.receiverUrl, source.path, { method: 'GET' })).status).toBe(405)
    expect((await send(app.receiverUrl, source.path, { method: 'PUT', body: '{}' })).status).toBe(
      405,
    )
    expect((await send(app.receiverUrl, '/api/listSources', { body: '{}' })).status).toBe(404)
    expect((await send(app.receiverUrl, '/', { method: 'GET' })).status).toBe(404)
    expect((await send(app.receiverUrl, '/health', { method: 'GET' })).status).toBe(200)
  })

  it('answers 413 to a body over 1 MiB and logs it', async () => {
    const answer = await send(app.receiverUrl, source.path, {
      body: Buffer.alloc(1024 * 1024 + 10, 0x20),
      headers: { 'content-type': 'application/json' },
    })
    expect(answer.status).toBe(413)
    expect(lastDelivery(app, source.id)).toMatchObject({ outcome: 'too_large', http_status: 413 })
  })

  it('answers 400 to malformed JSON that carries a valid signature, and logs it', async () => {
    const answer = await deliver(app, source, Buffer.from('{"id": 1, "total_price": '), {
      topic: 'orders/paid',
    })
    expect(answer.status).toBe(400)
    expect(countEvents(app)).toBe(0)
    expect(lastDelivery(app, source.id)).toMatchObject({
      outcome: 'malformed',
      verified: 1,
      http_status: 400,
    })
  })

  it('accepts an event it does not use with 200 and shows it in the delivery log as unsupported', async () => {
    const hotmart = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-1234',
    })
    const body = Buffer.from(
      JSON.stringify({
        id: 'f0e1',
        creation_date: 1700000000000,
        event: 'CLUB_FIRST_ACCESS',
        version: '2.0.0',
        data: {},
      }),
    )
    expect((await deliver(app, hotmart, body)).status).toBe(200)
    expect(countEvents(app)).toBe(0)
    const logged = await app.handlers.listDeliveries({ sourceId: hotmart.id })
    expect(logged[0]).toMatchObject({
      outcome: 'unsupported',
      verified: true,
      reason: expect.stringContaining('CLUB_FIRST_ACCESS'),
    })
  })
})

describe('exactly once', () => {
  it('stores one event when the same delivery arrives twice', async () => {
    const source = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-1234',
    })
    const body = fixture('hotmart-PURCHASE_APPROVED-1.json')
    expect((await deliver(app, source, body)).status).toBe(200)
    const again = await deliver(app, source, body)
    expect(again.status).toBe(200)
    expect(JSON.parse(again.body)).toMatchObject({ outcome: 'duplicate', events: 0 })
    expect(countEvents(app)).toBe(1)
  })

  it('stores 1,000 distinct deliveries sent concurrently, with no error', async () => {
    const source = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-1234',
    })
    const template = JSON.parse(fixture('hotmart-PURCHASE_APPROVED-1.json').toString()) as {
      id: string
      data: { purchase: { transaction: string } }
    }
    const bodies = Array.from({ length: 1000 }, (_, i) => {
      template.id = `bulk-${i}`
      template.data.purchase.transaction = `HPBULK${i}`
      return Buffer.from(JSON.stringify(template))
    })
    const answers = await Promise.all(bodies.map((body) => deliver(app, source, body)))
    expect(answers.filter((a) => a.status !== 200)).toEqual([])
    expect(countEvents(app, source.id)).toBe(1000)
  })

  it('flags a source whose event arrives under two delivery ids (two webhooks configured)', async () => {
    const source = await addSource(app, {
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-1234',
    })
    const body = JSON.parse(fixture('hotmart-PURCHASE_BILLET_PRINTED-2.json').toString()) as {
      id: string
    }
    await deliver(app, source, Buffer.from(JSON.stringify(body)))
    body.id = 'second-webhook-envelope-id'
    const second = await deliver(app, source, Buffer.from(JSON.stringify(body)))
    expect(second.status).toBe(200)
    expect(countEvents(app, source.id)).toBe(1)
    const [view] = await app.handlers.listSources(undefined)
    expect(view!.duplicateConfig?.detail).toMatch(/two webhooks/)
  })
})
