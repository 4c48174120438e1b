import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Platform } from '../../../src/shared/events'
import { fixture, OTHER_SECRET, SECRET, signed, verify } from './support'

const dir = join(__dirname, '../../fixtures/webhooks')
const fixtures = [
  ...readdirSync(dir),
  ...readdirSync(join(dir, 'variants')).map((f) => `variants/${f}`),
].filter((f) => f.endsWith('.json'))
const platformOf = (file: string) => file.replace('variants/', '').split('-')[0] as Platform
const hmacPlatforms: Platform[] = ['shopify', 'nuvemshop', 'kiwify']

/** Flips one byte in the middle of the body. */
function tamper(raw: Buffer): Buffer {
  const copy = Buffer.from(raw)
  const at = Math.floor(copy.length / 2)
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41
  return copy
}

describe('every fixture', () => {
  it.each(fixtures)('verifies %s signed the way its platform signs', (file) => {
    const platform = platformOf(file)
    expect(verify(platform, signed(platform, fixture(file)))).toEqual({ ok: true })
  })

  it.each(fixtures.filter((f) => hmacPlatforms.includes(platformOf(f))))(
    'refuses %s with one byte changed',
    (file) => {
      const platform = platformOf(file)
      const delivery = signed(platform, fixture(file))
      expect(verify(platform, { ...delivery, raw: tamper(delivery.raw) })).toEqual({
        ok: false,
        reason: 'signature mismatch',
      })
    },
  )
})

describe.each(['shopify', 'nuvemshop', 'kiwify', 'hotmart'] as Platform[])(
  '%s secrets',
  (platform) => {
    const raw = Buffer.from('{"id":1}')

    it(`refuses a ${platform} delivery signed with another secret`, () => {
      expect(verify(platform, signed(platform, raw, OTHER_SECRET))).toMatchObject({ ok: false })
    })

    it(`accepts a ${platform} delivery signed with the second secret during a rotation`, () => {
      expect(verify(platform, signed(platform, raw, OTHER_SECRET), [SECRET, OTHER_SECRET])).toEqual(
        {
          ok: true,
        },
      )
    })

    it(`refuses every ${platform} delivery when no secret is configured`, () => {
      expect(verify(platform, signed(platform, raw), ['', ''])).toEqual({
        ok: false,
        reason: 'no secret configured for this source',
      })
    })
  },
)

describe('Shopify verification', () => {
  const raw = fixture('shopify-orders_paid-1.json')

  it('refuses a delivery without the HMAC header', () => {
    const delivery = signed('shopify', raw)
    const { 'x-shopify-hmac-sha256': _, ...headers } = delivery.headers
    expect(verify('shopify', { ...delivery, headers })).toEqual({
      ok: false,
      reason: 'missing X-Shopify-Hmac-Sha256 header',
    })
  })

  it('accepts the newer Events header without the X- prefix', () => {
    const delivery = signed('shopify', raw, SECRET, { shopifyHeaders: 'events' })
    expect(delivery.headers['shopify-hmac-sha256']).toBeDefined()
    expect(verify('shopify', delivery)).toEqual({ ok: true })
  })

  it('refuses a duplicated HMAC header', () => {
    const delivery = signed('shopify', raw)
    const value = delivery.headers['x-shopify-hmac-sha256'] as string
    const headers = { ...delivery.headers, 'x-shopify-hmac-sha256': [value, value] }
    expect(verify('shopify', { ...delivery, headers })).toEqual({
      ok: false,
      reason: 'X-Shopify-Hmac-Sha256 header sent more than once',
    })
  })

  it('refuses a hex signature where base64 is expected', () => {
    const delivery = signed('shopify', raw)
    const headers = { ...delivery.headers, 'x-shopify-hmac-sha256': 'ab'.repeat(32) }
    expect(verify('shopify', { ...delivery, headers })).toEqual({
      ok: false,
      reason: 'signature is not a base64 SHA-256 HMAC',
    })
  })

  it('refuses a body re-serialised after signing', () => {
    const delivery = signed('shopify', fixture('shopify-checkouts_create-1.json'))
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(delivery.raw.toString())))
    expect(verify('shopify', { ...delivery, raw: reserialised })).toEqual({
      ok: false,
      reason: 'signature mismatch',
    })
  })

  it('reads header names in any case', () => {
    const delivery = signed('shopify', raw)
    const headers = { 'X-Shopify-Hmac-Sha256': delivery.headers['x-shopify-hmac-sha256'] }
    expect(verify('shopify', { ...delivery, headers })).toEqual({ ok: true })
  })
})

