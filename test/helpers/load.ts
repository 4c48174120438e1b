// Unique, correctly signed deliveries for load-style tests (crash safety, fuzzing, limits):
// real fixture bodies with a fresh order id, dedup key and customer per call, and a tiny
// keep-alive HTTP client that never throws (a refused or reset request is status 0).
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { signDelivery } from '../../src/main/platforms/sign'
import type { Platform } from '../../src/shared/events'

const FIXTURES = join(import.meta.dirname, '../fixtures/webhooks')
const fixture = (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: fixtures are edited by path, shape known per file
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, any>

export interface Delivery {
  platform: Platform
  /** The dedup key the normalizer derives: what the events table is unique on. */
  key: string
  body: Buffer
  headers: Record<string, string>
  query: URLSearchParams
}

export type EventPlatform = Exclude<Platform, 'nuvemshop'>

/** A delivery that normalizes to one stored event (Nuvemshop's thin bodies need a fetch). */
export function uniqueDelivery(platform: EventPlatform, secret: string, id: string): Delivery {
  switch (platform) {
    case 'kiwify': {
      const body = fixture('kiwify-order_approved-1.json')
      body.order_id = id
      body.Customer.email = `c-${id}@example.com`
      return signed(platform, `${id}:order_approved`, body, secret)
    }
    case 'hotmart': {
      const body = fixture('hotmart-PURCHASE_APPROVED-1.json')
      body.id = id
      body.data.purchase.transaction = `HP${id}`
      body.data.buyer.email = `c-${id}@example.com`
      return signed(platform, id, body, secret)
    }
    case 'shopify': {
      const body = fixture('shopify-checkouts_create-1.json')
      body.token = id
      body.email = `c-${id}@example.com`
      return signed(platform, `wh-${id}`, body, secret, {
        topic: 'checkouts/create',
        webhookId: `wh-${id}`,
      })
    }
  }
}

function signed(
  platform: Platform,
  key: string,
  body: unknown,
  secret: string,
  opts: Parameters<typeof signDelivery>[3] = {},
): Delivery {
  const raw = Buffer.from(JSON.stringify(body))
  const { headers, query } = signDelivery(platform, raw, secret, opts)
  return { platform, key, body: raw, headers, query }
}

export interface Answer {
  status: number
  body: string
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

/** Sends one request; resolves with status 0 on a network error instead of rejecting. */
export function send(
  url: string,
  opts: {
    method?: string
    headers?: Record<string, string | string[]>
    body?: Buffer | string
    agent?: http.Agent | false
  } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: opts.method ?? 'POST', headers: opts.headers, agent: opts.agent ?? agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        )
        res.on('error', () => resolve({ status: 0, body: '' }))
      },
    )
    req.on('error', () => resolve({ status: 0, body: '' }))
    req.end(opts.body)
  })
}

/** Posts a delivery to a source's webhook path. */
export function post(receiverUrl: string, webhookPath: string, d: Delivery): Promise<Answer> {
  const q = d.query.toString()
  return send(`${receiverUrl}${webhookPath}${q ? `?${q}` : ''}`, {
    headers: { ...d.headers, 'content-length': String(d.body.length) },
    body: d.body,
  })
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await work(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}
