// A customer's journey across events: order state by event time, contact matching across
// phone variants and e-mail, anonymous buyers, and Shopify's abandonment timer.
import { afterEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/main/app'
import { addSource, countEvents, deliver, fixture, type TestSource, testApp } from '../helpers/app'

let app: App
let now = Date.parse('2026-06-08T19:00:00Z')
afterEach(async () => {
  await app.close()
})

type Json = Record<string, unknown> & { Customer: Record<string, unknown> }
const kiwify = (file: string, patch: (body: Json) => void): Buffer => {
  const body = JSON.parse(fixture(file).toString()) as Json
  patch(body)
  return Buffer.from(JSON.stringify(body))
}
const orderOf = (sourceId: string, orderKey: string) =>
  app.db.first(
    app.db.kysely
      .selectFrom('orders')
      .selectAll()
      .where('source_id', '=', sourceId)
      .where('order_key', '=', orderKey),
  )
const conversations = () => app.db.all(app.db.kysely.selectFrom('conversations').selectAll())

describe('order state', () => {
  it('never lets a late pix_generated override an approval that happened after it', async () => {
    app = await testApp()
    const source = await addSource(app, { platform: 'kiwify', name: 'Kiwify' })
    const orderId = 'order-late-pix'
    const approved = kiwify('kiwify-order_approved-1.json', (b) => {
      b.order_id = orderId
      b.approved_date = '2026-06-08 16:00'
    })
    const pix = kiwify('kiwify-pix_created-1.json', (b) => {
      b.order_id = orderId
      b.created_at = '2026-06-08 15:42'
    })
    await deliver(app, source, approved)
    await deliver(app, source, pix)
    expect(countEvents(app, source.id)).toBe(2)
    expect(orderOf(source.id, orderId)).toMatchObject({ stage: 'purchase_approved' })
    const [conversation] = conversations()
    expect(conversation).toMatchObject({ last_stage: 'purchase_approved' })
  })

  it('links a Shopify refund that names only the order id to the journey keyed by checkout token', async () => {
    app = await testApp()
    const source = await addSource(app, { platform: 'shopify', name: 'Shopify', secret: 'shpss_x' })
    await deliver(app, source, fixture('shopify-orders_paid-1.json'), { topic: 'orders/paid' })
    // Written by hand: the refund id is above 2^53, as Shopify's are.
    const refund = `{"id":9007199254740993,"order_id":5324830114101,"created_at":"2026-03-25T12:00:00-04:00","processed_at":"2026-03-25T12:00:00-04:00","transactions":[{"amount":"2629.95","currency":"USD","kind":"refund","status":"success"}]}`
    expect(
      (await deliver(app, source, Buffer.from(refund), { topic: 'refunds/create' })).status,
    ).toBe(200)
    expect(orderOf(source.id, '2b9ba639fb81a1fb61a02be4c95459b5')).toMatchObject({
      stage: 'purchase_refunded',
    })
  })
})

describe('contacts', () => {
  it('matches one contact across Brazilian phone variants and e-mail', async () => {
    app = await testApp()
    const source = await addSource(app, { platform: 'kiwify', name: 'Kiwify' })
    const variants = ['+5541988887777', '(41) 98888-7777', '5541988887777', '4188887777']
    for (const [i, mobile] of variants.entries()) {
      await deliver(
        app,
        source,
        kiwify('kiwify-pix_created-1.json', (b) => {
          b.order_id = `phone-${i}`
          b.Customer.mobile = mobile
          b.Customer.email = `other${i}@example.com`
        }),
      )
    }
    await deliver(
      app,
      source,
      kiwify('kiwify-pix_created-1.json', (b) => {
        b.order_id = 'email-only'
        b.Customer.mobile = null
        b.Customer.email = 'OTHER0@example.com'
      }),
    )
    expect(countEvents(app)).toBe(5)
    const contacts = app.db.all(app.db.kysely.selectFrom('contacts').selectAll())
    expect(contacts).toHaveLength(1)
    expect(contacts[0]).toMatchObject({ phone: '+5541988887777' })
    expect(conversations()).toHaveLength(1)
  })

  it('gives an anonymous buyer (no phone, no e-mail) a conversation keyed by the order', async () => {
    app = await testApp()
    const source = await addSource(app, { platform: 'shopify', name: 'Shopify', secret: 'shpss_x' })
    await deliver(app, source, fixture('shopify-orders_paid-1.json'), { topic: 'orders/paid' })
    const [contact] = app.db.all(app.db.kysely.selectFrom('contacts').selectAll())
    expect(contact).toMatchObject({
      phone: null,
      email: null,
      anonymous_key: expect.stringMatching(/^shopify:/),
    })
    expect(conversations()).toHaveLength(1)
  })
})

describe('Shopify checkouts', () => {
  const checkoutToken = '84ad78572dae52a8cbea7d55371afe89'

  /** The captured checkout, updated later with what the buyer typed. */
  const checkoutUpdate = (patch: Record<string, unknown>) => {
    const body = JSON.parse(fixture('shopify-checkouts_create-1.json').toString()) as Record<
      string,
      unknown
    >
    return Buffer.from(JSON.stringify({ ...body, updated_at: '2030-01-01T00:00:00Z', ...patch }))
  }

  async function withCheckout(): Promise<TestSource> {
    app = await testApp({ clock: () => now })
    await app.handlers.updateSettings({ abandonDelayMinutes: 60 })
    const source = await addSource(app, { platform: 'shopify', name: 'Shopify', secret: 'shpss_x' })
    const answer = await deliver(app, source, fixture('shopify-checkouts_create-1.json'), {
      topic: 'checkouts/create',
    })
    expect(answer.status).toBe(200)
    return source
  }

  it('become cart_abandoned when no order arrives within the delay, durably scheduled', async () => {
    const source = await withCheckout()
    now += 59 * 60_000
    await app.scheduler.tick()
    expect(orderOf(source.id, checkoutToken)).toMatchObject({ stage: 'checkout_started' })
    now += 2 * 60_000
    await app.scheduler.tick()
    expect(orderOf(source.id, checkoutToken)).toMatchObject({ stage: 'cart_abandoned' })
    const abandoned = app.db.first(
      app.db.kysely.selectFrom('events').selectAll().where('stage', '=', 'cart_abandoned'),
    )
    expect(abandoned).toMatchObject({
      checkout_url: expect.stringContaining('/checkouts/'),
      total_minor: 60000,
    })
  })

  it('never become abandoned when the order with the same token arrives in time', async () => {
    const source = await withCheckout()
    const order = JSON.parse(fixture('shopify-orders_paid-1.json').toString()) as Record<
      string,
      unknown
    >
    order.checkout_token = checkoutToken
    // The order happens after the checkout (the captured fixtures come from different days).
    for (const field of ['created_at', 'updated_at', 'processed_at'])
      order[field] = '2030-02-01T00:00:00Z'
    await deliver(app, source, Buffer.from(JSON.stringify(order)), { topic: 'orders/paid' })
    now += 2 * 3600_000
    await app.scheduler.tick()
    expect(orderOf(source.id, checkoutToken)).toMatchObject({ stage: 'purchase_approved' })
    expect(
      app.db.all(
        app.db.kysely.selectFrom('events').select('stage').where('stage', '=', 'cart_abandoned'),
      ),
    ).toHaveLength(0)
  })

  it('fold repeated checkouts/update deliveries into one card', async () => {
    const source = await withCheckout()
    const update = JSON.parse(fixture('shopify-checkouts_create-1.json').toString()) as Record<
      string,
      unknown
    >
    update.updated_at = '2030-01-01T00:00:00Z'
    update.total_price = '700.00'
    await deliver(app, source, Buffer.from(JSON.stringify(update)), {
      topic: 'checkouts/update',
      webhookId: 'upd-1',
    })
    expect(countEvents(app, source.id)).toBe(1)
    const card = app.db.first(app.db.kysely.selectFrom('events').selectAll())
    expect(card).toMatchObject({ total_minor: 70000, stage: 'checkout_started' })
  })

  it('give an anonymous checkout its buyer when an update brings the e-mail', async () => {
    const source = await withCheckout()
    const [anonymous] = app.db.all(app.db.kysely.selectFrom('contacts').selectAll())
    expect(anonymous).toMatchObject({ email: null, anonymous_key: expect.any(String) })
    await deliver(app, source, checkoutUpdate({ email: 'Maria@Example.com' }), {
      topic: 'checkouts/update',
      webhookId: 'upd-email',
    })
    const contacts = app.db.all(app.db.kysely.selectFrom('contacts').selectAll())
    expect(contacts).toEqual([
      expect.objectContaining({
        id: anonymous!.id,
        email: 'maria@example.com',
        anonymous_key: null,
      }),
    ])
  })

  it('move an anonymous checkout into the conversation of a buyer already known by e-mail', async () => {
    const source = await withCheckout()
    const kiwifySource = await addSource(app, { platform: 'kiwify', name: 'Kiwify' })
    await deliver(
      app,
      kiwifySource,
      kiwify('kiwify-pix_created-1.json', (b) => {
        b.Customer.email = 'maria@example.com'
      }),
    )
    expect(conversations()).toHaveLength(2)
    const known = app.db.first(
      app.db.kysely.selectFrom('contacts').selectAll().where('email', '=', 'maria@example.com'),
    )!
    const note = await app.handlers.addNote({
      conversationId: app.db.first(
        app.db.kysely
          .selectFrom('events')
          .select('conversation_id')
          .where('stage', '=', 'checkout_started'),
      )!.conversation_id!,
      body: 'ligar amanhã',
    })

    await deliver(app, source, checkoutUpdate({ email: 'maria@example.com' }), {
      topic: 'checkouts/update',
      webhookId: 'upd-known',
    })
    expect(conversations()).toHaveLength(1)
    const card = app.db.first(
      app.db.kysely.selectFrom('events').selectAll().where('stage', '=', 'checkout_started'),
    )!
    expect(card.contact_id).toBe(known.id)
    expect(orderOf(source.id, checkoutToken)).toMatchObject({ contact_id: known.id })
    const detail = await app.handlers.getConversation({ id: card.conversation_id! })
    expect(detail.timeline.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['event', 'event', 'note']),
    )
    expect(detail.timeline.find((item) => item.kind === 'note')).toMatchObject({
      note: { id: note.id },
    })
  })
})
