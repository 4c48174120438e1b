// Automatic webhook registration against fake Kiwify, Nuvemshop and Shopify APIs (real HTTP on
// 127.0.0.1), manual sources, repointing after a public URL change, source health and test
// events through the real receiver.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/api/handlers'
import type { App } from '../../src/main/app'
import { countEvents, deliver, fixture, testApp } from '../helpers/app'
import { KIWIFY_FAKE_CREDENTIALS, startFakeKiwify } from '../helpers/fake-kiwify'
import { startFakeNuvemshop } from '../helpers/fake-nuvemshop'
import type { FakeServer } from '../helpers/fake-server'
import { startFakeShopify } from '../helpers/fake-shopify'

const PUBLIC = 'https://loja-recupera.loca.lt'
const NEW_PUBLIC = 'https://outra-url.loca.lt'

let app: App | null = null
const fakes: FakeServer[] = []
afterEach(async () => {
  await app?.close()
  app = null
  for (const fake of fakes.splice(0)) await fake.close()
})

async function kiwifySource(a: App, apiBase: string) {
  return a.handlers.createSource({
    platform: 'kiwify',
    name: 'Curso Kiwify',
    apiBase,
    ...KIWIFY_FAKE_CREDENTIALS,
  })
}

describe('Kiwify registration', () => {
  it('signs in once, creates one webhook with every Portuguese trigger and the source token', async () => {
    const kiwify = await startFakeKiwify()
    fakes.push(kiwify)
    app = await testApp()
    const { source, secret } = await kiwifySource(app, kiwify.url)
    const view = await app.registration.registration.registerSource(source.id, PUBLIC)

    expect(view).toMatchObject({ mode: 'automatic', status: 'registered', warning: null })
    expect(view.url).toBe(`${PUBLIC}${source.webhookPath}`)
    const [hook, ...others] = [...kiwify.webhooks.values()]
    expect(others).toHaveLength(0)
    expect(hook).toMatchObject({ url: view.url, products: 'all', token: secret })
    expect(hook!.triggers).toEqual(
      expect.arrayContaining([
        'carrinho_abandonado',
        'pix_gerado',
        'boleto_gerado',
        'compra_aprovada',
      ]),
    )
    expect(hook!.triggers).toHaveLength(10)
    const calls = kiwify.requests.filter((r) => r.path.startsWith('/v1/webhooks'))
    for (const call of calls) {
      expect(call.headers['x-kiwify-account-id']).toBe(KIWIFY_FAKE_CREDENTIALS.accountId)
      expect(call.headers.authorization).toMatch(/^Bearer [0-9a-f]{32}$/)
    }
    expect(kiwify.tokensIssued()).toBe(1)
    const row = app.sources.row(source.id)
    expect(JSON.parse(row.registration_json!)).toMatchObject({
      url: view.url,
      subscriptions: [{ id: hook!.id, topic: 'all' }],
    })
    expect(row.registration_checked_at).toBeGreaterThan(0)
  })

  it('refreshes an expired token once on 401 and repoints the same webhook when the URL changes', async () => {
    const kiwify = await startFakeKiwify()
    fakes.push(kiwify)
    app = await testApp()
    const { source } = await kiwifySource(app, kiwify.url)
    await app.registration.registration.registerSource(source.id, PUBLIC)
    const id = [...kiwify.webhooks.keys()][0]

    kiwify.expireTokens()
    const results = await app.registration.repointAll(NEW_PUBLIC)

    expect(results).toEqual([{ sourceId: source.id, status: 'registered' }])
    expect(kiwify.tokensIssued()).toBe(2)
    expect([...kiwify.webhooks.keys()]).toEqual([id])
    expect(kiwify.webhooks.get(id!)!.url).toBe(`${NEW_PUBLIC}${source.webhookPath}`)
    const check = await app.registration.registration.checkRegistration(source.id, NEW_PUBLIC)
    expect(check).toMatchObject({ status: 'registered', problems: [] })
  })

  it('hands Kiwify the new token on rotation and keeps the old one valid until confirmed', async () => {
    const kiwify = await startFakeKiwify()
    fakes.push(kiwify)
    app = await testApp()
    const { source, secret: old } = await kiwifySource(app, kiwify.url)
    await app.registration.registration.registerSource(source.id, app.receiverUrl)
    const rotated = await app.handlers.rotateSecret({ id: source.id })
    expect(rotated.secret).not.toBe(old)
    expect(rotated.source.rotating).toBe(true)
    expect([...kiwify.webhooks.values()][0]!.token).toBe(rotated.secret)

    const target = {
      id: source.id,
      platform: 'kiwify' as const,
      secret: old,
      path: source.webhookPath,
    }
    expect((await deliver(app, target, fixture('kiwify-order_approved-1.json'))).status).toBe(200)
    await app.handlers.confirmRotation({ id: source.id })
    const refused = await deliver(app, target, fixture('kiwify-pix_created-1.json'))
    expect(refused.status).toBe(401)
    const fresh = await deliver(
      app,
      { ...target, secret: rotated.secret },
      fixture('kiwify-pix_created-1.json'),
    )
    expect(fresh.status).toBe(200)
  })

  it('records a failed sign-in without echoing the credentials', async () => {
    const kiwify = await startFakeKiwify({ ...KIWIFY_FAKE_CREDENTIALS, clientSecret: 'other' })
    fakes.push(kiwify)
    app = await testApp()
    const { source } = await kiwifySource(app, kiwify.url)
    const view = await app.handlers.registerSource({ id: source.id })
    expect(view.status).toMatch(/^failed: kiwify: signing in .*HTTP 401/)
    expect(view.status).not.toContain(KIWIFY_FAKE_CREDENTIALS.clientSecret)
    // No tunnel in tests: the attempted URL is the local receiver's.
    expect(view.warning).toBe('local_url')
    const health = await app.handlers.sourceHealth({ id: source.id })
    expect(health.warnings.map((w) => w.code)).toContain('registration_failed')
  })
})

