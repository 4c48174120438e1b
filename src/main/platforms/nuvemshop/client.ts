// Nuvemshop (Tiendanube) API client: webhook registration, the order fetch that enriches thin
// webhooks, and the abandoned-checkout list. Nuvemshop wants `Authentication: bearer` (not
// Authorization) and a User-Agent naming the app (400 without it). Rate limit: a bucket of 40
// per store draining 2/s; a 429 carries `x-rate-limit-reset` (ms) which we honour.
import {
  type FetchLike,
  failure,
  type HttpResponse,
  idOf,
  PlatformError,
  parseJson,
  request,
  retryAfterOf,
  sleep,
} from '../../registration/http'

export const NUVEMSHOP_API_BASE = 'https://api.tiendanube.com/2025-03'
export const NUVEMSHOP_USER_AGENT = 'Recupera (suporte@recupera.app)'

/** Order events the app turns into cards (order/pending is documented but unverified). */
export const NUVEMSHOP_EVENTS = [
  'order/created',
  'order/paid',
  'order/cancelled',
  'order/updated',
  'order/voided',
  'order/pending',
] as const
/** Events whose refusal by the platform does not fail the whole registration. */
export const NUVEMSHOP_OPTIONAL_EVENTS: readonly string[] = ['order/pending']

export interface NuvemshopWebhook {
  id: string
  event: string
  url: string
}

export interface NuvemshopClientOptions {
  baseUrl?: string | null
  fetch?: FetchLike
  /** How many 429s to wait out inside one call; 0 hands them to the caller (durable jobs). */
  max429Retries?: number
  /** Longest single wait inside a call. */
  maxWaitMs?: number
}

const P = 'nuvemshop'

export class NuvemshopClient {
  private readonly base: string
  private readonly fetchImpl: FetchLike
  private readonly max429Retries: number
  private readonly maxWaitMs: number

  constructor(
    private readonly storeId: string,
    private readonly accessToken: string,
    options: NuvemshopClientOptions = {},
  ) {
    this.base = (options.baseUrl || NUVEMSHOP_API_BASE).replace(/\/+$/, '')
    this.fetchImpl = options.fetch ?? fetch
    this.max429Retries = options.max429Retries ?? 3
    this.maxWaitMs = options.maxWaitMs ?? 10_000
  }

  async listWebhooks(): Promise<NuvemshopWebhook[]> {
    const res = await this.ok('GET', '/webhooks', undefined, 'listing webhooks')
    const body = parseJson(P, res, 'listing webhooks')
    return (Array.isArray(body) ? body : []).flatMap((item) => {
      const hook = toWebhook(item)
      return hook ? [hook] : []
    })
  }

  async createWebhook(event: string, url: string): Promise<NuvemshopWebhook> {
    const res = await this.ok('POST', '/webhooks', { event, url }, `creating ${event}`)
    const hook = toWebhook(parseJson(P, res, `creating ${event}`))
    if (!hook) throw new PlatformError(P, res.status, `creating ${event}: the answer has no id`)
    return hook
  }

  async updateWebhook(id: string, url: string): Promise<void> {
    await this.ok('PUT', `/webhooks/${encodeURIComponent(id)}`, { url }, 'updating a webhook')
  }

  async deleteWebhook(id: string): Promise<void> {
    const res = await this.send('DELETE', `/webhooks/${encodeURIComponent(id)}`, undefined)
    if (res.status === 404) return
    if (res.status < 200 || res.status >= 300) throw failure(P, res, 'deleting a webhook')
  }

  /** The order as raw JSON text: ids are kept exact by the normalizer, not by JSON.parse. */
  async getOrderRaw(orderId: string): Promise<string> {
    const res = await this.ok('GET', `/orders/${encodeURIComponent(orderId)}`, undefined, 'order')
    return res.text
  }

  /** Abandoned checkouts, newest first, one page at a time, each as raw JSON text. */
  async listCheckoutsRaw(options: { page?: number; perPage?: number } = {}): Promise<string[]> {
    const query = new URLSearchParams({
      page: String(options.page ?? 1),
      per_page: String(options.perPage ?? 100),
    })
    const res = await this.send('GET', `/checkouts?${query}`, undefined)
    // Past the last page Nuvemshop answers 404 "Last page is 0".
    if (res.status === 404) return []
    if (res.status < 200 || res.status >= 300) throw failure(P, res, 'listing checkouts')
    const body = parseJson(P, res, 'listing checkouts')
    return (Array.isArray(body) ? body : []).map((item) => JSON.stringify(item))
  }

  private async ok(method: string, path: string, body: unknown, what: string) {
    const res = await this.send(method, path, body)
    if (res.status < 200 || res.status >= 300) throw failure(P, res, what)
    return res
  }

  private async send(method: string, path: string, body: unknown): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const res = await request(P, this.fetchImpl, `${this.base}/${this.storeId}${path}`, {
        method,
        headers: {
          authentication: `bearer ${this.accessToken}`,
          'user-agent': NUVEMSHOP_USER_AGENT,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (res.status !== 429 || attempt >= this.max429Retries) return res
      // Exponential when the platform gives no hint: 0.5 s, 1 s, 2 s …
      const hinted = retryAfterOf(res.headers)
      await sleep(Math.min(this.maxWaitMs, hinted ?? 500 * 2 ** attempt))
    }
  }
}

function toWebhook(value: unknown): NuvemshopWebhook | null {
  const obj = value as Record<string, unknown> | null
  if (!obj || typeof obj !== 'object') return null
  const id = idOf(obj.id)
  if (!id) return null
  return {
    id,
    event: typeof obj.event === 'string' ? obj.event : '',
    url: typeof obj.url === 'string' ? obj.url : '',
  }
}
