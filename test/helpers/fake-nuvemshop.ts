// Fake Nuvemshop API for one store: webhooks CRUD, the order fetch and the checkout list.
// Checks `Authentication: bearer <token>` (not Authorization), a User-Agent (400 without it,
// as the real one), HTTPS non-local webhook URLs, and can answer 429 with x-rate-limit-reset.
import { type FakeServer, jsonBody, type Recorded, startFakeServer } from './fake-server'

export interface NuvemshopHook {
  id: number
  event: string
  url: string
}

export interface FakeNuvemshop extends FakeServer {
  /** The base to give a source (`apiBase`): the store id follows it in every path. */
  apiBase: string
  webhooks: Map<number, NuvemshopHook>
  /** Order JSON texts by id, served by GET /{store}/orders/{id}. */
  orders: Map<string, string>
  checkouts: unknown[]
  /** The next `count` requests answer 429 (with x-rate-limit-reset unless resetMs is null). */
  throttle(count: number, resetMs?: number | null): void
  /** Events POST /webhooks refuses with 422 (to simulate an event the store does not offer). */
  refusedEvents: Set<string>
}

export async function startFakeNuvemshop(storeId: string, token: string): Promise<FakeNuvemshop> {
  const webhooks = new Map<number, NuvemshopHook>()
  const orders = new Map<string, string>()
  const refusedEvents = new Set<string>()
  const state = { throttled: 0, resetMs: 1000 as number | null, nextId: 1000 }
  const fake: Partial<FakeNuvemshop> = {}
  const route = (req: Recorded) => {
    if (state.throttled > 0) {
      state.throttled--
      const headers: Record<string, string> = { 'x-rate-limit-limit': '40' }
      if (state.resetMs !== null) headers['x-rate-limit-reset'] = String(state.resetMs)
      return { status: 429, body: { code: 429, message: 'Too Many Requests' }, headers }
    }
    if (req.headers.authentication !== `bearer ${token}` || req.headers.authorization)
      return {
        status: 401,
        body: { code: 401, message: 'Unauthorized', description: 'Invalid access token' },
      }
    if (!String(req.headers['user-agent'] ?? '').includes('@'))
      return {
        status: 400,
        body: {
          code: 400,
          message: 'Bad Request',
          description: 'User-Agent must name the app and a contact',
        },
      }
    const prefix = `/${storeId}`
    if (!req.path.startsWith(`${prefix}/`))
      return { status: 404, body: { message: 'store not found' } }
    return storeRoute(req, req.path.slice(prefix.length), {
      webhooks,
      orders,
      refusedEvents,
      state,
      fake,
    })
  }
  const server = await startFakeServer(route)
  Object.assign(fake, {
    ...server,
    apiBase: server.url,
    webhooks,
    orders,
    checkouts: [],
    refusedEvents,
    throttle(count: number, resetMs: number | null = 1000) {
      state.throttled = count
      state.resetMs = resetMs
    },
  })
  return fake as FakeNuvemshop
}

interface StoreState {
  webhooks: Map<number, NuvemshopHook>
  orders: Map<string, string>
  refusedEvents: Set<string>
  state: { nextId: number }
  fake: Partial<FakeNuvemshop>
}

function storeRoute(req: Recorded, path: string, s: StoreState) {
  const order = /^\/orders\/(\d+)$/.exec(path)
  if (order && req.method === 'GET') {
    const text = s.orders.get(order[1]!)
    return text
      ? { status: 200, body: text }
      : { status: 404, body: { code: 404, message: 'Not Found' } }
  }
  if (path === '/checkouts' && req.method === 'GET') {
    const page = Number(req.query.get('page') ?? 1)
    const perPage = Number(req.query.get('per_page') ?? 30)
    const items = (s.fake.checkouts ?? []).slice((page - 1) * perPage, page * perPage)
    if (page > 1 && items.length === 0)
      return { status: 404, body: { code: 404, message: 'Last page is 1' } }
    return { status: 200, body: items }
  }
  if (path === '/webhooks' && req.method === 'GET')
    return { status: 200, body: [...s.webhooks.values()] }
  if (path === '/webhooks' && req.method === 'POST') {
    const body = jsonBody(req)
    const problem = hookProblem(body)
    if (problem)
      return {
        status: 422,
        body: { code: 422, message: 'Unprocessable Entity', description: problem },
      }
    if (s.refusedEvents.has(String(body!.event)))
      return {
        status: 422,
        body: { code: 422, message: 'Unprocessable Entity', description: 'event is invalid' },
      }
    const hook = { id: s.state.nextId++, event: String(body!.event), url: String(body!.url) }
    s.webhooks.set(hook.id, hook)
    return { status: 201, body: { ...hook, created_at: new Date().toISOString() } }
  }
  const one = /^\/webhooks\/(\d+)$/.exec(path)
  const hook = one ? s.webhooks.get(Number(one[1])) : undefined
  if (!one || !hook) return { status: 404, body: { code: 404, message: 'Not Found' } }
  if (req.method === 'PUT') {
    const body = jsonBody(req)
    const problem = hookProblem({ event: hook.event, ...body })
    if (problem)
      return {
        status: 422,
        body: { code: 422, message: 'Unprocessable Entity', description: problem },
      }
    const updated = { ...hook, url: String(body!.url) }
    s.webhooks.set(hook.id, updated)
    return { status: 200, body: updated }
  }
  if (req.method === 'DELETE') {
    s.webhooks.delete(hook.id)
    return { status: 200, body: {} }
  }
  return { status: 405, body: { message: 'Method Not Allowed' } }
}

function hookProblem(body: Record<string, unknown> | null): string | null {
  if (!body) return 'body is not JSON'
  if (typeof body.event !== 'string' || !body.event.includes('/')) return 'event is invalid'
  if (typeof body.url !== 'string') return 'url is required'
  let url: URL
  try {
    url = new URL(body.url)
  } catch {
    return 'url is invalid'
  }
  if (url.protocol !== 'https:') return 'url must be HTTPS'
  if (url.hostname === 'localhost' || url.hostname.startsWith('127.')) return 'url cannot be local'
  return null
}
