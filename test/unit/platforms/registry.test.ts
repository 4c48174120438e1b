import { describe, expect, it } from 'vitest'
import { adapterFor, signDelivery } from '../../../src/main/platforms'
import { PLATFORMS } from '../../../src/shared/events'

describe('platform registry', () => {
  it.each(PLATFORMS)('has an adapter for %s', (platform) => {
    expect(adapterFor(platform).platform).toBe(platform)
  })

  it('never throws from normalize, whatever the bytes', () => {
    const bodies = ['', 'null', '1', '"x"', '[]', '{"data":null}', '\u0000\u0001', '{"id":{}}']
    for (const platform of PLATFORMS) {
      for (const body of bodies) {
        const result = adapterFor(platform).normalize(
          Buffer.from(body),
          { 'x-shopify-topic': 'orders/paid' },
          {
            sourceId: 's',
            checkoutUrl: null,
            storeId: null,
          },
        )
        expect(['malformed', 'unsupported', 'events']).toContain(result.kind)
      }
    }
  })
})

describe('signDelivery', () => {
  const body = Buffer.from('{"id":1}')

  it('signs Shopify with base64 HMAC-SHA256 and the delivery headers', () => {
    const { headers, query } = signDelivery('shopify', body, 'secret', {
      topic: 'orders/paid',
      shopDomain: 'loja.myshopify.com',
      triggeredAt: '2025-01-01T00:00:00Z',
      webhookId: 'wh-1',
    })
    expect(headers).toMatchObject({
      'x-shopify-hmac-sha256': 'A971iWIMgT8Zj9A9eWfikrFj7wQ16/Qwcc4OlRl2PLc=',
      'x-shopify-topic': 'orders/paid',
      'x-shopify-shop-domain': 'loja.myshopify.com',
      'x-shopify-triggered-at': '2025-01-01T00:00:00Z',
      'x-shopify-webhook-id': 'wh-1',
    })
    expect([...query]).toEqual([])
  })

  it('signs Nuvemshop with lowercase hex HMAC-SHA256', () => {
    expect(signDelivery('nuvemshop', body, 'secret').headers['x-linkedstore-hmac-sha256']).toMatch(
      /^[0-9a-f]{64}$/,
    )
  })

  it('signs Kiwify in the query, not in headers', () => {
    const { headers, query } = signDelivery('kiwify', body, 'secret')
    expect(query.get('signature')).toMatch(/^[0-9a-f]{40}$/)
    expect(Object.keys(headers)).toEqual(['content-type'])
  })

  it('sends the Hotmart hottok in its header', () => {
    expect(signDelivery('hotmart', body, 'hot').headers['x-hotmart-hottok']).toBe('hot')
  })
})
