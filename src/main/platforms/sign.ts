// The sending side of each platform's proof, exactly as the platform computes it: used by
// tests, `recupera source test` and benchmarks to produce deliveries the verifiers accept.
// Header names are lower-case, as Node hands them to the receiver.
import { createHash, createHmac } from 'node:crypto'
import { assertNever, type Platform } from '../../shared/events'

export interface SignOptions {
  /** Shopify `X-Shopify-Topic` (e.g. `orders/paid`). */
  topic?: string
  /** Shopify `X-Shopify-Webhook-Id`; defaults to one derived from the body. */
  webhookId?: string
  shopDomain?: string
  /** ISO time for `X-Shopify-Triggered-At`. */
  triggeredAt?: string
  apiVersion?: string
  /** `events` uses the newer header names without the `X-` prefix. */
  shopifyHeaders?: 'webhooks' | 'events'
}

export interface SignedDelivery {
  headers: Record<string, string>
  query: URLSearchParams
}

export function signDelivery(
  platform: Platform,
  rawBody: Buffer | string,
  secret: string,
  opts: SignOptions = {},
): SignedDelivery {
  const raw = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const query = new URLSearchParams()
  switch (platform) {
    case 'shopify':
      Object.assign(headers, shopifyHeaders(raw, secret, opts))
      break
    case 'nuvemshop':
      headers['x-linkedstore-hmac-sha256'] = createHmac('sha256', secret).update(raw).digest('hex')
      break
    case 'kiwify':
      query.set('signature', createHmac('sha1', secret).update(raw).digest('hex'))
      break
    case 'hotmart':
      headers['x-hotmart-hottok'] = secret
      break
    default:
      assertNever(platform, 'platform')
  }
  return { headers, query }
}

function shopifyHeaders(raw: Buffer, secret: string, opts: SignOptions): Record<string, string> {
  const prefix = opts.shopifyHeaders === 'events' ? 'shopify-' : 'x-shopify-'
  const headers: Record<string, string> = {
    [`${prefix}hmac-sha256`]: createHmac('sha256', secret).update(raw).digest('base64'),
    [`${prefix}webhook-id`]: opts.webhookId ?? bodyDerivedId(raw),
    [`${prefix}api-version`]: opts.apiVersion ?? '2025-07',
  }
  if (opts.topic) headers[`${prefix}topic`] = opts.topic
  if (opts.shopDomain) headers[`${prefix}shop-domain`] = opts.shopDomain
  if (opts.triggeredAt) headers[`${prefix}triggered-at`] = opts.triggeredAt
  return headers
}

/** Deterministic, so signing the same body twice simulates a retry. */
function bodyDerivedId(raw: Buffer): string {
  const hex = createHash('sha256').update(raw).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}
