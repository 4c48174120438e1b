// Fuzzing the receiver (fast-check, fixed seed): random and mutated bodies, headers, query
// strings, methods and paths against every platform's route. The server never crashes or
// answers 5xx, each request gets the status its defect calls for, nothing unverified is stored,
// and /health still answers promptly after the storm.

import { createHmac } from 'node:crypto'
import { rmSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type App, createApp } from '../../src/main/app'
import { unlimitedRates } from '../../src/main/receiver/limits'
import type { Platform } from '../../src/shared/events'
import { type EventPlatform, pool, send, uniqueDelivery } from '../helpers/load'
import { tempDataDir } from '../helpers/serve'

const SEED = 20_260_903
const RUNS = 10_000
const PLATFORMS: Platform[] = ['kiwify', 'hotmart', 'nuvemshop', 'shopify']
const SIGNATURE: Record<Platform, string> = {
  kiwify: 'signature',
  hotmart: 'x-hotmart-hottok',
  nuvemshop: 'x-linkedstore-hmac-sha256',
  shopify: 'x-shopify-hmac-sha256',
}
const OVERSIZE = Buffer.alloc(1024 * 1024 + 1, 0x20)

type Kind =
  | 'valid'
  | 'unsigned'
  | 'tampered'
  | 'badSignature'
  | 'duplicateSignature'
  | 'signedMalformed'
  | 'signedWeird'
  | 'oversize'
  | 'unknownKey'
  | 'badPath'
  | 'wrongMethod'

interface Case {
  kind: Kind
  platform: Platform
  n: number
  pick: number
  junk: Uint8Array
  text: string
  contentType: string | null
  extraQuery: [string, string][]
  extraHeaders: [string, string][]
  method: string
  chunked: boolean
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Kind>('valid') },
    { weight: 10, arbitrary: fc.constant<Kind>('unsigned') },
    { weight: 10, arbitrary: fc.constant<Kind>('tampered') },
    { weight: 10, arbitrary: fc.constant<Kind>('badSignature') },
    { weight: 6, arbitrary: fc.constant<Kind>('duplicateSignature') },
    { weight: 12, arbitrary: fc.constant<Kind>('signedMalformed') },
    { weight: 6, arbitrary: fc.constant<Kind>('signedWeird') },
    { weight: 1, arbitrary: fc.constant<Kind>('oversize') },
    { weight: 4, arbitrary: fc.constant<Kind>('unknownKey') },
    { weight: 4, arbitrary: fc.constant<Kind>('badPath') },
    { weight: 4, arbitrary: fc.constant<Kind>('wrongMethod') },
  ),
  platform: fc.constantFrom(...PLATFORMS),
  n: fc.nat(),
  pick: fc.nat(),
  junk: fc.uint8Array({ minLength: 0, maxLength: 600 }),
  text: fc.string({ maxLength: 40 }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=zz',
    'application/octet-stream',
    null,
  ),
  extraQuery: fc.array(fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ maxLength: 20 })), {
    maxLength: 3,
  }),
  extraHeaders: fc.array(
    fc.tuple(fc.stringMatching(/^x-fz-[a-z]{1,8}$/), fc.stringMatching(/^[ -~]{0,40}$/)),
    { maxLength: 3 },
  ),
  method: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  chunked: fc.boolean(),
})

interface Built {
  url: string
  method: string
  headers: Record<string, string | string[]>
  body?: Buffer
  expect: number[]
  /** Dedup key of a well-formed body sent without a valid proof: must never be stored. */
  unverifiedKey?: string
  validKey?: string
}

let app: App
let dataDir: string
const sources = new Map<Platform, { path: string; secret: string }>()

beforeAll(async () => {
  dataDir = tempDataDir()
  app = await createApp({
    dataDir,
    receiverPort: 0,
    uiPort: null,
    limits: unlimitedRates,
    schedulerIntervalMs: 60_000,
  })
  for (const platform of PLATFORMS) {
    const secret = `fuzz-${platform}-secret-0123456789`
    const { row } = app.sources.create({ platform, name: `fuzz ${platform}`, secret })
    sources.set(platform, { path: `/hooks/${row.webhook_key}`, secret })
  }
})