describe('Kiwify verification', () => {
  const token = '9ch0bpzogu9'
  const real = (file: string, signature: string) => ({
    raw: fixture(file),
    headers: {},
    query: new URLSearchParams({ signature }),
  })

  it('accepts the real sandbox signature of the boleto delivery', () => {
    const delivery = real(
      'kiwify-billet_created-1.json',
      '06f61a6aff46cea884f02a981caedc92c3c247b8',
    )
    expect(verify('kiwify', delivery, [token])).toEqual({ ok: true })
  })

  it('accepts the real sandbox signature of the PIX delivery', () => {
    const delivery = real('kiwify-pix_created-1.json', 'c917b9ac6d93c7f7a4ae2163aff0bdc482d1cc75')
    expect(verify('kiwify', delivery, [token])).toEqual({ ok: true })
  })

  it('produces the same signature Kiwify sent', () => {
    const { query } = signed('kiwify', fixture('kiwify-billet_created-1.json'), token)
    expect(query.get('signature')).toBe('06f61a6aff46cea884f02a981caedc92c3c247b8')
  })

  it('refuses a real delivery checked with the wrong token', () => {
    const delivery = real(
      'kiwify-billet_created-1.json',
      '06f61a6aff46cea884f02a981caedc92c3c247b8',
    )
    expect(verify('kiwify', delivery, ['another-token'])).toEqual({
      ok: false,
      reason: 'signature mismatch',
    })
  })

  it('accepts an uppercase hex signature', () => {
    const delivery = real(
      'kiwify-billet_created-1.json',
      '06F61A6AFF46CEA884F02A981CAEDC92C3C247B8',
    )
    expect(verify('kiwify', delivery, [token])).toEqual({ ok: true })
  })

  it('refuses a delivery without the signature parameter', () => {
    expect(
      verify('kiwify', {
        raw: fixture('kiwify-billet_created-1.json'),
        headers: {},
        query: new URLSearchParams(),
      }),
    ).toEqual({
      ok: false,
      reason: 'missing signature query parameter',
    })
  })

  it('refuses a signature that is not 40 hex characters', () => {
    const delivery = real('kiwify-billet_created-1.json', 'not-a-signature')
    expect(verify('kiwify', delivery, [token])).toEqual({
      ok: false,
      reason: 'signature is not 40 hex characters',
    })
  })

  it('refuses a repeated signature parameter', () => {
    const query = new URLSearchParams('signature=a&signature=b')
    expect(verify('kiwify', { raw: Buffer.from('{}'), headers: {}, query })).toEqual({
      ok: false,
      reason: 'signature query parameter sent more than once',
    })
  })
})

describe('Nuvemshop verification', () => {
  const raw = fixture('nuvemshop-order_paid-1.json')

  it('refuses a delivery without the HMAC header', () => {
    expect(verify('nuvemshop', { raw, headers: {}, query: new URLSearchParams() })).toEqual({
      ok: false,
      reason: 'missing X-Linkedstore-Hmac-Sha256 header',
    })
  })

  it('refuses a base64 signature where hex is expected', () => {
    const headers = { 'x-linkedstore-hmac-sha256': `${'q'.repeat(43)}=` }
    expect(verify('nuvemshop', { raw, headers, query: new URLSearchParams() })).toEqual({
      ok: false,
      reason: 'signature is not 64 hex characters',
    })
  })
})

describe('Hotmart verification', () => {
  const raw = fixture('hotmart-PURCHASE_APPROVED-1.json')

  it('refuses a delivery with another hottok without echoing it', () => {
    const result = verify('hotmart', signed('hotmart', raw, 'wrong-hottok'))
    expect(result).toEqual({ ok: false, reason: 'hottok mismatch' })
  })

  it('falls back to a hottok in the body when the header is absent', () => {
    const body = Buffer.from(JSON.stringify({ hottok: SECRET, ...JSON.parse(raw.toString()) }))
    expect(verify('hotmart', { raw: body, headers: {}, query: new URLSearchParams() })).toEqual({
      ok: true,
    })
  })

  it('prefers the header over the body hottok', () => {
    const body = Buffer.from(JSON.stringify({ hottok: SECRET }))
    const headers = { 'x-hotmart-hottok': 'wrong' }
    expect(verify('hotmart', { raw: body, headers, query: new URLSearchParams() })).toEqual({
      ok: false,
      reason: 'hottok mismatch',
    })
  })

  it('reads the hottok of a form-encoded legacy postback', () => {
    const body = Buffer.from(`hottok=${SECRET}&prod=123&status=approved&transaction=HP1`)
    expect(verify('hotmart', { raw: body, headers: {}, query: new URLSearchParams() })).toEqual({
      ok: true,
    })
  })

  it('refuses a delivery with neither header nor body hottok', () => {
    expect(verify('hotmart', { raw, headers: {}, query: new URLSearchParams() })).toEqual({
      ok: false,
      reason: 'missing X-HOTMART-HOTTOK header and body hottok',
    })
  })

  it('refuses a hottok that is a prefix of the secret', () => {
    const headers = { 'x-hotmart-hottok': SECRET.slice(0, -1) }
    expect(verify('hotmart', { raw, headers, query: new URLSearchParams() })).toMatchObject({
      ok: false,
    })
  })
})
