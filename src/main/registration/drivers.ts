// One driver per platform with a webhook API, behind one shape: list what is registered,
// make the platform point every topic we need at one URL (creating, repointing or removing
// extras), and remove ours. "Ours" = a webhook whose URL carries this source's unguessable
// `/hooks/<key>` path, whatever host it was registered under (a tunnel URL changes hosts).
import { KIWIFY_TRIGGERS, KiwifyClient } from '../platforms/kiwify/client'
import {
  NUVEMSHOP_EVENTS,
  NUVEMSHOP_OPTIONAL_EVENTS,
  NuvemshopClient,
} from '../platforms/nuvemshop/client'
import { SHOPIFY_TOPICS, ShopifyClient } from '../platforms/shopify/client'
import type { Source } from '../sources/sources'
import { type FetchLike, PlatformError } from './http'

export interface Subscription {
  id: string
  topic: string
  url: string
}

export interface Driver {
  /** Topics the source needs; one subscription each (Kiwify: one webhook for all). */
  readonly topics: readonly string[]
  list(): Promise<Subscription[]>
  /** Makes the platform deliver every topic to `url`; returns the subscriptions now in place. */
  ensure(url: string, ours: Subscription[]): Promise<{ subs: Subscription[]; skipped: string[] }>
  remove(sub: Subscription): Promise<void>
}

/** Credentials each platform needs for automatic registration. */
export const REQUIRED_CREDENTIALS = {
  kiwify: ['clientId', 'clientSecret', 'accountId'],
  nuvemshop: ['apiToken'],
  shopify: ['shopDomain', 'adminToken'],
} as const

export function canRegister(source: Source): boolean {
  if (source.platform === 'hotmart') return false
  if (source.platform === 'nuvemshop' && !source.storeId) return false
  return REQUIRED_CREDENTIALS[source.platform].every((field) => !!source.credentials[field])
}

export function driverFor(source: Source, fetchImpl?: FetchLike): Driver | null {
  if (!canRegister(source)) return null
  const c = source.credentials
  switch (source.platform) {
    case 'kiwify':
      return kiwifyDriver(
        source,
        new KiwifyClient(
          { clientId: c.clientId!, clientSecret: c.clientSecret!, accountId: c.accountId! },
          { baseUrl: source.apiBase, fetch: fetchImpl },
        ),
      )
    case 'nuvemshop':
      return nuvemshopDriver(
        new NuvemshopClient(source.storeId!, c.apiToken!, {
          baseUrl: source.apiBase,
          fetch: fetchImpl,
        }),
      )
    case 'shopify':
      return shopifyDriver(
        new ShopifyClient(c.shopDomain!, c.adminToken!, {
          baseUrl: source.apiBase,
          fetch: fetchImpl,
        }),
      )
    default:
      return null
  }
}

export function isOurs(url: string, webhookKey: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') === `/hooks/${webhookKey}`
  } catch {
    return false
  }
}

function kiwifyDriver(source: Source, client: KiwifyClient): Driver {
  const input = (url: string) => ({
    name: `Recupera - ${source.name}`.slice(0, 100),
    url,
    token: source.secrets[0]!,
  })
  const KIWIFY = 'all'
  return {
    topics: [KIWIFY],
    async list() {
      const hooks = await client.listWebhooks()
      return hooks.map((h) => ({ id: h.id, topic: KIWIFY, url: h.url }))
    },
    async ensure(url, ours) {
      // Kiwify sends every trigger to one webhook: update the first of ours, drop the rest
      // (two webhooks would deliver every event twice).
      const [keep, ...extra] = ours
      for (const sub of extra) await client.deleteWebhook(sub.id)
      const hook = keep
        ? await client.updateWebhook(keep.id, input(url))
        : await client.createWebhook({ ...input(url), triggers: KIWIFY_TRIGGERS })
      return { subs: [{ id: hook.id, topic: KIWIFY, url }], skipped: [] }
    },
    remove: (sub) => client.deleteWebhook(sub.id),
  }
}

function nuvemshopDriver(client: NuvemshopClient): Driver {
  return {
    topics: NUVEMSHOP_EVENTS,
    async list() {
      const hooks = await client.listWebhooks()
      return hooks.map((h) => ({ id: h.id, topic: h.event, url: h.url }))
    },
    async ensure(url, ours) {
      const subs: Subscription[] = []
      const skipped: string[] = []
      for (const event of NUVEMSHOP_EVENTS) {
        const [keep, ...extra] = ours.filter((s) => s.topic === event)
        for (const sub of extra) await client.deleteWebhook(sub.id)
        try {
          if (keep) {
            if (keep.url !== url) await client.updateWebhook(keep.id, url)
            subs.push({ id: keep.id, topic: event, url })
          } else {
            const hook = await client.createWebhook(event, url)
            subs.push({ id: hook.id, topic: event, url })
          }
        } catch (error) {
          // An event the store does not offer (4xx) is skipped when it is optional.
          const optional = NUVEMSHOP_OPTIONAL_EVENTS.includes(event)
          const refused =
            error instanceof PlatformError && error.status >= 400 && error.status < 500
          if (!optional || !refused || error.status === 401 || error.status === 429) throw error
          skipped.push(event)
        }
      }
      for (const sub of ours) {
        if (!(NUVEMSHOP_EVENTS as readonly string[]).includes(sub.topic))
          await client.deleteWebhook(sub.id)
      }
      return { subs, skipped }
    },
    remove: (sub) => client.deleteWebhook(sub.id),
  }
}

function shopifyDriver(client: ShopifyClient): Driver {
  return {
    topics: SHOPIFY_TOPICS,
    async list() {
      const subs = await client.listSubscriptions()
      return subs.map((s) => ({ id: s.id, topic: s.topic, url: s.uri }))
    },
    async ensure(url, ours) {
      const subs: Subscription[] = []
      for (const topic of SHOPIFY_TOPICS) {
        const [keep, ...extra] = ours.filter((s) => s.topic === topic)
        for (const sub of extra) await client.deleteSubscription(sub.id)
        if (keep) {
          if (keep.url !== url) await client.updateSubscription(keep.id, url)
          subs.push({ id: keep.id, topic, url })
        } else {
          const sub = await client.createSubscription(topic, url)
          subs.push({ id: sub.id, topic, url })
        }
      }
      return { subs, skipped: [] }
    },
    remove: (sub) => client.deleteSubscription(sub.id),
  }
}
