// Realistic signed deliveries for the benchmarks: real fixture bodies (~3 KB, except
// Nuvemshop's thin webhook) with a unique order id, dedup key and customer per request, signed
// the way each platform signs (same algorithms as src/main/platforms/sign.ts).
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'

const FIXTURES = new URL('../test/fixtures/webhooks/', import.meta.url)
const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'))

/**
 * A JSON template: `__RID__` (the unique id inside a string), `__NUM__` (the unique number inside
 * a string) and a whole-string `"__NID__"` (the unique number as a JSON number).
 */
function compile(body) {
  const text = JSON.stringify(body)
  const pattern = /"__NID__"|__RID__|__NUM__/g
  const kinds = [...text.matchAll(pattern)].map((m) => (m[0] === '__RID__' ? 'id' : 'n'))
  const parts = text.split(pattern)
  return (id, n) => {
    let out = parts[0]
    for (let i = 0; i < kinds.length; i++) out += (kinds[i] === 'id' ? id : n) + parts[i + 1]
    return out
  }
}

function kiwify(name, event) {
  const body = fixture(name)
  body.order_id = '__RID__'
  body.order_ref = '__RID__'
  body.Customer.email = 'cliente-__RID__@example.com'
  body.Customer.mobile = '+55119__NUM__'
  return { platform: 'kiwify', render: compile(body), key: (id) => `${id}:${event}` }
}

function hotmart(name) {
  const body = fixture(name)
  body.id = '__RID__'
  body.data.purchase.transaction = 'HP__RID__'
  body.data.buyer.email = 'cliente-__RID__@example.com'
  body.data.buyer.checkout_phone = '119__NUM__'
  return { platform: 'hotmart', render: compile(body), key: (id) => id }
}

function shopify(name, topic) {
  const body = fixture(name)
  body.id = '__NID__'
  body.token = '__RID__'
  body.email = 'cliente-__RID__@example.com'
  body.phone = '+55219__NUM__'
  return { platform: 'shopify', topic, render: compile(body), key: (id) => `wh-${id}` }
}

function nuvemshop() {
  const body = fixture('nuvemshop-order_paid-1.json')
  body.id = '__NID__'
  return {
    platform: 'nuvemshop',
    render: compile(body),
    key: (_id, n) => `${body.store_id}:${body.event}:${n}`,
  }
}

export const KINDS = [
  kiwify('kiwify-order_approved-1.json', 'order_approved'),
  hotmart('hotmart-PURCHASE_APPROVED-1.json'),
  shopify('shopify-checkouts_create-1.json', 'checkouts/create'),
  kiwify('kiwify-pix_created-1.json', 'pix_created'),
  hotmart('hotmart-PURCHASE_BILLET_PRINTED-1.json'),
  nuvemshop(),
]

/** Headers and query for one body, as the platform would send it. */
export function sign(kind, raw, secret, id) {
  const headers = { 'content-type': 'application/json' }
  let query = ''
  switch (kind.platform) {
    case 'kiwify':
      query = `?signature=${createHmac('sha1', secret).update(raw).digest('hex')}`
      break
    case 'hotmart':
      headers['x-hotmart-hottok'] = secret
      break
    case 'nuvemshop':
      headers['x-linkedstore-hmac-sha256'] = createHmac('sha256', secret).update(raw).digest('hex')
      break
    case 'shopify':
      headers['x-shopify-hmac-sha256'] = createHmac('sha256', secret).update(raw).digest('base64')
      headers['x-shopify-topic'] = kind.topic
      headers['x-shopify-webhook-id'] = `wh-${id}`
      headers['x-shopify-api-version'] = '2025-07'
      headers['x-shopify-triggered-at'] = new Date().toISOString()
      break
    default:
      throw new Error(`unknown platform ${kind.platform}`)
  }
  return { headers, query }
}

/**
 * A generator of unique signed deliveries rotating over platforms and sources.
 * `sources`: [{platform, secret, path}] (several per platform spread the per-source load).
 */
export function deliveries(sources, runTag) {
  let n = 0
  const byPlatform = new Map()
  for (const s of sources) {
    const list = byPlatform.get(s.platform) ?? []
    list.push(s)
    byPlatform.set(s.platform, list)
  }
  return () => {
    n++
    const kind = KINDS[n % KINDS.length]
    const list = byPlatform.get(kind.platform)
    const source = list[Math.floor(n / KINDS.length) % list.length]
    const num = 10_000_000 + n
    const id = `${runTag}-${n}`
    const body = kind.render(id, num)
    const { headers, query } = sign(kind, body, source.secret, id)
    return {
      platform: kind.platform,
      key: kind.key(id, num),
      path: `${source.path}${query}`,
      headers,
      body,
    }
  }
}
