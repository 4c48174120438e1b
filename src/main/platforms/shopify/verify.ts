// Shopify proof of origin: base64 HMAC-SHA256 of the raw body, in `X-Shopify-Hmac-Sha256`
// (or `shopify-hmac-sha256` on the newer Events deliveries). The key is the app client secret,
// or the admin page's key for webhooks made by hand; two secrets cover a rotation.
import { matchesAnyHmac, mismatch, noSecret, readHeader, usableSecrets } from '../crypto'
import type { VerifyInput, VerifyResult } from '../types'

export const SHOPIFY_HMAC_HEADERS = ['x-shopify-hmac-sha256', 'shopify-hmac-sha256'] as const

export function verifyShopify(input: VerifyInput): VerifyResult {
  if (usableSecrets(input.secrets).length === 0) return noSecret
  const header = readHeader(input.headers, ...SHOPIFY_HMAC_HEADERS)
  if (header.kind === 'missing')
    return { ok: false, reason: 'missing X-Shopify-Hmac-Sha256 header' }
  if (header.kind === 'duplicated') {
    return { ok: false, reason: 'X-Shopify-Hmac-Sha256 header sent more than once' }
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(header.value)) {
    return { ok: false, reason: 'signature is not a base64 SHA-256 HMAC' }
  }
  const provided = Buffer.from(header.value, 'base64')
  return matchesAnyHmac('sha256', input.raw, provided, input.secrets) ? { ok: true } : mismatch
}