afterAll(async () => {
  await app?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A well-formed body for the platform (Nuvemshop's is thin) with its proof. */
function wellFormed(platform: Platform, secret: string, id: string, n: number) {
  if (platform === 'nuvemshop') {
    const body = Buffer.from(JSON.stringify({ store_id: 77, event: 'order/paid', id: n }))
    const sig = createHmac('sha256', secret).update(body).digest('hex')
    return {
      key: `77:order/paid:${n}`,
      body,
      headers: { 'x-linkedstore-hmac-sha256': sig } as Record<string, string>,
      query: new URLSearchParams(),
    }
  }
  const d = uniqueDelivery(platform as EventPlatform, secret, id)
  const headers = { ...d.headers }
  delete headers['content-type']
  return { key: d.key, body: d.body, headers, query: d.query }
}

/** Signs arbitrary bytes the way the platform does (Shopify also gets its topic). */
function signBytes(platform: Platform, secret: string, body: Buffer) {
  const headers: Record<string, string> = {}
  const query = new URLSearchParams()
  if (platform === 'kiwify') query.set('signature', hmac('sha1', secret, body, 'hex'))
  if (platform === 'hotmart') headers['x-hotmart-hottok'] = secret
  if (platform === 'nuvemshop')
    headers['x-linkedstore-hmac-sha256'] = hmac('sha256', secret, body, 'hex')
  if (platform === 'shopify') {
    headers['x-shopify-hmac-sha256'] = hmac('sha256', secret, body, 'base64')
    headers['x-shopify-topic'] = 'orders/paid'
  }
  return { headers, query }
}

const hmac = (alg: string, key: string, body: Buffer, enc: 'hex' | 'base64') =>
  createHmac(alg, key).update(body).digest(enc)

/** Bodies that are not a platform payload, whatever their signature. */
function malformedBody(c: Case, valid: Buffer): Buffer {
  switch (c.pick % 6) {
    case 0:
      return valid.subarray(0, 1 + (c.n % (valid.length - 1)))
    case 1:
      return Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe]), valid.subarray(1)])
    case 2: {
      const depth = 1000 + (c.n % 50_000)
      return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)
    }
    case 3:
      return Buffer.from(JSON.stringify([c.text, c.n]))
    case 4:
      return Buffer.concat([Buffer.from('\u0000{'), Buffer.from(c.junk)])
    default:
      return Buffer.from(`{"id": ${'9'.repeat(400)}, "event": ${JSON.stringify(c.text)}`)
  }
}