describe('Nuvemshop registration', () => {
  it('creates one webhook per order event with Authentication: bearer and a User-Agent', async () => {
    const nuvem = await startFakeNuvemshop('2332874', 'tok-nuvem-1')
    fakes.push(nuvem)
    nuvem.refusedEvents.add('order/pending')
    app = await testApp()
    const { source } = await app.handlers.createSource({
      platform: 'nuvemshop',
      name: 'Loja Nuvem',
      secret: 'client-secret-nuvem',
      storeId: '2332874',
      apiToken: 'tok-nuvem-1',
      apiBase: nuvem.apiBase,
    })
    nuvem.throttle(1, 50)
    const view = await app.registration.registration.registerSource(source.id, PUBLIC)

    expect(view.status).toBe('registered')
    expect(view.problems).toEqual(['order/pending not offered by the platform'])
    const events = [...nuvem.webhooks.values()].map((h) => h.event).sort()
    expect(events).toEqual([
      'order/cancelled',
      'order/created',
      'order/paid',
      'order/updated',
      'order/voided',
    ])
    for (const req of nuvem.requests) {
      expect(req.headers.authentication).toBe('bearer tok-nuvem-1')
      expect(req.headers['user-agent']).toBe('Recupera (suporte@recupera.app)')
      expect(req.headers.authorization).toBeUndefined()
    }
    expect(nuvem.requests[0]!.path).toBe('/2332874/webhooks')

    const paid = [...nuvem.webhooks.values()].find((h) => h.event === 'order/paid')!
    nuvem.webhooks.delete(paid.id)
    const check = await app.handlers.checkRegistration({ id: source.id })
    expect(check.status).toMatch(/^incomplete: .*missing order\/paid/)
    // Registering again fills the gap and repoints nothing else.
    const again = await app.registration.registration.registerSource(source.id, PUBLIC)
    expect(again.status).toBe('registered')
    expect(nuvem.webhooks.size).toBe(5)

    const removed = await app.handlers.unregisterSource({ id: source.id })
    expect(removed.status).toBe('unregistered')
    expect(nuvem.webhooks.size).toBe(0)
  })

  it('reports the platform refusing a local URL', async () => {
    const nuvem = await startFakeNuvemshop('55', 'tok')
    fakes.push(nuvem)
    app = await testApp()
    const { source } = await app.handlers.createSource({
      platform: 'nuvemshop',
      name: 'Loja',
      secret: 'secret-1',
      storeId: '55',
      apiToken: 'tok-',
      apiBase: nuvem.apiBase,
    })
    await app.handlers.updateSource({ id: source.id, credentials: { apiToken: 'tok' } })
    const view = await app.handlers.registerSource({ id: source.id })
    expect(view.status).toMatch(
      /^failed: nuvemshop: creating order\/created failed with HTTP 422: .*HTTPS/,
    )
    expect(view.warning).toBe('local_url')
  })
})

