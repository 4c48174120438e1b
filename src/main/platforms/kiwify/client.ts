// Kiwify public API client for automatic webhook registration: OAuth client credentials, then
// every call carries `Authorization: Bearer` and `x-kiwify-account-id`. The token is cached
// until shortly before it expires and refreshed once on a 401. Tokens are never logged.
import {
  type FetchLike,
  failure,
  idOf,
  PlatformError,
  parseJson,
  request,
} from '../../registration/http'

export const KIWIFY_API_BASE = 'https://public-api.kiwify.com'

/** Kiwify's subscribe names (Portuguese), one per stage the app uses. */
export const KIWIFY_TRIGGERS = [
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
] as const

export interface KiwifyCredentials {
  clientId: string
  clientSecret: string
  accountId: string
}

export interface KiwifyWebhook {
  id: string
  name: string | null
  url: string
  triggers: string[]
}

export interface KiwifyWebhookInput {
  name: string
  url: string
  /** The signing token Kiwify uses for `?signature=` (the source's secret). */
  token: string
  triggers?: readonly string[]
}

export interface KiwifyClientOptions {
  baseUrl?: string | null
  fetch?: FetchLike
  now?: () => number
}

const P = 'kiwify'
/** Refresh this long before the announced expiry, so a call never races it. */
const EXPIRY_MARGIN_MS = 60_000

export class KiwifyClient {
  private token: { value: string; expiresAt: number } | null = null
  private readonly base: string
  private readonly fetchImpl: FetchLike
  private readonly now: () => number

  constructor(
    private readonly creds: KiwifyCredentials,
    options: KiwifyClientOptions = {},
  ) {
    this.base = (options.baseUrl || KIWIFY_API_BASE).replace(/\/+$/, '')
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? Date.now
  }

  async listWebhooks(): Promise<KiwifyWebhook[]> {
    const body = await this.call('GET', '/v1/webhooks', undefined, 'listing webhooks')
    const list = Array.isArray(body)
      ? body
      : (((body as Record<string, unknown> | null)?.data ??
          (body as Record<string, unknown> | null)?.webhooks ??
          []) as unknown[])
    return (Array.isArray(list) ? list : []).flatMap((item) => {
      const hook = toWebhook(item)
      return hook ? [hook] : []
    })
  }

  async createWebhook(input: KiwifyWebhookInput): Promise<KiwifyWebhook> {
    const body = await this.call('POST', '/v1/webhooks', payload(input), 'creating a webhook')
    const hook = toWebhook(unwrap(body))
    if (!hook) throw new PlatformError(P, 200, 'creating a webhook: the answer has no id')
    return hook
  }

  async updateWebhook(id: string, input: KiwifyWebhookInput): Promise<KiwifyWebhook> {
    const path = `/v1/webhooks/${encodeURIComponent(id)}`
    const body = await this.call('PUT', path, payload(input), 'updating a webhook')
    return toWebhook(unwrap(body)) ?? { id, name: input.name, url: input.url, triggers: [] }
  }

  async deleteWebhook(id: string): Promise<void> {
    await this.call('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`, undefined, 'deleting')
  }

  private async call(method: string, path: string, body: unknown, what: string): Promise<unknown> {
    let res = await this.send(method, path, body, await this.accessToken())
    if (res.status === 401) {
      // The token may have been revoked or expired early: fetch a new one, once.
      this.token = null
      res = await this.send(method, path, body, await this.accessToken())
    }
    if (res.status === 404 && method === 'DELETE') return null
    if (res.status < 200 || res.status >= 300) throw failure(P, res, what)
    return parseJson(P, res, what)
  }

  private send(method: string, path: string, body: unknown, token: string) {
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'x-kiwify-account-id': this.creds.accountId,
      accept: 'application/json',
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    return request(P, this.fetchImpl, `${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt) return this.token.value
    const form = new URLSearchParams({
      client_id: this.creds.clientId,
      client_secret: this.creds.clientSecret,
    })
    const res = await request(P, this.fetchImpl, `${this.base}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    })
    if (res.status < 200 || res.status >= 300)
      throw failure(P, res, 'signing in (client id/secret)')
    const answer = parseJson(P, res, 'signing in') as Record<string, unknown> | null
    const value = answer?.access_token
    if (typeof value !== 'string' || !value) {
      throw new PlatformError(P, res.status, 'signing in: no access_token in the answer')
    }
    const seconds = Number(answer?.expires_in ?? 3600)
    const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_600_000
    this.token = { value, expiresAt: this.now() + Math.max(0, lifetime - EXPIRY_MARGIN_MS) }
    return value
  }
}

function payload(input: KiwifyWebhookInput) {
  return {
    name: input.name,
    url: input.url,
    products: 'all',
    triggers: [...(input.triggers ?? KIWIFY_TRIGGERS)],
    token: input.token,
  }
}

function unwrap(body: unknown): unknown {
  const obj = body as Record<string, unknown> | null
  return obj && typeof obj === 'object' && obj.data && !Array.isArray(obj.data) ? obj.data : body
}

function toWebhook(value: unknown): KiwifyWebhook | null {
  const obj = value as Record<string, unknown> | null
  if (!obj || typeof obj !== 'object') return null
  const id = idOf(obj.id)
  if (!id) return null
  return {
    id,
    name: typeof obj.name === 'string' ? obj.name : null,
    url: typeof obj.url === 'string' ? obj.url : '',
    triggers: Array.isArray(obj.triggers) ? obj.triggers.map(String) : [],
  }
}
