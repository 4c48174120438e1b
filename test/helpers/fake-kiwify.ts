// Fake Kiwify public API: OAuth client credentials, then webhooks CRUD. Checks the bearer
// token, `x-kiwify-account-id` and the webhook body, and can expire every token (the next call
// gets 401 and must sign in again).
import { randomBytes, randomUUID } from 'node:crypto'
import { type FakeServer, jsonBody, type Recorded, startFakeServer } from './fake-server'

export const KIWIFY_FAKE_CREDENTIALS = {
  clientId: 'kiwify-client-id-1',
  clientSecret: 'kiwify-client-secret-1',
  accountId: 'acc_3f9a2b',
}

const TRIGGERS = new Set([
  'carrinho_abandonado',
  'pix_gerado',
  'boleto_gerado',
  'compra_aprovada',
  'compra_recusada',
  'compra_reembolsada',
  'chargeback',
  'subscription_canceled',
  'subscription_late',
  'subscription_renewed',
])

export interface KiwifyHook {
  id: string
  name: string
  url: string
  products: string
  triggers: string[]
  token: string
}

export interface FakeKiwify extends FakeServer {
  webhooks: Map<string, KiwifyHook>
  tokensIssued(): number
  /** Invalidates every issued token: the next call answers 401. */
  expireTokens(): void
}

export async function startFakeKiwify(
  creds = KIWIFY_FAKE_CREDENTIALS,
  tokenTtlSeconds = 3600,
): Promise<FakeKiwify> {
  const tokens = new Set<string>()
  let issued = 0
  const webhooks = new Map<string, KiwifyHook>()
  const route = (req: Recorded) => {
    if (req.method === 'POST' && req.path === '/v1/oauth/token') {
      const form = new URLSearchParams(req.body)
      const formType = String(req.headers['content-type']).startsWith(
        'application/x-www-form-urlencoded',
      )
      if (
        !formType ||
        form.get('client_id') !== creds.clientId ||
        form.get('client_secret') !== creds.clientSecret
      )
        return { status: 401, body: { error: 'invalid_client' } }
      const token = randomBytes(16).toString('hex')
      tokens.add(token)
      issued++
      return {
        status: 200,
        body: { access_token: token, token_type: 'Bearer', expires_in: tokenTtlSeconds },
      }
    }
    const auth = String(req.headers.authorization ?? '')
    if (!auth.startsWith('Bearer ') || !tokens.has(auth.slice(7)))
      return { status: 401, body: { message: 'Unauthorized' } }
    if (req.headers['x-kiwify-account-id'] !== creds.accountId)
      return { status: 403, body: { message: 'account id missing or wrong' } }
    return webhooksRoute(req, webhooks)
  }
  const server = await startFakeServer(route)
  return {
    ...server,
    webhooks,
    tokensIssued: () => issued,
    expireTokens: () => tokens.clear(),
  }
}

function webhooksRoute(req: Recorded, webhooks: Map<string, KiwifyHook>) {
  const match = /^\/v1\/webhooks(?:\/([^/]+))?$/.exec(req.path)
  if (!match) return { status: 404, body: { message: 'not found' } }
  const id = match[1]
  if (!id && req.method === 'GET') return { status: 200, body: { data: [...webhooks.values()] } }
  if (!id && req.method === 'POST') {
    const hook = validHook(req)
    if (typeof hook === 'string') return { status: 400, body: { message: hook } }
    const created = { id: randomUUID(), ...hook }
    webhooks.set(created.id, created)
    return { status: 201, body: created }
  }
  if (!id || !webhooks.has(id)) return { status: 404, body: { message: 'webhook not found' } }
  if (req.method === 'PUT') {
    const hook = validHook(req)
    if (typeof hook === 'string') return { status: 400, body: { message: hook } }
    const updated = { id, ...hook }
    webhooks.set(id, updated)
    return { status: 200, body: updated }
  }
  if (req.method === 'DELETE') {
    webhooks.delete(id)
    return { status: 204 }
  }
  return { status: 405, body: { message: 'method not allowed' } }
}

function validHook(req: Recorded): Omit<KiwifyHook, 'id'> | string {
  const body = jsonBody(req)
  if (!body) return 'body is not JSON'
  const { name, url, products, triggers, token } = body
  if (typeof name !== 'string' || !name) return 'name is required'
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return 'url is invalid'
  if (products !== 'all') return 'products must be "all"'
  if (!Array.isArray(triggers) || triggers.length === 0) return 'triggers are required'
  const unknown = triggers.filter((t) => !TRIGGERS.has(String(t)))
  if (unknown.length) return `unknown triggers: ${unknown.join(', ')}`
  if (typeof token !== 'string' || !token) return 'token is required'
  return { name, url, products, triggers: triggers.map(String), token }
}