describe('Shopify registration', () => {
  it('subscribes to every topic through GraphQL and repoints them to a new URL', async () => {
    const shopify = await startFakeShopify('shpat_test_123')
    fakes.push(shopify)
    app = await testApp()
    const { source } = await app.handlers.createSource({
      platform: 'shopify',
      name: 'Loja Shopify',
      secret: 'app-secret-1',
      shopDomain: 'minha-loja.myshopify.com',
      adminToken: 'shpat_test_123',
      apiBase: shopify.url,
    })
    const view = await app.registration.registration.registerSource(source.id, PUBLIC)
    expect(view.status).toBe('registered')
    expect(view.subscriptions.map((s) => s.topic).sort()).toEqual(
      [
        'CHECKOUTS_CREATE',
        'CHECKOUTS_UPDATE',
        'DISPUTES_CREATE',
        'ORDERS_CANCELLED',
        'ORDERS_CREATE',
        'ORDERS_PAID',
        'ORDER_TRANSACTIONS_CREATE',
        'REFUNDS_CREATE',
      ].sort(),
    )
    for (const req of shopify.requests) {
      expect(req.headers['x-shopify-access-token']).toBe('shpat_test_123')
      expect(req.path).toMatch(/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/)
    }
    await app.registration.repointAll(NEW_PUBLIC)
    const uris = new Set([...shopify.subscriptions.values()].map((s) => s.uri))
    expect(uris).toEqual(new Set([`${NEW_PUBLIC}${source.webhookPath}`]))
    expect(shopify.subscriptions.size).toBe(8)
  })

  it('turns userErrors into a failed status with the platform message', async () => {
    const shopify = await startFakeShopify('shpat_x')
    fakes.push(shopify)
    app = await testApp()
    const { source } = await app.handlers.createSource({
      platform: 'shopify',
      name: 'Loja',
      secret: 'app-secret-1',
      shopDomain: 'loja',
      adminToken: 'shpat_x',
      apiBase: shopify.url,
    })
    const view = await app.registration.registration.registerSource(
      source.id,
      'http://insecure.example',
    )
    expect(view.status).toBe(
      'failed: shopify: subscribing to CHECKOUTS_CREATE: Address protocol http:// is not supported',
    )
  })
})

describe('manual sources', () => {
  it('records the URL shown for Hotmart and flags it when the public URL changes', async () => {
    app = await testApp()
    const { source } = await app.handlers.createSource({
      platform: 'hotmart',
      name: 'Hotmart',
      secret: 'hottok-123456',
    })
    expect(app.sources.row(source.id).registration_status).toBe('manual')
    const results = await app.registration.repointAll(NEW_PUBLIC)
    expect(results).toEqual([{ sourceId: source.id, status: 'needs_manual_update' }])
    const health = await app.handlers.sourceHealth({ id: source.id })
    expect(health.registration).toMatchObject({ mode: 'manual', status: 'needs_manual_update' })
    expect(health.warnings.map((w) => w.code)).toContain('needs_manual_update')
    // The owner pasted it: registering a manual source records the current URL again.
    const done = await app.handlers.registerSource({ id: source.id })
    expect(done.status).toBe('manual')
  })
})

describe('source health and test events', () => {
  it('sends a signed test event to the local receiver and stores it as a test', async () => {
    app = await testApp()
    for (const input of [
      { platform: 'kiwify' as const, name: 'K' },
      { platform: 'hotmart' as const, name: 'H', secret: 'hottok-abcdef' },
      { platform: 'shopify' as const, name: 'S', secret: 'shopify-secret' },
    ]) {
      const { source } = await app.handlers.createSource(input)
      const result = await app.handlers.sendTestEvent({ id: source.id })
      expect(result).toMatchObject({ via: 'local', httpStatus: 200, outcome: 'stored' })
      const event = app.db.first(
        app.db.kysely.selectFrom('events').selectAll().where('source_id', '=', source.id),
      )!
      expect(event.test, input.platform).toBe(1)
      // A second test is a new event, not a duplicate.
      await app.handlers.sendTestEvent({ id: source.id })
      expect(countEvents(app, source.id)).toBe(2)
    }
  })

  it('reports refusals with reasons, deliveries in 24 h, a disabled source and silence', async () => {
    let now = Date.parse('2026-03-02T12:00:00Z')
    app = await testApp({ clock: () => now })
    const { source, secret } = await app.handlers.createSource({ platform: 'kiwify', name: 'K' })
    const target = { id: source.id, platform: 'kiwify' as const, secret, path: source.webhookPath }
    await deliver(app, target, fixture('kiwify-order_approved-1.json'))
    await deliver(app, { ...target, secret: 'wrong-secret' }, fixture('kiwify-pix_created-1.json'))
    let health = await app.handlers.sourceHealth({ id: source.id })
    expect(health.deliveries24h).toEqual({ total: 2, stored: 1, duplicate: 0, refused: 1 })
    expect(health.refusals[0]).toMatchObject({ outcome: 'refused', httpStatus: 401 })
    expect(health.refusals[0]!.reason).toBeTruthy()
    expect(health.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['refusals', 'local_url']),
    )
    expect(health.tunnel.state).toBeDefined()

    now += 30 * 3_600_000
    await app.handlers.updateSource({ id: source.id, enabled: false })
    health = await app.handlers.sourceHealth({ id: source.id })
    expect(health.warnings).toEqual(expect.arrayContaining([{ code: 'disabled' }]))
    await app.handlers.updateSource({ id: source.id, enabled: true })
    health = await app.handlers.sourceHealth({ id: source.id })
    expect(health.warnings).toContainEqual({ code: 'no_events', hours: 30 })
    expect(health.deliveries24h.total).toBe(0)
  })

  it('validates the new operations at the boundary', async () => {
    app = await testApp()
    const bad = await dispatch(app.handlers, 'updateSource', { id: 'x', enabled: 'yes' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const missing = await dispatch(app.handlers, 'sourceHealth', { id: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
