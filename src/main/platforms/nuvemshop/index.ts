// The Nuvemshop adapter: hex HMAC verification; webhooks become `enrich` requests, and the
// fetched order / polled checkout are normalized by the exported pure functions.
import type { PlatformAdapter } from '../types'
import {
  normalizeNuvemshopCheckout,
  normalizeNuvemshopOrder,
  normalizeNuvemshopWebhook,
} from './normalize'
import { verifyNuvemshop } from './verify'

export const nuvemshopAdapter: PlatformAdapter = {
  platform: 'nuvemshop',
  verify: verifyNuvemshop,
  normalize: normalizeNuvemshopWebhook,
}

export {
  normalizeNuvemshopCheckout,
  normalizeNuvemshopOrder,
  normalizeNuvemshopWebhook,
  verifyNuvemshop,
}
