// Shopify Admin GraphQL client for webhook subscriptions (create, list, update, delete) with
// the shop's Admin API access token in `X-Shopify-Access-Token`. GraphQL reports most failures
// as `errors` or `userErrors` inside a 200: both become PlatformError.
import {
  type FetchLike,
  failure,
  PlatformError,
  parseJson,
  request,
  retryAfterOf,
  sleep,
} from '../../registration/http'

/** `uri` on WebhookSubscriptionInput is documented from 2025-04 on (callbackUrl before). */
export const SHOPIFY_API_VERSION = '2025-10'

export const SHOPIFY_TOPICS = [
  'CHECKOUTS_CREATE',
  'CHECKOUTS_UPDATE',
  'ORDERS_CREATE',
  'ORDERS_PAID',
  'ORDERS_CANCELLED',
  'REFUNDS_CREATE',
  'DISPUTES_CREATE',
  'ORDER_TRANSACTIONS_CREATE',
] as const

export interface ShopifySubscription {
  id: string
  topic: string
  uri: string
}

export interface ShopifyClientOptions {
  /** Defaults to `https://{shop}.myshopify.com`. */
  baseUrl?: string | null
  fetch?: FetchLike
  apiVersion?: string
}

const P = 'shopify'
const FIELDS = 'id topic uri'

/** `minha-loja`, `minha-loja.myshopify.com` or a URL → `minha-loja.myshopify.com`. */
export function shopHost(shopDomain: string): string {
  const host = shopDomain
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .toLowerCase()
  return host.includes('.') ? host : `${host}.myshopify.com`
}

export class ShopifyClient {
  private readonly endpoint: string
  private readonly fetchImpl: FetchLike

  constructor(
    shopDomain: string,
    private readonly accessToken: string,
    options: ShopifyClientOptions = {},
  ) {
    const base = (options.baseUrl || `https://${shopHost(shopDomain)}`).replace(/\/+$/, '')
    this.endpoint = `${base}/admin/api/${options.apiVersion ?? SHOPIFY_API_VERSION}/graphql.json`
    this.fetchImpl = options.fetch ?? fetch
  }

  async listSubscriptions(): Promise<ShopifySubscription[]> {
    const data = await this.graphql(
      `query RecuperaWebhooks { webhookSubscriptions(first: 100) { edges { node { ${FIELDS} } } } }`,
      {},
      'listing webhooks',
    )
    const edges = (data.webhookSubscriptions as { edges?: { node?: unknown }[] } | undefined)?.edges
    return (edges ?? []).flatMap((edge) => {
      const sub = toSubscription(edge.node)
      return sub ? [sub] : []
    })
  }

  async createSubscription(topic: string, uri: string): Promise<ShopifySubscription> {
    const data = await this.graphql(
      `mutation RecuperaCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
    webhookSubscription { ${FIELDS} }
    userErrors { field message }
  }
}`,
      { topic, webhookSubscription: { uri, format: 'JSON' } },
      `subscribing to ${topic}`,
    )
    return this.subscriptionOf(data.webhookSubscriptionCreate, `subscribing to ${topic}`)
  }

  async updateSubscription(id: string, uri: string): Promise<ShopifySubscription> {
    const data = await this.graphql(
      `mutation RecuperaUpdate($id: ID!, $webhookSubscription: WebhookSubscriptionInput!) {
  webhookSubscriptionUpdate(id: $id, webhookSubscription: $webhookSubscription) {
    webhookSubscription { ${FIELDS} }
    userErrors { field message }
  }
}`,
      { id, webhookSubscription: { uri } },
      'updating a webhook',
    )
    return this.subscriptionOf(data.webhookSubscriptionUpdate, 'updating a webhook')
  }

  async deleteSubscription(id: string): Promise<void> {
    const data = await this.graphql(
      `mutation RecuperaDelete($id: ID!) {
  webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } }
}`,
      { id },
      'deleting a webhook',
    )
    const payload = data.webhookSubscriptionDelete as { userErrors?: UserError[] } | undefined
    const errors = (payload?.userErrors ?? []).filter(
      (e) => !/not exist|not found/i.test(e.message),
    )
    if (errors.length) throw userErrors(errors, 'deleting a webhook')
  }

  private subscriptionOf(payload: unknown, what: string): ShopifySubscription {
    const p = payload as { webhookSubscription?: unknown; userErrors?: UserError[] } | undefined
    if (p?.userErrors?.length) throw userErrors(p.userErrors, what)
    const sub = toSubscription(p?.webhookSubscription)
    if (!sub) throw new PlatformError(P, 200, `${what}: no subscription in the answer`)
    return sub
  }

  private async graphql(
    query: string,
    variables: Record<string, unknown>,
    what: string,
  ): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
      const res = await request(P, this.fetchImpl, this.endpoint, {
        method: 'POST',
        headers: {
          'x-shopify-access-token': this.accessToken,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ query, variables }),
      })
      if (res.status === 429 && attempt < 3) {
        await sleep(Math.min(10_000, retryAfterOf(res.headers) ?? 1000 * 2 ** attempt))
        continue
      }
      if (res.status < 200 || res.status >= 300) throw failure(P, res, what)
      const body = parseJson(P, res, what) as {
        data?: Record<string, unknown>
        errors?: { message?: string }[]
      } | null
      if (body?.errors?.length) {
        const message = body.errors.map((e) => e.message ?? '?').join('; ')
        throw new PlatformError(P, res.status, `${what}: ${message.slice(0, 300)}`)
      }
      return body?.data ?? {}
    }
  }
}

interface UserError {
  field?: string[] | null
  message: string
}

function userErrors(errors: UserError[], what: string): PlatformError {
  const message = errors.map((e) => e.message).join('; ')
  return new PlatformError(P, 422, `${what}: ${message.slice(0, 300)}`)
}

function toSubscription(value: unknown): ShopifySubscription | null {
  const obj = value as Record<string, unknown> | null
  if (!obj || typeof obj !== 'object' || typeof obj.id !== 'string') return null
  return {
    id: obj.id,
    topic: typeof obj.topic === 'string' ? obj.topic : '',
    uri: typeof obj.uri === 'string' ? obj.uri : '',
  }
}
