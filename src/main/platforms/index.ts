// The platform registry: one adapter per platform, looked up by name.
import type { Platform } from '../../shared/events'
import { hotmartAdapter } from './hotmart'
import { kiwifyAdapter } from './kiwify'
import { nuvemshopAdapter } from './nuvemshop'
import { shopifyAdapter } from './shopify'
import type { PlatformAdapter } from './types'

export const adapters: Readonly<Record<Platform, PlatformAdapter>> = {
  kiwify: kiwifyAdapter,
  hotmart: hotmartAdapter,
  nuvemshop: nuvemshopAdapter,
  shopify: shopifyAdapter,
}

export function adapterFor(platform: Platform): PlatformAdapter {
  return adapters[platform]
}

export { parseJsonExact, tryParseJson } from './json'
export { normalizeNuvemshopCheckout, normalizeNuvemshopOrder } from './nuvemshop'
export { type SignedDelivery, type SignOptions, signDelivery } from './sign'
export type {
  Headers,
  NormalizeResult,
  PlatformAdapter,
  SourceContext,
  VerifyInput,
  VerifyResult,
} from './types'