function build(c: Case, base: string, i: number): Built {
  const { path, secret } = sources.get(c.platform)!
  const id = `fz${i}-${c.n}`
  const good = wellFormed(c.platform, secret, id, 1_000_000 + i)
  let body = good.body
  let headers: Record<string, string | string[]> = { ...good.headers }
  let query = new URLSearchParams(good.query)
  let expect = [200]
  let unverifiedKey: string | undefined = good.key
  const sig = SIGNATURE[c.platform]
  const setSig = (value: string | string[]) => {
    if (c.platform === 'kiwify') {
      query.delete('signature')
      for (const v of [value].flat()) query.append('signature', v)
    } else headers[sig] = value
  }
  const currentSig = () =>
    c.platform === 'kiwify' ? query.get('signature')! : String(headers[sig])
  let method = 'POST'
  let target = path

  switch (c.kind) {
    case 'valid':
      unverifiedKey = undefined
      break
    case 'unsigned':
      if (c.platform === 'kiwify') query.delete('signature')
      else delete headers[sig]
      expect = [401]
      break
    case 'tampered':
      if (c.platform === 'hotmart') {
        // The hottok is not a digest of the body: tamper with the token instead.
        setSig(`${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`)
      } else {
        const copy = Buffer.from(body)
        const at = c.n % copy.length
        copy[at] = copy[at]! ^ (1 + (c.pick % 255))
        body = copy
      }
      expect = [401]
      break
    case 'badSignature': {
      const real = currentSig()
      const variants =
        c.platform === 'hotmart'
          ? [c.text.trim() === secret ? 'nope' : c.text, 'ç'.repeat(8), 'a'.repeat(5000)]
          : [
              // The right digest in the wrong encoding, a truncated one, random text.
              c.platform === 'shopify'
                ? Buffer.from(real, 'base64').toString('hex')
                : Buffer.from(real, 'hex').toString('base64'),
              real.slice(0, -2),
              c.text,
              'A'.repeat(real.length),
            ]
      setSig(variants[c.pick % variants.length]!)
      expect = [401]
      break
    }
    case 'duplicateSignature': {
      const real = currentSig()
      setSig([real, c.pick % 2 ? real : 'f'.repeat(real.length)])
      expect = [401]
      break
    }
    case 'signedMalformed': {
      body = malformedBody(c, body)
      const signed = signBytes(c.platform, secret, body)
      headers = { ...signed.headers }
      query = signed.query
      expect = [400]
      unverifiedKey = undefined
      break
    }
    case 'signedWeird': {
      // Well-formed JSON with huge numbers and deep junk inside a real envelope.
      const json = JSON.parse(body.toString()) as Record<string, unknown>
      json.fz_huge = Number('1e308') * 10
      json.fz_deep = JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`)
      const text = JSON.stringify(json).replace('"fz_huge":null', `"fz_huge":1${'0'.repeat(400)}`)
      body = Buffer.from(text)
      const signed = signBytes(c.platform, secret, body)
      headers = { ...good.headers, ...signed.headers }
      query = signed.query
      expect = [200, 400]
      unverifiedKey = undefined
      break
    }
    case 'oversize':
      body = OVERSIZE
      expect = [413]
      unverifiedKey = undefined
      break
    case 'unknownKey':
      target = `/hooks/${`unknown${c.n}`.padEnd(24, 'x')}`
      expect = [404]
      break
    case 'badPath':
      target = `/${encodeURIComponent(c.text)}x/${c.n}`
      expect = [404]
      break
    case 'wrongMethod':
      method = c.method
      expect = [405]
      break
  }
  for (const [k, v] of c.extraQuery) if (k !== 'signature') query.append(k, v)
  for (const [k, v] of c.extraHeaders) headers[k] = v
  if (c.contentType) headers['content-type'] = c.contentType
  if (c.chunked && method === 'POST') headers['transfer-encoding'] = 'chunked'
  else headers['content-length'] = String(body.length)
  const q = query.toString()
  return {
    url: `${base}${target}${q ? `?${q}` : ''}`,
    method,
    headers,
    body: method === 'POST' || c.pick % 2 ? body : undefined,
    expect,
    unverifiedKey,
    validKey: c.kind === 'valid' ? good.key : undefined,
  }
}

describe('receiver fuzzing', () => {
  it(`answers ${RUNS} random and mutated requests with the right 4xx and stores nothing unverified`, async () => {
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: RUNS })
    const wrong: string[] = []
    const unverified = new Set<string>()
    const valid = new Set<string>()
    const seen = new Map<Kind, number>()
    await pool(cases, 16, async (c, i) => {
      const req = build(c, app.receiverUrl, i)
      const answer = await send(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
      })
      seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1)
      if (!req.expect.includes(answer.status) && wrong.length < 20) {
        wrong.push(`#${i} ${c.kind}/${c.platform}: ${answer.status} ${answer.body.slice(0, 120)}`)
      }
      if (req.unverifiedKey && answer.status !== 200) unverified.add(req.unverifiedKey)
      if (req.validKey) valid.add(req.validKey)
    })
    expect(wrong).toEqual([])
    expect(seen.size).toBe(11)

    const started = performance.now()
    const health = await send(`${app.receiverUrl}/health`, { method: 'GET', agent: false })
    expect(health.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)

    const stored = new Set(
      app.db.sqlite.prepare('SELECT dedup_key FROM events').pluck().all() as string[],
    )
    const thin = app.db.sqlite
      .prepare("SELECT dedup_key FROM deliveries WHERE outcome = 'enrich_pending'")
      .pluck()
      .all() as string[]
    for (const key of thin) stored.add(key)
    expect([...unverified].filter((k) => stored.has(k))).toEqual([])
    expect([...valid].filter((k) => !stored.has(k))).toEqual([])
    const keptBodies = app.db.sqlite
      .prepare('SELECT count(*) FROM deliveries WHERE verified = 0 AND body IS NOT NULL')
      .pluck()
      .get()
    expect(keptBodies).toBe(0)
  }, 90_000)
})
