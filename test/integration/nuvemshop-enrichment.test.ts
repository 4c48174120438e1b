// Nuvemshop's thin webhooks through the real receiver: the durable `nuvemshop.enrich` job
// fetches the order from a fake Nuvemshop API and stores the event; a 429 reschedules it; a
// restart keeps it. And the abandoned-checkout poll, whose re-polls store nothing new.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/main/app'
import { CHECKOUT_POLL_JOB, ENRICH_JOB } from '../../src/main/registration/nuvemshop-jobs'
import type { ApiEvent } from '../../src/shared/api'
import { countEvents, deliver, FIXTURES, fixture, type TestSource, testApp } from '../helpers/app'
import { type FakeNuvemshop, startFakeNuvemshop } from '../helpers/fake-nuvemshop'
import { tempDataDir } from '../helpers/serve'

const STORE = '2332874'
const ORDER = '807493102'
const TOKEN = 'nuvem-api-token-1'

let apps: App[] = []
let nuvem: FakeNuvemshop | null = null
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close()
  await nuvem?.close()
  nuvem = null
})

function clock(start = Date.parse('2026-03-02T12:00:00Z')) {
  const c = { now: start, fn: () => c.now }
  return c
}

async function setup(dataDir = tempDataDir(), c = clock()) {
  nuvem ??= await startFakeNuvemshop(STORE, TOKEN)
  nuvem.orders.set(ORDER, fixture('nuvemshop-order_resource-1.json').toString('utf8'))
  const app = await testApp({ dataDir, clock: c.fn })
  apps.push(app)
  return app
}

async function nuvemSource(app: App): Promise<TestSource> {
  const created = await app.handlers.createSource({
    platform: 'nuvemshop',
    name: 'Loja Nuvem',
    secret: 'nuvem-client-secret',
    storeId: STORE,
    apiToken: TOKEN,
    apiBase: nuvem!.apiBase,
  })
  // The first checkout poll runs at once; let it, so the tests below see only enrichment.
  await app.scheduler.tick()
  return {
    id: created.source.id,
    platform: 'nuvemshop',
    secret: created.secret,
    path: created.source.webhookPath,
  }
}

const jobs = (app: App, kind: string) =>
  app.db.all(app.db.kysely.selectFrom('jobs').selectAll().where('kind', '=', kind))

