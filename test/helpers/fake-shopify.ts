// Fake Shopify Admin GraphQL for webhook subscriptions: checks `X-Shopify-Access-Token`, the
// API path, the topic enum and an HTTPS `uri`, and answers like Shopify (userErrors in a 200).
import { type FakeServer, jsonBody, type Recorded, startFakeServer } from './fake-server'

export interface ShopifySub {
  id: string
  topic: string
  uri: string
  format: string
}

export interface FakeShopify extends FakeServer {
  subscriptions: Map<string, ShopifySub>
}

const TOPICS = new Set([
  'CHECKOUTS_CREATE',
  'CHECKOUTS_UPDATE',
  'ORDERS_CREATE',
  'ORDERS_PAID',
  'ORDERS_CANCELLED',
  'REFUNDS_CREATE',
  'DISPUTES_CREATE',
  'ORDER_TRANSACTIONS_CREATE',
  'ORDERS_UPDATED',
])

export async function startFakeShopify(token: string): Promise<FakeShopify> {
  const subscriptions = new Map<string, ShopifySub>()
  let next = 1
  const route = (req: Recorded) => {
    if (req.method !== 'POST' || !/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(req.path))
      return { status: 404, body: { errors: 'Not Found' } }
    if (req.headers['x-shopify-access-token'] !== token)
      return { status: 401, body: { errors: '[API] Invalid API key or access token' } }
    const body = jsonBody(req) as { query?: string; variables?: Record<string, unknown> } | null
    const query = body?.query ?? ''
    const vars = body?.variables ?? {}
    if (query.includes('webhookSubscriptionCreate')) {
      const input = vars.webhookSubscription as { uri?: string; format?: string } | undefined
      const topic = String(vars.topic)
      const errors = problems(topic, input?.uri)
      if (errors.length)
        return data('webhookSubscriptionCreate', { webhookSubscription: null, userErrors: errors })
      const sub = {
        id: `gid://shopify/WebhookSubscription/${next++}`,
        topic,
        uri: input!.uri!,
        format: input?.format ?? 'JSON',
      }
      subscriptions.set(sub.id, sub)
      return data('webhookSubscriptionCreate', { webhookSubscription: sub, userErrors: [] })
    }
    if (query.includes('webhookSubscriptionUpdate')) {
      const sub = subscriptions.get(String(vars.id))
      const uri = (vars.webhookSubscription as { uri?: string } | undefined)?.uri
      if (!sub)
        return data('webhookSubscriptionUpdate', {
          webhookSubscription: null,
          userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
        })
      const errors = problems(sub.topic, uri)
      if (errors.length)
        return data('webhookSubscriptionUpdate', { webhookSubscription: null, userErrors: errors })
      sub.uri = uri!
      return data('webhookSubscriptionUpdate', { webhookSubscription: sub, userErrors: [] })
    }
    if (query.includes('webhookSubscriptionDelete')) {
      const existed = subscriptions.delete(String(vars.id))
      return data(
        'webhookSubscriptionDelete',
        existed
          ? { deletedWebhookSubscriptionId: vars.id, userErrors: [] }
          : {
              deletedWebhookSubscriptionId: null,
              userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
            },
      )
    }
    if (query.includes('webhookSubscriptions')) {
      return {
        status: 200,
        body: {
          data: {
            webhookSubscriptions: { edges: [...subscriptions.values()].map((node) => ({ node })) },
          },
        },
      }
    }
    return { status: 200, body: { errors: [{ message: 'unknown operation' }] } }
  }
  const server = await startFakeServer(route)
  return { ...server, subscriptions }
}

const data = (field: string, value: unknown) => ({
  status: 200,
  body: { data: { [field]: value } },
})

function problems(topic: string, uri: string | undefined): { field: string[]; message: string }[] {
  if (!TOPICS.has(topic)) return [{ field: ['topic'], message: `Topic ${topic} is invalid` }]
  if (!uri?.startsWith('https://'))
    return [
      {
        field: ['webhookSubscription', 'uri'],
        message: 'Address protocol http:// is not supported',
      },
    ]
  return []
}
