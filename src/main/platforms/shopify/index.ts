// The Shopify adapter: base64 HMAC verification and topic-based normalization.
import type { PlatformAdapter } from '../types'
import { normalizeShopify } from './normalize'
import { verifyShopify } from './verify'

export const shopifyAdapter: PlatformAdapter = {
  platform: 'shopify',
  verify: verifyShopify,
  normalize: normalizeShopify,
}

export { normalizeShopify, verifyShopify }