describe('Nuvemshop enrichment', () => {
  it('fetches the order after acknowledging the thin webhook and stores its event', async () => {
    const app = await setup()
    const source = await nuvemSource(app)
    const seen: ApiEvent[] = []
    app.bus.subscribe((e) => seen.push(e))

    const answer = await deliver(app, source, fixture('nuvemshop-order_paid-1.json'))
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ outcome: 'enrich_pending' })
    expect(jobs(app, ENRICH_JOB)).toHaveLength(1)

    await app.scheduler.tick()
    const fetches = nuvem!.requests.filter((r) => r.path === `/${STORE}/orders/${ORDER}`)
    expect(fetches).toHaveLength(1)
    expect(fetches[0]!.headers.authentication).toBe(`bearer ${TOKEN}`)
    expect(fetches[0]!.headers['user-agent']).toContain('suporte@recupera.app')
    expect(jobs(app, ENRICH_JOB)).toHaveLength(0)
    const event = app.db.first(
      app.db.kysely.selectFrom('events').selectAll().where('source_id', '=', source.id),
    )!
    expect(event).toMatchObject({
      stage: 'purchase_approved',
      event_type: 'order/paid',
      order_id: '450789469',
    })
    expect(seen.some((e) => e.type === 'event.created' && e.event.sourceId === source.id)).toBe(
      true,
    )

    // Nuvemshop retries the same webhook: acknowledged, nothing new fetched or stored.
    await deliver(app, source, fixture('nuvemshop-order_paid-1.json'))
    await app.scheduler.tick()
    expect(countEvents(app, source.id)).toBe(1)
  })

  it('waits out a 429 for as long as x-rate-limit-reset says, then stores the event', async () => {
    const c = clock()
    const app = await setup(tempDataDir(), c)
    const source = await nuvemSource(app)
    await deliver(app, source, fixture('nuvemshop-order_paid-1.json'))
    nuvem!.throttle(1, 7000)

    await app.scheduler.tick()
    const [waiting] = jobs(app, ENRICH_JOB)
    expect(waiting!.run_at).toBe(c.now + 7000)
    expect(countEvents(app, source.id)).toBe(0)

    c.now += 6000
    expect(await app.scheduler.tick()).toBe(0)
    c.now += 1000
    await app.scheduler.tick()
    expect(countEvents(app, source.id)).toBe(1)
    expect(jobs(app, ENRICH_JOB)).toHaveLength(0)
  })

  it('keeps a pending fetch across a restart (the job is a row)', async () => {
    const dataDir = tempDataDir()
    const first = await setup(dataDir)
    const source = await nuvemSource(first)
    nuvem!.throttle(1, 0)
    await deliver(first, source, fixture('nuvemshop-order_paid-1.json'))
    await first.scheduler.tick()
    expect(jobs(first, ENRICH_JOB)[0]!.attempts).toBe(0)
    await first.close()
    apps = apps.filter((a) => a !== first)

    const second = await setup(dataDir)
    expect(jobs(second, ENRICH_JOB)).toHaveLength(1)
    await second.scheduler.tick()
    expect(countEvents(second, source.id)).toBe(1)
  })

  it('drops a fetch for an order the store does not have', async () => {
    const app = await setup()
    const source = await nuvemSource(app)
    nuvem!.orders.clear()
    await deliver(app, source, fixture('nuvemshop-order_paid-1.json'))
    await app.scheduler.tick()
    expect(jobs(app, ENRICH_JOB)).toHaveLength(0)
    expect(countEvents(app, source.id)).toBe(0)
  })
})

describe('Nuvemshop abandoned checkout poll', () => {
  it('stores each abandoned checkout once however often it is polled', async () => {
    const c = clock()
    nuvem = await startFakeNuvemshop(STORE, TOKEN)
    nuvem.checkouts.push(
      JSON.parse(readFileSync(join(FIXTURES, 'nuvemshop-checkout_abandoned-1.json'), 'utf8')),
    )
    const app = await setup(tempDataDir(), c)
    const { source } = await app.handlers.createSource({
      platform: 'nuvemshop',
      name: 'Loja Nuvem',
      secret: 'nuvem-client-secret',
      storeId: STORE,
      apiToken: TOKEN,
      apiBase: nuvem.apiBase,
    })
    expect(jobs(app, CHECKOUT_POLL_JOB)).toHaveLength(1)
    await app.scheduler.tick()
    const stored = app.db.all(
      app.db.kysely.selectFrom('events').selectAll().where('source_id', '=', source.id),
    )
    expect(stored.map((e) => e.stage)).toEqual(['cart_abandoned'])
    expect(stored[0]!.checkout_url).toContain('/checkout/v3/order/proxy/411335234/')
    const [poll] = jobs(app, CHECKOUT_POLL_JOB)
    expect(poll!.run_at).toBe(c.now + 15 * 60_000)

    c.now += 15 * 60_000
    await app.scheduler.tick()
    expect(nuvem.requests.filter((r) => r.path === `/${STORE}/checkouts`)).toHaveLength(2)
    expect(countEvents(app, source.id)).toBe(1)
    expect(jobs(app, CHECKOUT_POLL_JOB)).toHaveLength(1)
  })

  it('does not poll a Nuvemshop source without an API token', async () => {
    const app = await setup()
    await app.handlers.createSource({
      platform: 'nuvemshop',
      name: 'Sem token',
      secret: 'nuvem-client-secret',
      storeId: STORE,
    })
    expect(jobs(app, CHECKOUT_POLL_JOB)).toHaveLength(0)
  })
})
