// The Kiwify adapter: query-signature verification and flat-JSON normalization.
import type { PlatformAdapter } from '../types'
import { normalizeKiwify } from './normalize'
import { verifyKiwify } from './verify'

export const kiwifyAdapter: PlatformAdapter = {
  platform: 'kiwify',
  verify: verifyKiwify,
  normalize: normalizeKiwify,
}

export { normalizeKiwify, verifyKiwify }
